import { m } from '#lib/paraglide/messages.js';
import { found, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

/** A member's invoices: a buyer's own orders', or all of the company's for its admins and accountants. */
export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  return { invoices: await found(cms.listInvoices(jwt), m.invoices_title(), event.url) };
};
