import { z } from 'zod';
import type { Address } from './account.ts';
import { rule } from './error-codes.ts';
import { isDay } from './prices.ts';
import { textField } from './text.ts';
import { calendarDay, cents } from './answers.ts';
import type { VatRate } from './catalogue.ts';
import type { PaymentTerms } from './company.ts';
import type { Locale } from './locale.ts';
import type { vatRegimeOf } from './identity.ts';

/**
 * An issued invoice or credit note, exactly as it was at issue: everything its PDF and its
 * Factur-X XML say comes from this snapshot, and it never changes afterwards. Money is in
 * integer cents; prices are per 1,000 units, as everywhere in Ventalis.
 */

/** How VAT applies to the buyer: French VAT, or an exempt intra-Community supply (article 262 ter I CGI); see vatRegimeOf. */
export const VAT_REGIMES = ['domestic', 'intra_community'] as const satisfies readonly ReturnType<typeof vatRegimeOf>[];
export type VatRegime = (typeof VAT_REGIMES)[number];

export interface InvoiceSeller {
  legalName: string;
  legalForm: string;
  shareCapitalEuros: number;
  address: Address;
  siren: string;
  siret: string;
  rcsCity: string;
  vatNumber: string;
  iban: string;
  bic: string;
  /** Late-payment penalty rate, in basis points a year (1215 = 12.15 %). */
  latePenaltyRateBasisPoints: number;
}

export interface InvoiceBuyer {
  legalName: string;
  billingAddress: Address;
  /** Where the goods go, when not to the billing address. */
  deliveryAddress: Address | null;
  siret: string | null;
  vatNumber: string | null;
}

export interface InvoiceLine {
  /** 1, 2, 3… in the order's order. */
  lineNumber: number;
  productName: string;
  quantity: number;
  /** The net price the buyer pays, per 1,000 units excl. VAT. */
  pricePer1000Cents: number;
  /** The list price, when the buyer's negotiated price is lower (the difference is the discount). */
  listPricePer1000Cents: number | null;
  /** The product's French rate; under the intra-Community regime no VAT is charged whatever it is. */
  vatRate: VatRate;
  exclVatCents: number;
  vatCents: number;
}

/** VAT per rate: the base and the VAT of the lines at that rate. */
export interface VatBreakdown {
  /** The rate charged: the lines' rate, or '0' under the intra-Community regime. */
  rate: VatRate | '0';
  basisCents: number;
  vatCents: number;
}

export interface InvoiceTotals {
  exclVatCents: number;
  vatCents: number;
  inclVatCents: number;
  vatBreakdown: VatBreakdown[];
  /** Already paid when issued (a card payment): the invoice is then settled. */
  prepaidCents: number;
  /** What remains to pay: total incl. VAT − prepaid. */
  dueCents: number;
}

export interface InvoicePayment {
  method: 'card' | 'transfer';
  /** The company's terms when on invoice. */
  terms: PaymentTerms | null;
  /** YYYY-MM-DD */
  dueDate: string;
  /** What the transfer must say, so that it is matched: the document's number. */
  paymentReference: string;
}

export interface InvoiceSnapshot {
  kind: 'invoice' | 'credit_note';
  number: string;
  /** YYYY-MM-DD, in France's calendar. */
  issueDate: string;
  /** The date of the sale (the order), YYYY-MM-DD. */
  saleDate: string;
  /** Headings in French, with English below each where the buyer reads English. */
  language: Locale;
  seller: InvoiceSeller;
  buyer: InvoiceBuyer;
  orderReference: string;
  purchaseOrderNumber: string | null;
  vatRegime: VatRegime;
  lines: InvoiceLine[];
  totals: InvoiceTotals;
  payment: InvoicePayment;
  /** A credit note names the invoice it corrects, and why. */
  corrects: { number: string; issueDate: string } | null;
  reason: string | null;
}

/**
 * The totals of a document from its lines: the sums of the lines' rounded amounts, as the
 * order computed them (VAT per line), grouped per rate. No VAT at all under the
 * intra-Community regime.
 */
export function invoiceTotals(lines: Pick<InvoiceLine, 'vatRate' | 'exclVatCents' | 'vatCents'>[], regime: VatRegime, prepaidCents = 0): InvoiceTotals {
  const groups = new Map<VatBreakdown['rate'], VatBreakdown>();
  for (const line of lines) {
    const rate = regime === 'intra_community' ? '0' : line.vatRate;
    const group = groups.get(rate) ?? { rate, basisCents: 0, vatCents: 0 };
    group.basisCents += line.exclVatCents;
    group.vatCents += regime === 'intra_community' ? 0 : line.vatCents;
    groups.set(rate, group);
  }
  const vatBreakdown = [...groups.values()].sort((a, b) => Number(b.rate) - Number(a.rate));
  const exclVatCents = vatBreakdown.reduce((sum, group) => sum + group.basisCents, 0);
  const vatCents = vatBreakdown.reduce((sum, group) => sum + group.vatCents, 0);
  const inclVatCents = exclVatCents + vatCents;
  return { exclVatCents, vatCents, inclVatCents, vatBreakdown, prepaidCents, dueCents: inclVatCents - prepaidCents };
}

/** 'credited': credit notes took off all of it (a cancelled order), nothing was paid. */
export const INVOICE_PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'credited'] as const;
export type InvoicePaymentStatus = (typeof INVOICE_PAYMENT_STATUSES)[number];

/** An invoice as its readers list it: what it asks, what was paid, what remains and by when. */
export const invoiceSummarySchema = z.strictObject({
  number: z.string(),
  issueDate: calendarDay,
  dueDate: calendarDay,
  orderReference: z.string(),
  purchaseOrderNumber: z.string().nullable(),
  paymentMethod: z.enum(['card', 'transfer']),
  totalExclVatCents: cents,
  totalVatCents: cents,
  totalInclVatCents: cents,
  paidCents: cents,
  creditedCents: cents,
  balanceCents: cents,
  paymentStatus: z.enum(INVOICE_PAYMENT_STATUSES),
  overdue: z.boolean(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

/** An invoice in a consultant's list, with the company it is addressed to. */
export const consultantInvoiceSchema = invoiceSummarySchema.extend({ company: z.strictObject({ id: z.number().int(), legalName: z.string() }) });
export type ConsultantInvoice = z.infer<typeof consultantInvoiceSchema>;

/** A credit note as its readers list it. */
export const creditNoteSummarySchema = z.strictObject({
  number: z.string(),
  issueDate: calendarDay,
  invoiceNumber: z.string(),
  reason: z.string(),
  totalExclVatCents: cents,
  totalVatCents: cents,
  totalInclVatCents: cents,
});
export type CreditNoteSummary = z.infer<typeof creditNoteSummarySchema>;

/** A transfer as the invoice's readers see it. */
export const recordedTransferSchema = z.strictObject({ amountCents: cents, receivedOn: calendarDay, bankReference: z.string() });
export type RecordedTransfer = z.infer<typeof recordedTransferSchema>;

/** One invoice with the transfers received against it and the credit notes correcting it. */
export const invoiceDetailSchema = invoiceSummarySchema.extend({
  transfers: z.array(recordedTransferSchema),
  creditNotes: z.array(creditNoteSummarySchema),
});
export type InvoiceDetail = z.infer<typeof invoiceDetailSchema>;

/** What is left to pay on an invoice: never below zero (a credit after payment is owed back, not due). */
export const invoiceBalance = (invoice: { totalInclVatCents: number; paidCents: number; creditedCents: number }): number =>
  Math.max(0, invoice.totalInclVatCents - invoice.paidCents - invoice.creditedCents);

/**
 * A consultant's credit note on an invoice: a reason the client reads and, for a partial one,
 * the lines and quantities returned; without lines, everything not yet credited.
 */
export const creditNoteRequestSchema = z.strictObject({
  reason: textField('The reason', { max: 1000, kind: 'multi-line' }),
  lines: z
    .array(
      z.strictObject({
        lineNumber: z.number({ error: 'lineNumber must be the number of an invoice line' }).int('lineNumber must be the number of an invoice line').positive('lineNumber must be the number of an invoice line'),
        quantity: z.number({ error: 'quantity must be a number of units' }).int('quantity must be a whole number of units').refine((units) => units > 0, rule('credit_note.quantity_not_positive', 'The quantity credited must be more than 0')),
      }),
      { error: 'lines must be a list of { lineNumber, quantity }' },
    )
    .min(1, 'Name at least one line, or leave lines out to credit everything')
    .max(500, 'At most 500 lines')
    .optional(),
});
export type CreditNoteRequest = z.infer<typeof creditNoteRequestSchema>;

/** A consultant's list of their companies' invoices: GET /api/consultant/invoices. */
export const consultantInvoiceQuerySchema = z.strictObject({
  company: z.coerce.number({ error: 'company must be a company id' }).int('company must be a company id').positive('company must be a company id').optional(),
  status: z.enum(INVOICE_PAYMENT_STATUSES, { error: `status must be one of ${INVOICE_PAYMENT_STATUSES.join(', ')}` }).optional(),
  overdue: z.enum(['true', 'false'], { error: 'overdue must be true or false' }).transform((value) => value === 'true').optional(),
});

/** Whether an invoice with this balance and due date is overdue on `today` (YYYY-MM-DD, France). */
export const invoiceOverdue = (invoice: { balanceCents: number; dueDate: string }, today: string): boolean => invoice.balanceCents > 0 && invoice.dueDate < today;

/** A bank transfer received against an invoice, as a consultant or an administrator records it. */
export const transferSchema = z.strictObject({
  amountCents: z
    .number({ error: 'amountCents must be a number of cents' })
    .int('amountCents must be a whole number of cents')
    .refine((cents) => cents > 0, rule('transfer.amount_not_positive', 'The amount received must be more than 0 €')),
  receivedOn: z
    .string({ error: 'receivedOn is required' })
    .trim()
    .refine(isDay, rule('value.invalid_format', 'receivedOn must be a date written YYYY-MM-DD')),
  bankReference: textField('The bank reference', { max: 140 }),
});
export type TransferInput = z.input<typeof transferSchema>;
export type Transfer = z.infer<typeof transferSchema>;

/** Days after the due date at which an unpaid invoice's reminders go out, each once. */
export const REMINDER_DAYS = [1, 15, 30] as const;

/** How many reminders an invoice due on `dueDate` should have had by `today` (both YYYY-MM-DD): 0 to 3. */
export function remindersDue(dueDate: string, today: string): number {
  const late = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return REMINDER_DAYS.filter((days) => late >= days).length;
}
