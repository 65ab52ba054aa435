import { QUOTE_STATUSES, type QuoteStatus } from '@ventalis/contracts';
import { requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

/** The quotes of the consultant's companies, all or of one status. */
export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  const asked = event.url.searchParams.get('status') ?? '';
  const status = (QUOTE_STATUSES as readonly string[]).includes(asked) ? (asked as QuoteStatus) : undefined;
  return { quotes: await cms.listClientQuotes(jwt, { status }), status: status ?? '' };
};
