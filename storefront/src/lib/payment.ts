/** Payment terms and payment statuses as a person reads them, in the page's language. */
import type { PaymentStatus, PaymentTerms } from '@ventalis/contracts/company';
import { m } from './paraglide/messages.js';

const TERMS: Record<PaymentTerms, () => string> = {
  card: m.payment_terms_card,
  transfer_30_days: m.payment_terms_transfer_30_days,
  transfer_45_days_end_of_month: m.payment_terms_transfer_45_days_end_of_month,
  transfer_60_days: m.payment_terms_transfer_60_days,
};

const STATUSES: Record<PaymentStatus, () => string> = {
  unpaid: m.payment_status_unpaid,
  paid: m.payment_status_paid,
  refunded: m.payment_status_refunded,
};

export const termsName = (terms: PaymentTerms): string => TERMS[terms]();
export const paymentStatusName = (status: PaymentStatus): string => STATUSES[status]();
