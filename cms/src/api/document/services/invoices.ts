import type { Core } from '@strapi/strapi';
import {
  dayInFrance,
  invoiceBalance,
  invoiceOverdue,
  invoiceTotals,
  isLocale,
  refusal,
  remindersDue,
  type Transfer,
  type Address,
  type InvoiceLine,
  type InvoicePaymentStatus,
  type InvoiceSnapshot,
  type InvoiceDetail,
  type InvoiceSummary,
  type RecordedTransfer,
  REMINDER_DAYS,
  type PaymentTerms,
  type VatRate,
  type VatRegime,
} from '@ventalis/contracts';
import { fieldError, notFound, refused } from '../../../utils/validation';
import { mails } from '../../../mail/templates';
import { accountLocale, storefrontLink } from '../../../utils/locale';
import { afterCommit } from '../../../utils/after-commit';
import { inBackground } from '../../../utils/background';
import { asDocument } from '../../../utils/tables';
import { getService } from '../../../utils/services';
import { renderOffThread } from '../../../invoicing/render-thread';
import type { QuoteSheet } from '../../../invoicing/pdf';
import { invoicesIssued, measureBacklog } from '../../../observability/metrics';

const INVOICE = 'api::document.invoice';
const CREDIT_NOTE = 'api::document.credit-note';
const TRANSFER = 'api::document.transfer';
/** The documents issued with a Factur-X PDF, and where each is kept. */
const ISSUED = {
  invoice: { uid: INVOICE, table: 'invoices', name: 'invoice' },
  credit_note: { uid: CREDIT_NOTE, table: 'credit_notes', name: 'credit note' },
} as const;
export type IssuedKind = keyof typeof ISSUED;
const ORDER = 'api::order.order';
/** A PDF that failed is tried again at each sweep, this many times in all; then it waits for an administrator. */
export const MAX_PDF_ATTEMPTS = 10;
/** Orders looked at per sweep for a missing invoice. */
const SWEEP_BATCH = 100;

type Row = Record<string, any>;

const SUMMARY_FIELDS = ['id', 'number', 'issueDate', 'dueDate', 'paymentMethod', 'totalExclVatCents', 'totalVatCents', 'totalInclVatCents', 'paidCents', 'creditedCents', 'paymentStatus'];

const addressOf = (row: Row | null | undefined): Address | null =>
  row ? { line1: row.line1, line2: row.line2 ?? '', postalCode: row.postalCode, city: row.city, country: String(row.country).toUpperCase() } : null;

/** What the company's documents say of it: its name, billing address (when known) and identifiers (a company row with its billingAddress). */
export const buyerOf = (company: Row): QuoteSheet['buyer'] => ({
  legalName: company.legalName ?? '',
  billingAddress: addressOf(company.billingAddress),
  deliveryAddress: null,
  siret: company.siret || null,
  vatNumber: company.vatNumber || null,
});

/** A company as buyerOf reads it. */
export const BUYER_FIELDS = { select: ['id', 'legalName', 'siret', 'vatNumber'], populate: { billingAddress: true } };

/** An order gets its invoice once its sale is certain: paid by card, or confirmed on invoice. */
const needsInvoice = (order: Row) =>
  order.paymentMethod === 'invoice' ? !['awaiting_approval', 'cancelled'].includes(order.status) : order.paymentStatus === 'paid';

/**
 * Invoices: one per order, issued as soon as the sale is certain (a card payment received, an
 * order on invoice confirmed), in a transaction of its own that takes the next number of the
 * year and freezes a snapshot of everything the invoice says. The snapshot never changes.
 * Its Factur-X PDF is made after that transaction and stored; if making it fails, it is tried
 * again, the failure shows in the panel, and whoever asks for it meanwhile gets it made on the
 * spot.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const loadOrder = (orderId: number): Promise<Row | null> =>
    strapi.db.query(ORDER).findOne({
      where: { id: orderId },
      populate: {
        lines: true,
        invoice: { select: ['id'] },
        customer: { select: ['id', 'language'] },
        company: { ...BUYER_FIELDS, populate: { ...BUYER_FIELDS.populate, consultant: { select: ['id'] } } },
      },
    });

  const snapshotOf = (order: Row, seller: InvoiceSnapshot['seller'], number: string, issueDate: string): InvoiceSnapshot => {
    const lines: InvoiceLine[] = (order.lines as Row[]).map((line, index) => ({
      lineNumber: index + 1,
      productName: line.productName,
      quantity: Number(line.quantity),
      pricePer1000Cents: Number(line.pricePer1000Cents),
      listPricePer1000Cents: line.listPricePer1000Cents != null && Number(line.listPricePer1000Cents) > Number(line.pricePer1000Cents) ? Number(line.listPricePer1000Cents) : null,
      vatRate: line.vatRate as VatRate,
      exclVatCents: Number(line.exclVatCents),
      vatCents: Number(line.vatCents),
    }));
    const byCard = order.paymentMethod !== 'invoice';
    const vatRegime: VatRegime = order.vatRegime === 'intra_community' ? 'intra_community' : 'domestic';
    const totals = invoiceTotals(lines, vatRegime, byCard ? Number(order.totalInclVatCents) : 0);
    // Only orders whose company has a billing address are invoiced (they wait for one, see issueMany).
    const { billingAddress, ...buyer } = buyerOf(order.company ?? {});
    if (!billingAddress) throw new Error(`Order ${order.reference} cannot be invoiced: its company has no billing address`);
    return {
      kind: 'invoice',
      number,
      issueDate,
      saleDate: dayInFrance(new Date(order.placedAt)),
      language: isLocale(order.customer?.language) ? order.customer.language : 'fr',
      seller,
      buyer: { ...buyer, billingAddress },
      orderReference: order.reference,
      purchaseOrderNumber: order.purchaseOrderNumber || null,
      vatRegime,
      lines,
      totals,
      payment: {
        method: byCard ? 'card' : 'transfer',
        terms: byCard ? null : (order.paymentTerms as PaymentTerms),
        dueDate: byCard ? issueDate : String(order.paymentDueAt).slice(0, 10),
        paymentReference: number,
      },
      corrects: null,
      reason: null,
    };
  };

  const toSummary = (row: Row, orderRow: Row | null, today = dayInFrance()): InvoiceSummary => {
    const balanceCents = invoiceBalance({ totalInclVatCents: Number(row.totalInclVatCents), paidCents: Number(row.paidCents), creditedCents: Number(row.creditedCents ?? 0) });
    const dueDate = String(row.dueDate).slice(0, 10);
    return {
      number: row.number,
      issueDate: String(row.issueDate).slice(0, 10),
      dueDate,
      orderReference: orderRow?.reference ?? '',
      purchaseOrderNumber: orderRow?.purchaseOrderNumber || null,
      paymentMethod: row.paymentMethod,
      totalExclVatCents: Number(row.totalExclVatCents),
      totalVatCents: Number(row.totalVatCents),
      totalInclVatCents: Number(row.totalInclVatCents),
      paidCents: Number(row.paidCents),
      creditedCents: Number(row.creditedCents ?? 0),
      balanceCents,
      paymentStatus: row.paymentStatus as InvoicePaymentStatus,
      overdue: invoiceOverdue({ balanceCents, dueDate }, today),
    };
  };

  /** Background work (issuing, PDFs), so that idle() can wait for it. */
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  /** Orders whose invoice is to be issued in the background; those being issued are taken off. */
  const toIssue: number[] = [];
  measureBacklog('invoices', () => toIssue.length + inFlight.size);
  let draining = false;
  /** Up to this many invoices are issued together, in one transaction with one counter update. */
  const ISSUE_BATCH = 50;
  const drain = async () => {
    draining = true;
    try {
      while (toIssue.length > 0) {
        const batch = toIssue.splice(0, ISSUE_BATCH);
        try {
          await service.issueMany(batch);
        } catch (error) {
          strapi.log.error(`Invoices of orders ${batch.map((id) => `#${id}`).join(', ')} not issued (the sweep tries again): ${String(error)}`);
        }
      }
    } finally {
      draining = false;
    }
  };

  const consultantScope = async (consultantUserId: number): Promise<Row> => {
    const consultantId = await getService('consultant.portfolio').consultantIdOfUser(consultantUserId);
    return { company: { consultant: { id: consultantId ?? -1 } } };
  };

  const service = {
    /** Issues one order's invoice (see issueMany); returns its number, or null. */
    async issueFor(orderId: number, issuedAt = new Date()): Promise<string | null> {
      return (await service.issueMany([orderId], issuedAt))[0] ?? null;
    },

    /**
     * Issues the invoices of these orders whose sale is certain and that have none yet, in one
     * transaction: each order's row is locked (two processes cannot both issue one), then the
     * year's numbers are taken at once, in the orders' order, just before the invoices are
     * written. Without the seller's details, or an order's company's billing address, nothing
     * is issued for it: the sweep issues it once they are there. Returns the numbers issued.
     */
    async issueMany(orderIds: number[], issuedAt = new Date()): Promise<string[]> {
      const issued = await strapi.db.transaction(async ({ trx }) => {
        // French law wants both parties' addresses on it.
        const seller = await getService('seller.details').current();
        if (!seller) return [];
        const orders: Row[] = [];
        for (const orderId of [...new Set(orderIds)].sort((a, b) => a - b)) {
          await strapi.db.getConnection('orders').transacting(trx).where({ id: orderId }).forUpdate().first('id');
          const order = await loadOrder(orderId);
          if (order && !order.invoice && needsInvoice(order) && order.company?.billingAddress) orders.push(order);
        }
        if (orders.length === 0) return [];
        const issueDate = dayInFrance(issuedAt);
        const year = Number(issueDate.slice(0, 4));
        const numbers = await getService('document.numbers').take('invoice', year, orders.length);
        const created: number[] = [];
        for (const [i, order] of orders.entries()) {
          const { sequence, number } = numbers[i]!;
          const snapshot = snapshotOf(order, seller, number, issueDate);
          const row = await strapi.db.query(INVOICE).create({
            data: asDocument({
              number,
              year,
              sequence,
              order: order.id,
              company: order.company?.id ?? null,
              customer: order.customer?.id ?? null,
              // The consultant following the company when it was issued: the panel lists invoices by consultant.
              consultant: order.company?.consultant?.id ?? null,
              issuedAt,
              issueDate,
              dueDate: snapshot.payment.dueDate,
              paymentMethod: snapshot.payment.method,
              totalExclVatCents: snapshot.totals.exclVatCents,
              totalVatCents: snapshot.totals.vatCents,
              totalInclVatCents: snapshot.totals.inclVatCents,
              paidCents: snapshot.totals.prepaidCents,
              paymentStatus: snapshot.payment.method === 'card' ? 'paid' : 'unpaid',
              snapshot,
              pdfStatus: 'pending',
              pdfAttempts: 0,
            }),
          });
          created.push(row.id);
        }
        afterCommit(strapi, () => created.forEach((id) => service.makePdfSoon(id, 'invoice')));
        return numbers.map(({ number }) => number);
      });
      invoicesIssued.inc(issued.length);
      return issued;
    },

    /**
     * Called once a transaction that may have made a sale certain has committed (a payment
     * received, an order on invoice confirmed): its invoice is issued in a transaction of its
     * own, in the background, so that neither the payment nor the checkout waits on the
     * year's number counter or on the PDF. One batch at a time per process (those that came in
     * meanwhile): issuers all lock the year's counter in turn, so issuing several at once would
     * only hold database connections the payments need. A failure is logged and left to the
     * sweep, within a minute.
     */
    issueSoon(orderId: number): void {
      toIssue.push(orderId);
      if (!draining) track(drain());
    },

    /** Makes a document's PDF in the background; a failure is already counted and shown by makePdf. */
    makePdfSoon(id: number, kind: IssuedKind): void {
      track(service.makePdf(id, kind).catch(() => undefined));
    },

    /** Resolves once no invoice or PDF is being made in the background (tests read a settled state). */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },

    /** Makes and stores a document's PDF; a failure is counted and shown, and the sweep tries again. */
    async makePdf(id: number, kind: IssuedKind = 'invoice'): Promise<Buffer | null> {
      const { uid, table, name } = ISSUED[kind];
      const row = await strapi.db.query(uid).findOne({ where: { id }, select: ['id', 'number', 'snapshot', 'issuedAt', 'pdfStatus', 'pdfAttempts'] });
      if (!row) return null;
      try {
        // Dated when it was issued: the same document always gives the same bytes.
        const bytes = Buffer.from(await renderOffThread(row.snapshot as InvoiceSnapshot, new Date(row.issuedAt)));
        // Only the first PDF made is kept: a concurrent maker's copy of the same snapshot is dropped.
        await strapi.db.getConnection(table).where({ id }).whereNot({ pdf_status: 'ready' }).update({ pdf: bytes.toString('base64'), pdf_status: 'ready', pdf_error: null });
        return bytes;
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        strapi.log.error(`The PDF of ${name} ${row.number} could not be made (attempt ${Number(row.pdfAttempts) + 1}): ${message}`);
        await strapi.db.query(uid).update({ where: { id }, data: { pdfStatus: 'failed', pdfAttempts: Number(row.pdfAttempts) + 1, pdfError: message.slice(0, 2000) } });
        throw error;
      }
    },

    /** A document's PDF, made now if it is not yet stored: an issued document is never without its PDF. */
    async pdfOf(id: number, kind: IssuedKind = 'invoice'): Promise<Buffer> {
      const row = await strapi.db.query(ISSUED[kind].uid).findOne({ where: { id }, select: ['id', 'pdf', 'pdfStatus'] });
      if (row?.pdfStatus === 'ready' && row.pdf) return Buffer.from(row.pdf, 'base64');
      const made = await service.makePdf(id, kind);
      if (!made) throw notFound(refusal('invoice.not_found', 'No invoice of yours has this number'));
      return made;
    },

    /**
     * Once a minute: orders whose sale is certain but that have no invoice yet (the seller's
     * details were missing, or the order is older than invoicing) get theirs, and PDFs still
     * missing are made.
     */
    async sweep(now = new Date()): Promise<{ issued: number; pdfs: number }> {
      const candidates: Row[] = await strapi.db.query(ORDER).findMany({
        where: {
          invoice: { id: { $null: true } },
          $or: [{ paymentMethod: { $ne: 'invoice' }, paymentStatus: 'paid' }, { paymentMethod: 'invoice', status: { $notIn: ['awaiting_approval', 'cancelled'] } }],
        },
        select: ['id'],
        orderBy: { id: 'asc' },
        limit: SWEEP_BATCH,
      });
      let issued = 0;
      if (candidates.length > 0 && !(await getService('seller.details').current())) {
        strapi.log.error(`${candidates.length} order(s) wait for their invoice: the seller's details are missing or invalid (panel: Seller details)`);
      } else {
        issued = (await service.issueMany(candidates.map(({ id }) => id), now)).length;
        if (issued < candidates.length) strapi.log.error(`${candidates.length - issued} order(s) wait for their invoice: their company has no billing address (or another process issued it meanwhile)`);
      }
      let pdfs = 0;
      for (const kind of Object.keys(ISSUED) as IssuedKind[]) {
        const waiting: Row[] = await strapi.db.query(ISSUED[kind].uid).findMany({ where: { pdfStatus: { $ne: 'ready' }, pdfAttempts: { $lt: MAX_PDF_ATTEMPTS } }, select: ['id'], limit: SWEEP_BATCH });
        for (const { id } of waiting) {
          try {
            if (await service.makePdf(id, kind)) pdfs += 1;
          } catch {
            // Counted and shown on the document; the next sweep tries again.
          }
        }
      }
      return { issued, pdfs };
    },

    /**
     * A bank transfer received against an invoice on transfer (partial payments allowed): the
     * invoice is paid, or shows its balance; once settled, its order is paid and its company's
     * credit freed. Refused, with nothing written: an invoice settled (or paid by card), more
     * than is left, a date after today or before the invoice. `where` narrows the invoices the
     * recorder may reach (a consultant's companies); another's is a 404.
     */
    async recordTransfer(number: string, transfer: Transfer, recorder: { role: 'consultant' | 'administrator'; name: string | null }, where: Row = {}, today = dayInFrance()): Promise<InvoiceSummary> {
      return strapi.db.transaction(async ({ trx }) => {
        const found = await strapi.db.query(INVOICE).findOne({ where: { number, ...where }, select: ['id'] });
        if (!found) throw notFound(refusal('invoice.not_found', 'No invoice within your reach has this number'));
        // One transfer at a time per invoice: the row lock serialises them, so two cannot both pay the same balance.
        await strapi.db.getConnection('invoices').transacting(trx).where({ id: found.id }).forUpdate().first('id');
        const row = await strapi.db.query(INVOICE).findOne({ where: { id: found.id }, select: SUMMARY_FIELDS, populate: { order: { select: ['id', 'reference', 'purchaseOrderNumber', 'status'] } } });
        const balanceCents = invoiceBalance({ totalInclVatCents: Number(row.totalInclVatCents), paidCents: Number(row.paidCents), creditedCents: Number(row.creditedCents) });
        if (row.paymentMethod !== 'transfer' || balanceCents <= 0) throw refused(refusal('transfer.invoice_settled', 'This invoice is already paid: there is nothing left to record'));
        if (transfer.amountCents > balanceCents) {
          throw fieldError('amountCents', refusal('transfer.exceeds_balance', `This is more than is left to pay on the invoice: at most ${(balanceCents / 100).toFixed(2)} EUR`, { balanceCents }));
        }
        if (transfer.receivedOn > today) throw fieldError('receivedOn', refusal('transfer.date_in_future', 'A transfer cannot be received after today'));
        const issueDate = String(row.issueDate).slice(0, 10);
        if (transfer.receivedOn < issueDate) throw fieldError('receivedOn', refusal('transfer.date_before_invoice', `A transfer for this invoice cannot be received before it was issued, on ${issueDate}`, { issueDate }));
        await strapi.db.query(TRANSFER).create({ data: asDocument({ invoice: row.id, ...transfer, recordedByRole: recorder.role, recordedByName: recorder.name }) });
        const paidCents = Number(row.paidCents) + transfer.amountCents;
        const paymentStatus = await service.settle(row, { paidCents, creditedCents: Number(row.creditedCents) }, transfer.receivedOn);
        return toSummary({ ...row, paidCents, paymentStatus }, row.order, today);
      });
    },

    /**
     * Writes what an invoice has received and what credit notes took off it, inside the
     * caller's transaction: credited when credit notes took all of it (a cancelled sale), paid
     * once nothing is left to pay (its order is then paid, its company's credit freed), partly
     * paid while something was received.
     */
    async settle(row: Row, amounts: { paidCents: number; creditedCents: number }, on = dayInFrance()): Promise<InvoicePaymentStatus> {
      const total = Number(row.totalInclVatCents);
      const settled = invoiceBalance({ totalInclVatCents: total, ...amounts }) === 0;
      const paymentStatus: InvoicePaymentStatus = amounts.creditedCents >= total ? 'credited' : settled ? 'paid' : amounts.paidCents > 0 ? 'partially_paid' : 'unpaid';
      const newlyPaid = paymentStatus === 'paid' && row.paymentStatus !== 'paid';
      await strapi.db.query(INVOICE).update({ where: { id: row.id }, data: { ...amounts, paymentStatus, ...(settled ? { overdue: false } : {}), ...(newlyPaid ? { paidOn: on } : {}) } });
      // A cancelled order stays as it is: its credit note, not a payment, settled it.
      if (paymentStatus === 'paid' && row.order && row.paymentMethod === 'transfer' && row.order.status !== 'cancelled') await strapi.db.query(ORDER).update({ where: { id: row.order.id }, data: { paymentStatus: 'paid' } });
      return paymentStatus;
    },

    /** An invoice with its transfers and its credit notes. */
    async detailOf(id: number, summary: InvoiceSummary): Promise<InvoiceDetail> {
      return { ...summary, transfers: await service.transfersOf(id), creditNotes: await getService('document.credit-notes').listForInvoice(id) };
    },

    /** The transfers recorded against an invoice, in the order they were received. */
    async transfersOf(invoiceId: number): Promise<RecordedTransfer[]> {
      const rows: Row[] = await strapi.db.query(TRANSFER).findMany({ where: { invoice: { id: invoiceId } }, select: ['id', 'amountCents', 'receivedOn', 'bankReference'], orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }] });
      return rows.map((row) => ({ amountCents: Number(row.amountCents), receivedOn: String(row.receivedOn).slice(0, 10), bankReference: row.bankReference }));
    },

    /**
     * Once a day's worth (run every minute, acting once per invoice and stage): unpaid invoices
     * past their due date are marked overdue, and the company's admins and accountants are
     * reminded at due date +1, +15 and +30 days, each once. A reminder is claimed before it is
     * sent, so two processes never both send it; one the mail server refused is logged.
     */
    async remind(today = dayInFrance()): Promise<{ overdue: number; reminded: number }> {
      const late: Row[] = await strapi.db.query(INVOICE).findMany({
        where: { paymentMethod: 'transfer', paymentStatus: { $notIn: ['paid', 'credited'] }, dueDate: { $lt: today }, $or: [{ overdue: false }, { remindersSent: { $lt: REMINDER_DAYS.length } }] },
        select: ['id', 'number', 'issueDate', 'dueDate', 'totalInclVatCents', 'paidCents', 'creditedCents', 'remindersSent', 'overdue', 'snapshot'],
        populate: { company: { select: ['id', 'legalName'] } },
      });
      let overdue = 0;
      let reminded = 0;
      for (const invoice of late) {
        if (!invoice.overdue) {
          await strapi.db.query(INVOICE).update({ where: { id: invoice.id }, data: { overdue: true } });
          overdue += 1;
        }
        const stage = remindersDue(String(invoice.dueDate).slice(0, 10), today);
        if (stage <= Number(invoice.remindersSent)) continue;
        // Claimed by whoever moves the count first; a process that finds it moved sends nothing.
        const claimed = await strapi.db.getConnection('invoices').where({ id: invoice.id, reminders_sent: invoice.remindersSent }).update({ reminders_sent: stage });
        if (Number(claimed) === 0) continue;
        reminded += 1;
        afterCommit(strapi, () => inBackground(`The reminder of invoice ${invoice.number}`, () => service.sendReminder(invoice, stage)));
      }
      return { overdue, reminded };
    },

    /** The reminder of an overdue invoice, to each admin and accountant of its company, in their language. */
    async sendReminder(invoice: Row, stage: number) {
      if (!invoice.company) return;
      const seller = (invoice.snapshot as InvoiceSnapshot).seller;
      const readers: Row[] = await strapi.db.query('plugin::users-permissions.user').findMany({
        where: { company: { id: invoice.company.id }, companyRole: { $in: ['admin', 'accountant'] }, blocked: false },
        select: ['id', 'email', 'firstName', 'language'],
      });
      for (const reader of readers) {
        const locale = accountLocale(reader);
        const data = {
          firstName: reader.firstName ?? '',
          companyName: invoice.company.legalName ?? '',
          number: invoice.number,
          issueDate: String(invoice.issueDate).slice(0, 10),
          dueDate: String(invoice.dueDate).slice(0, 10),
          balanceCents: invoiceBalance({ totalInclVatCents: Number(invoice.totalInclVatCents), paidCents: Number(invoice.paidCents), creditedCents: Number(invoice.creditedCents) }),
          followUp: stage > 1,
          iban: seller.iban,
          bic: seller.bic,
          invoicesUrl: storefrontLink(strapi, locale, '/account/invoices'),
        };
        await getService('account.mail').send({ to: reader.email, locale, key: `invoice-reminder-${invoice.number}-${stage}-${reader.id}`, ...mails.invoiceReminder(locale, data) });
      }
    },

    /** The invoices of the companies a consultant follows, newest first, narrowed by company, payment status or overdue. */
    async listForConsultant(consultantUserId: number, filters: { company?: number; status?: InvoicePaymentStatus; overdue?: boolean } = {}): Promise<(InvoiceSummary & { company: { id: number; legalName: string } })[]> {
      const where = await consultantScope(consultantUserId);
      if (filters.company) where.company = { ...where.company, id: filters.company };
      if (filters.status) where.paymentStatus = filters.status;
      const rows: Row[] = await strapi.db.query(INVOICE).findMany({
        where,
        select: SUMMARY_FIELDS,
        populate: { order: { select: ['reference', 'purchaseOrderNumber'] }, company: { select: ['id', 'legalName'] } },
        orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
      });
      const today = dayInFrance();
      const all = rows.map((row) => ({ ...toSummary(row, row.order, today), company: { id: row.company?.id ?? 0, legalName: row.company?.legalName ?? '' } }));
      return filters.overdue === undefined ? all : all.filter((invoice) => invoice.overdue === filters.overdue);
    },

    /** Which invoices a consultant may reach: those of the companies they follow. */
    consultantScope: (consultantUserId: number) => consultantScope(consultantUserId),

    /** One invoice of a consultant's companies, by number, or a 404. */
    async findForConsultant(consultantUserId: number, number: string): Promise<{ id: number; summary: InvoiceSummary }> {
      const row = await strapi.db.query(INVOICE).findOne({ where: { number, ...(await consultantScope(consultantUserId)) }, select: SUMMARY_FIELDS, populate: { order: { select: ['reference', 'purchaseOrderNumber'] } } });
      if (!row) throw notFound(refusal('invoice.not_found', 'No invoice of your clients has this number'));
      return { id: row.id, summary: toSummary(row, row.order) };
    },

    /** The invoices a member of a company may see (the same rule as their orders), newest first. */
    async listForMember(userId: number): Promise<InvoiceSummary[]> {
      const scope = await getService('company.companies').orderScope(userId);
      const rows: Row[] = await strapi.db.query(INVOICE).findMany({
        // The invoice carries its order's company and buyer: the orders' rule applies to it as it is.
        where: scope,
        select: SUMMARY_FIELDS,
        populate: { order: { select: ['reference', 'purchaseOrderNumber'] } },
        orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
      });
      const today = dayInFrance();
      return rows.map((row) => toSummary(row, row.order, today));
    },

    /** One invoice the member may see, by number, or a 404 (the same for someone else's as for none). */
    async findForMember(userId: number, number: string): Promise<{ id: number; summary: InvoiceSummary }> {
      const scope = await getService('company.companies').orderScope(userId);
      const row = await strapi.db.query(INVOICE).findOne({ where: { number, ...scope }, select: SUMMARY_FIELDS, populate: { order: { select: ['reference', 'purchaseOrderNumber'] } } });
      if (!row) throw notFound(refusal('invoice.not_found', 'No invoice of yours has this number'));
      return { id: row.id, summary: toSummary(row, row.order) };
    },

    /** The invoice of an order, as its readers list it, or null. */
    async summaryOfOrder(orderId: number): Promise<InvoiceSummary | null> {
      const row = await strapi.db.query(INVOICE).findOne({ where: { order: { id: orderId } }, select: SUMMARY_FIELDS, populate: { order: { select: ['reference', 'purchaseOrderNumber'] } } });
      return row ? toSummary(row, row.order) : null;
    },
  };
  return service;
};
