import { m } from '#lib/paraglide/messages.js';
import { found, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

/** A member's quotes: a buyer's own requests, all of the company's for its admins and accountants. */
export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  return { quotes: await found(cms.listQuotes(jwt), m.quotes_title(), event.url) };
};
