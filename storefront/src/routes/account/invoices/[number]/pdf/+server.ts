import { m } from '#lib/paraglide/messages.js';
import { found, requireRole } from '#lib/server/guard.ts';
import { pdfResponse } from '#lib/server/pdf.ts';
import { cms } from '#lib/server/services.ts';
import type { RequestHandler } from './$types';

/** An invoice's Factur-X PDF, for a member who may see it. */
export const GET: RequestHandler = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  return pdfResponse(await found(cms.invoicePdf(jwt, event.params.number), m.invoice_not_found(), event.url), event.params.number);
};
