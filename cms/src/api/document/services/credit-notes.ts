import type { Core } from '@strapi/strapi';
import {
  dayInFrance,
  invoiceTotals,
  lineAmounts,
  refusal,
  type CreditNoteRequest,
  type CreditNoteSummary,
  type InvoiceLine,
  type InvoiceSnapshot,
} from '@ventalis/contracts';
import { fieldError, notFound, refused } from '../../../utils/validation';
import { afterCommit } from '../../../utils/after-commit';
import { asDocument } from '../../../utils/tables';
import { getService } from '../../../utils/services';

const INVOICE = 'api::document.invoice';
const CREDIT_NOTE = 'api::document.credit-note';
type Row = Record<string, any>;

export interface Issuer {
  role: 'consultant' | 'administrator' | 'system';
  name: string | null;
}

/** What is left to credit on each line of an invoice: units and amounts not yet taken off. */
type Remaining = Map<number, { line: InvoiceLine; quantity: number; exclVatCents: number; vatCents: number }>;

const SUMMARY_FIELDS = ['id', 'number', 'issueDate', 'reason', 'totalExclVatCents', 'totalVatCents', 'totalInclVatCents'];

/**
 * Credit notes: the only way an issued invoice is corrected. One takes off the whole invoice
 * when its order is cancelled or refunded, or the lines and quantities a consultant names
 * (a return, a damaged delivery), with a reason the client reads. Each has its own number in
 * the year's A- series, taken in its transaction, references the invoice, never changes, and
 * is a Factur-X PDF (type 381) like the invoice. A card payment is refunded by as much.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const remainingOf = async (invoice: Row): Promise<Remaining> => {
    const snapshot = invoice.snapshot as InvoiceSnapshot;
    const remaining: Remaining = new Map(snapshot.lines.map((line) => [line.lineNumber, { line, quantity: line.quantity, exclVatCents: line.exclVatCents, vatCents: line.vatCents }]));
    const earlier: Row[] = await strapi.db.query(CREDIT_NOTE).findMany({ where: { invoice: { id: invoice.id } }, select: ['id', 'snapshot'] });
    for (const note of earlier) {
      for (const credited of (note.snapshot as InvoiceSnapshot).lines) {
        const left = remaining.get(credited.lineNumber);
        if (!left) continue;
        left.quantity -= credited.quantity;
        left.exclVatCents -= credited.exclVatCents;
        left.vatCents -= credited.vatCents;
      }
    }
    return remaining;
  };

  /**
   * The lines a request credits, refused with the line at fault: a line the invoice lacks, or
   * more units than are left. The last units of a line take what is left of its amounts, so
   * that the credit notes of a line never add up to more than the line.
   */
  const creditedLines = (remaining: Remaining, request: CreditNoteRequest['lines'], regime: InvoiceSnapshot['vatRegime']): InvoiceLine[] => {
    const asked = new Map<number, number>();
    if (request) for (const { lineNumber, quantity } of request) asked.set(lineNumber, (asked.get(lineNumber) ?? 0) + quantity);
    else for (const [lineNumber, left] of remaining) if (left.quantity > 0) asked.set(lineNumber, left.quantity);
    if (asked.size === 0) throw refused(refusal('credit_note.nothing_left', 'Everything on this invoice is already credited'));
    return [...asked].map(([lineNumber, quantity]) => {
      const left = remaining.get(lineNumber);
      if (!left) throw fieldError('lines', refusal('credit_note.line_unknown', `The invoice has no line ${lineNumber}`, { line: lineNumber }));
      if (quantity > left.quantity) throw fieldError('lines', refusal('credit_note.exceeds_invoiced', `Line ${lineNumber}: at most ${left.quantity} units are left to credit`, { line: lineNumber, remaining: left.quantity }));
      const { line } = left;
      const amounts =
        quantity === left.quantity
          ? { exclVatCents: left.exclVatCents, vatCents: left.vatCents }
          : lineAmounts({ quantity, pricePer1000Cents: line.pricePer1000Cents, vatRate: line.vatRate, co2eKgPer1000: 0 }, regime);
      return { ...line, quantity, exclVatCents: Math.min(amounts.exclVatCents, left.exclVatCents), vatCents: Math.min(amounts.vatCents, left.vatCents) };
    });
  };

  const service = {
    /**
     * Issues a credit note on an invoice, inside one transaction: the invoice's row is locked,
     * the lines checked against what earlier credit notes took, the next A- number taken, the
     * card payment refunded by as much when `refund` (a cancellation refunds the whole payment
     * itself). Returns the credit note's number.
     */
    async issue(invoiceId: number, request: CreditNoteRequest, issuer: Issuer, { refund = true }: { refund?: boolean } = {}, issuedAt = new Date()): Promise<string> {
      return strapi.db.transaction(async ({ trx }) => {
        await strapi.db.getConnection('invoices').transacting(trx).where({ id: invoiceId }).forUpdate().first('id');
        const invoice = await strapi.db.query(INVOICE).findOne({
          where: { id: invoiceId },
          select: ['id', 'number', 'issueDate', 'paymentMethod', 'paymentStatus', 'totalInclVatCents', 'paidCents', 'creditedCents', 'snapshot'],
          populate: { order: { select: ['id', 'status'] }, company: { select: ['id'], populate: { consultant: { select: ['id'] } } }, customer: { select: ['id'] } },
        });
        if (!invoice) throw notFound(refusal('invoice.not_found', 'No invoice within your reach has this number'));
        const frozen = invoice.snapshot as InvoiceSnapshot;
        const lines = creditedLines(await remainingOf(invoice), request.lines, frozen.vatRegime);
        const issueDate = dayInFrance(issuedAt);
        const year = Number(issueDate.slice(0, 4));
        const { sequence, number } = await getService('document.numbers').next('credit_note', year);
        const totals = invoiceTotals(lines, frozen.vatRegime);
        const snapshot: InvoiceSnapshot = {
          ...frozen,
          kind: 'credit_note',
          number,
          issueDate,
          // Who Ventalis is today, for a document issued today.
          seller: (await getService('seller.details').current()) ?? frozen.seller,
          lines,
          totals,
          payment: { ...frozen.payment, dueDate: issueDate, paymentReference: number },
          corrects: { number: invoice.number, issueDate: String(invoice.issueDate).slice(0, 10) },
          reason: request.reason,
        };
        const refundedCents = refund && invoice.paymentMethod === 'card' ? totals.inclVatCents : 0;
        if (refundedCents > 0 && invoice.order) {
          const order = await getService('order.lifecycle').load({ id: invoice.order.id });
          if (order) await getService('order.payments').refundPart(order, refundedCents, number);
        }
        const created = await strapi.db.query(CREDIT_NOTE).create({
          data: asDocument({
            number,
            year,
            sequence,
            invoice: invoice.id,
            company: invoice.company?.id ?? null,
            customer: invoice.customer?.id ?? null,
            consultant: invoice.company?.consultant?.id ?? null,
            issuedAt,
            issueDate,
            reason: request.reason,
            totalExclVatCents: totals.exclVatCents,
            totalVatCents: totals.vatCents,
            totalInclVatCents: totals.inclVatCents,
            refundedCents,
            issuedByRole: issuer.role,
            issuedByName: issuer.name,
            snapshot,
            pdfStatus: 'pending',
            pdfAttempts: 0,
          }),
        });
        await getService('document.invoices').settle(invoice, { paidCents: Number(invoice.paidCents), creditedCents: Number(invoice.creditedCents) + totals.inclVatCents });
        afterCommit(strapi, () => getService('document.invoices').makePdfSoon(created.id, 'credit_note'));
        return number;
      });
    },

    /** A cancelled or refunded order's invoice is credited in full (what is left of it), once; nothing when it has no invoice. */
    async creditOrder(orderId: number, reason: string): Promise<string | null> {
      const invoice = await strapi.db.query(INVOICE).findOne({ where: { order: { id: orderId } }, select: ['id'] });
      if (!invoice) return null;
      const left = [...(await remainingOf(await strapi.db.query(INVOICE).findOne({ where: { id: invoice.id }, select: ['id', 'snapshot'] }))).values()].some((line) => line.quantity > 0);
      if (!left) return null;
      // The cancellation refunds the whole card payment itself.
      return service.issue(invoice.id, { reason }, { role: 'system', name: null }, { refund: false });
    },

    /** The credit notes of an invoice, oldest first. */
    async listForInvoice(invoiceId: number): Promise<CreditNoteSummary[]> {
      const rows: Row[] = await strapi.db.query(CREDIT_NOTE).findMany({ where: { invoice: { id: invoiceId } }, select: SUMMARY_FIELDS, populate: { invoice: { select: ['number'] } }, orderBy: { id: 'asc' } });
      return rows.map(toSummary);
    },

    /** The credit notes within `where` (a member's reach), newest first. */
    async list(where: Row): Promise<CreditNoteSummary[]> {
      const rows: Row[] = await strapi.db.query(CREDIT_NOTE).findMany({ where, select: SUMMARY_FIELDS, populate: { invoice: { select: ['number'] } }, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }] });
      return rows.map(toSummary);
    },

    /** One credit note within `where` (a member's or a consultant's reach), by number, or a 404. */
    async find(number: string, where: Row): Promise<{ id: number; summary: CreditNoteSummary }> {
      const row = await strapi.db.query(CREDIT_NOTE).findOne({ where: { number, ...where }, select: SUMMARY_FIELDS, populate: { invoice: { select: ['number'] } } });
      if (!row) throw notFound(refusal('invoice.not_found', 'No credit note within your reach has this number'));
      return { id: row.id, summary: toSummary(row) };
    },
  };
  return service;
};

const toSummary = (row: Row): CreditNoteSummary => ({
  number: row.number,
  issueDate: String(row.issueDate).slice(0, 10),
  invoiceNumber: row.invoice?.number ?? '',
  reason: row.reason,
  totalExclVatCents: Number(row.totalExclVatCents),
  totalVatCents: Number(row.totalVatCents),
  totalInclVatCents: Number(row.totalInclVatCents),
});
