import { requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const scope = event.url.searchParams.get('scope') === 'completed' ? 'completed' : 'ongoing';
  const page = Math.max(1, Math.trunc(Number(event.url.searchParams.get('page'))) || 1);
  const orders = await cms.listOrders(jwt, { scope, page, pageSize: 20 });
  return { scope, orders };
};
