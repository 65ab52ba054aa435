import { m } from '#lib/paraglide/messages.js';
import { found, requireRole } from '#lib/server/guard.ts';
import { pdfResponse } from '#lib/server/pdf.ts';
import { cms } from '#lib/server/services.ts';
import type { RequestHandler } from './$types';

/** A credit note's Factur-X PDF, for a member who sees the invoice it corrects. */
export const GET: RequestHandler = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  return pdfResponse(await found(cms.creditNotePdf(jwt, event.params.number), m.invoice_not_found(), event.url), event.params.number);
};
