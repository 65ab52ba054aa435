import { requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const asked = Number(event.url.searchParams.get('year'));
  // A year the cms cannot answer for (letters, 1850) falls back to the current one.
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : undefined;
  return { impact: await cms.getImpact(jwt, year) };
};
