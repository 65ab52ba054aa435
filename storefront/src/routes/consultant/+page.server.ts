import { requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  // Paid orders wait for the consultant to start them; orders in progress, to ship them.
  const [clients, paid, inProgress] = await Promise.all([
    cms.listClients(jwt, { pageSize: 5 }),
    cms.listClientOrders(jwt, { status: 'paid', pageSize: 20 }),
    cms.listClientOrders(jwt, { status: 'in_progress', pageSize: 20 }),
  ]);
  return { clients, paid, inProgress };
};
