/** What a person reads for each quote status, in the page's language. */
import type { QuoteStatus } from '@ventalis/contracts';
import { m } from './paraglide/messages.js';

const NAMES: Record<QuoteStatus, () => string> = {
  requested: m.quote_status_requested,
  sent: m.quote_status_sent,
  accepted: m.quote_status_accepted,
  declined: m.quote_status_declined,
  expired: m.quote_status_expired,
};

export function quoteStatusName(status: QuoteStatus): string {
  return NAMES[status]();
}
