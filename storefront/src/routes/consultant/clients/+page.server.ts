import { requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const page = Math.max(1, Math.trunc(Number(event.url.searchParams.get('page'))) || 1);
  return { q, clients: await cms.listClients(jwt, { q, page, pageSize: 25 }) };
};
