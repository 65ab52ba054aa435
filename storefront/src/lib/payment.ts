/** Payment terms and payment statuses as a person reads them, in the page's language. */
import type { PaymentStatus, PaymentTerms } from '@ventalis/contracts/company';
import type { InvoicePaymentStatus } from '@ventalis/contracts';
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

const INVOICE_STATUSES: Record<InvoicePaymentStatus, () => string> = {
  unpaid: m.invoice_status_unpaid,
  partially_paid: m.invoice_status_partially_paid,
  paid: m.invoice_status_paid,
  credited: m.invoice_status_credited,
};

/** Where an invoice's payment stands; an unpaid one past its due date says so first. */
export const invoiceStatusName = (invoice: { paymentStatus: InvoicePaymentStatus; overdue: boolean }): string =>
  invoice.overdue ? m.invoice_status_overdue() : INVOICE_STATUSES[invoice.paymentStatus]();
