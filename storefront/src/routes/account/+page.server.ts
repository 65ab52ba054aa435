import { requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const [account, ongoing, impact] = await Promise.all([cms.getAccount(jwt), cms.listOrders(jwt, { scope: 'ongoing', pageSize: 5 }), cms.getImpact(jwt)]);
  const profile = account?.role === 'customer' ? account : null;
  return { profile, ongoing, impact };
};
