import { json } from '@sveltejs/kit';
import { requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { RequestHandler } from './$types';

/**
 * A fresh chat ticket for the page's socket, asked again at each (re)connection: the cms
 * token stays in the httpOnly cookie, the page only ever holds a ticket valid for a minute.
 */
export const GET: RequestHandler = async (event) => {
  const { jwt } = requireRole(event);
  return json(await cms.chatTicket(jwt), { headers: { 'cache-control': 'no-store' } });
};
