import { m } from '#lib/paraglide/messages.js';
import { found, requireRole } from '#lib/server/guard.ts';
import { pdfResponse } from '#lib/server/pdf.ts';
import { cms } from '#lib/server/services.ts';
import type { RequestHandler } from './$types';

/** A sent quote's PDF, for a member who may see it. */
export const GET: RequestHandler = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  return pdfResponse(await found(cms.quotePdf(jwt, event.params.number), m.quote_not_found(), event.url), event.params.number);
};
