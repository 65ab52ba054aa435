import type { RequestEvent } from '@sveltejs/kit';
import { m } from '../paraglide/messages.js';
import { found, requireRole } from './guard.ts';
import { pdfResponse } from './pdf.ts';
import { cms } from './services.ts';

/** The carbon statement of the year asked (this one by default) of the orders the customer sees, as the cms makes it. */
export async function carbonStatement(event: RequestEvent, format: 'pdf' | 'csv'): Promise<Response> {
  const { jwt } = requireRole(event, 'customer');
  const asked = Number(event.url.searchParams.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : undefined;
  return pdfResponse(await found(cms.impactStatement(jwt, year, format), m.impact_empty({ year: String(year ?? '') }), event.url), `ventalis-carbon-statement.${format}`);
}
