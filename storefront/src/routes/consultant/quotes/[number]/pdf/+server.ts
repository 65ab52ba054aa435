import { m } from '#lib/paraglide/messages.js';
import { found, requireRole } from '#lib/server/guard.ts';
import { pdfResponse } from '#lib/server/pdf.ts';
import { cms } from '#lib/server/services.ts';
import type { RequestHandler } from './$types';

/** The PDF of a quote sent to one of the consultant's companies. */
export const GET: RequestHandler = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  return pdfResponse(await found(cms.clientQuotePdf(jwt, event.params.number), m.quote_not_found(), event.url), event.params.number);
};
