import { m } from '#lib/paraglide/messages.js';
import { found, requireRole } from '#lib/server/guard.ts';
import { pdfResponse } from '#lib/server/pdf.ts';
import { cms } from '#lib/server/services.ts';
import type { RequestHandler } from './$types';

/** The Factur-X PDF of one of the consultant's companies' invoices. */
export const GET: RequestHandler = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  return pdfResponse(await found(cms.clientInvoicePdf(jwt, event.params.number), m.invoice_not_found(), event.url), event.params.number);
};
