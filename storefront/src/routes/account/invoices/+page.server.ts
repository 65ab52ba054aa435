import { m } from '#lib/paraglide/messages.js';
import { found, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

/** A member's invoices and credit notes: a buyer's own orders', or all of the company's for its admins and accountants. */
export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const [invoices, creditNotes] = await Promise.all([found(cms.listInvoices(jwt), m.invoices_title(), event.url), found(cms.listCreditNotes(jwt), m.invoices_title(), event.url)]);
  return { invoices, creditNotes };
};
