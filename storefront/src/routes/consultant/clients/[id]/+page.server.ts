import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { found, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  const NOT_FOUND = m.consultant_client_not_found();
  const id = Number(event.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) error(404, NOT_FOUND);
  const page = Math.max(1, Math.trunc(Number(event.url.searchParams.get('page'))) || 1);
  const [client, orders] = await Promise.all([found(cms.getClient(jwt, id), NOT_FOUND, event.url), cms.listClientOrders(jwt, { client: id, page, pageSize: 25 })]);
  return { client, orders };
};
