import type { Core } from '@strapi/strapi';
import {
  addDays,
  dayInFrance,
  invoiceTotals,
  isLocale,
  quantityRefusal,
  QUOTE_MAX_TOTAL,
  QUOTE_MAX_VALIDITY_DAYS,
  QUOTE_VALIDITY_DAYS,
  quoteStatusOn,
  refusal,
  type QuoteAccept,
  type ConsultantQuote,
  type Day,
  type Quote,
  type QuoteEvent,
  type QuoteOffer,
  type QuoteRequest,
  type QuoteStatus,
  type VatRate,
  type VatRegime,
} from '@ventalis/contracts';
import { quoteReopenedComment } from '@ventalis/contracts/shop-comments';
import { fieldError, notFound, refused } from '../../../utils/validation';
import { asDocument } from '../../../utils/tables';
import { afterCommit } from '../../../utils/after-commit';
import { inBackground } from '../../../utils/background';
import { accountLocale, storefrontLink } from '../../../utils/locale';
import { getService } from '../../../utils/services';
import { mails } from '../../../mail/templates';
import { lineSnapshot, priceFor, totalsOf, type CartProduct, type LineSnapshot } from '../../cart/services/cart';
import { BUYER_FIELDS, buyerOf } from '../../document/services/invoices';
import type { OrderSource } from '../../order/services/checkout';
import type { StoredOrder } from '../../order/services/lifecycle';
import type { QuoteSheet } from '../../../invoicing/pdf';
import { renderQuotePdf } from '../../../invoicing/quote-pdf';

const QUOTE = 'api::quote.quote';
const EVENT = 'api::quote.quote-event';
const USER = 'plugin::users-permissions.user';
const CONVERSATION = 'api::conversation.conversation';

type Row = Record<string, any>;
type ActorRole = QuoteEvent['by'];
interface Actor {
  role: ActorRole;
  name: string | null;
}

const NOT_FOUND = 'No quote of yours has this number';
const DETAIL = {
  history: { select: ['id', 'fromStatus', 'toStatus', 'actorRole', 'actorName', 'comment', 'createdAt'] },
  order: { select: ['reference'] },
  customer: { select: ['id', 'email', 'firstName', 'lastName', 'language'] },
  company: { select: ['id', 'legalName'] },
};
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
const dayOf = (value: unknown): Day | null => (value ? String(value).slice(0, 10) : null);
/** A quote's status as read on `today`: an offer past its last day reads expired. */
const statusOf = (row: Row, today: Day): QuoteStatus => quoteStatusOn({ status: row.status, validUntil: dayOf(row.validUntil) }, today);
const regimeOf = (row: Row): VatRegime => (row.vatRegime === 'intra_community' ? 'intra_community' : 'domestic');
const fullName = (user: Row | null | undefined) => [user?.firstName, user?.lastName].filter(Boolean).join(' ') || null;

/**
 * Quotes: a buyer's cart becomes a request with a message, opening a conversation with the
 * company's consultant about it; the consultant adjusts prices and quantities, sets how long
 * the offer holds and sends it (the buyer gets an email with its PDF); the buyer accepts it,
 * which places an order at the quoted prices through the checkout's own rules, or declines
 * it. An offer past its last day cannot be accepted, and a daily job records it expired.
 * Every change of status is kept in its history.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const companies = () => getService('company.companies');
  const cart = () => getService('cart.cart');

  /** The conversation about each of these quotes. */
  const conversationsOf = async (quoteIds: number[]): Promise<Map<number, number>> => {
    if (quoteIds.length === 0) return new Map();
    const rows: Row[] = await strapi.db.query(CONVERSATION).findMany({ where: { quote: { id: { $in: quoteIds } } }, select: ['id'], populate: { quote: { select: ['id'] } } });
    return new Map(rows.map((row) => [row.quote.id, row.id]));
  };

  /** The ordering rules of the products on quote lines, for forms (a product gone since keeps the line's own). */
  const rulesOf = async (rows: Row[]): Promise<Map<number, CartProduct>> =>
    cart().productsById([...new Set(rows.flatMap((row) => ((row.lines ?? []) as LineSnapshot[]).map((line) => line.productId)))]);

  const toQuote = (row: Row, products: Map<number, CartProduct>, conversationId: number | null, today = dayInFrance()): Quote => {
    const lines = ((row.lines ?? []) as LineSnapshot[]).map((line) => {
      const product = products.get(line.productId);
      return {
        productName: line.productName,
        productSlug: line.productSlug,
        quantity: line.quantity,
        pricePer1000Cents: line.pricePer1000Cents,
        listPricePer1000Cents: line.listPricePer1000Cents,
        vatRate: line.vatRate as VatRate,
        amounts: { exclVatCents: line.exclVatCents, vatCents: line.vatCents, inclVatCents: line.exclVatCents + line.vatCents, co2eGrams: line.co2eGrams },
        minQuantity: product?.minQuantity ?? 1,
        quantityStep: product?.quantityStep ?? 1,
      };
    });
    return {
      number: row.number,
      status: statusOf(row, today),
      requestedAt: iso(row.requestedAt)!,
      sentAt: iso(row.sentAt),
      validUntil: dayOf(row.validUntil),
      message: row.message,
      comment: row.comment ?? null,
      requestedBy: fullName(row.customer),
      companyName: row.company?.legalName ?? '',
      vatRegime: regimeOf(row),
      lines,
      totals: { exclVatCents: row.totalExclVatCents, vatCents: row.totalVatCents, inclVatCents: row.totalInclVatCents, co2eGrams: row.co2eGrams ?? 0 },
      history: ((row.history ?? []) as Row[])
        .sort((a, b) => a.id - b.id)
        .map((e) => ({ at: iso(e.createdAt)!, from: (e.fromStatus ?? null) as QuoteStatus | null, to: e.toStatus as QuoteStatus, by: e.actorRole, byName: e.actorName ?? null, comment: e.comment ?? null })),
      orderReference: row.order?.reference ?? null,
      conversationId,
    };
  };

  const withClient = (row: Row, quote: Quote): ConsultantQuote => ({ ...quote, client: { id: row.customer?.id ?? 0, email: row.customer?.email ?? '', companyId: row.company?.id ?? 0 } });

  /** Quotes as their readers see them, newest first. */
  const listed = async (where: Row): Promise<{ row: Row; quote: Quote }[]> => {
    const rows: Row[] = await strapi.db.query(QUOTE).findMany({ where, populate: DETAIL, orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }] });
    const [products, conversations] = await Promise.all([rulesOf(rows), conversationsOf(rows.map((row) => row.id))]);
    return rows.map((row) => ({ row, quote: toQuote(row, products, conversations.get(row.id) ?? null) }));
  };

  /** One quote its reader may see, or a 404; its conversation follows who may see it now. */
  const opened = async (number: string, scope: Row): Promise<{ row: Row; quote: Quote }> => {
    const row = await findRow(number, scope);
    const conversationId = await getService('conversation.membership').quoteConversation({ id: row.id, companyId: row.company?.id, customerId: row.customer?.id ?? null });
    return { row, quote: toQuote(row, await rulesOf([row]), conversationId) };
  };

  const memberScope = (userId: number): Promise<Row> => companies().orderScope(userId);
  const consultantScope = async (consultantUserId: number): Promise<Row> => {
    const consultantId = await getService('consultant.portfolio').consultantIdOfUser(consultantUserId);
    return { company: { consultant: { id: consultantId ?? -1 } } };
  };

  const findRow = async (number: string, scope: Row): Promise<Row> => {
    const row = await strapi.db.query(QUOTE).findOne({ where: { $and: [{ number }, scope] }, populate: DETAIL });
    if (!row) throw notFound(refusal('quote.not_found', NOT_FOUND));
    return row;
  };

  /** Locks a quote's row until the transaction ends, and reads it as it is now: two decisions on one quote wait for each other. */
  const lockRow = async (trx: unknown, id: number): Promise<Row> => {
    await strapi.db.getConnection('quotes').transacting(trx as never).where({ id }).forUpdate().first('id');
    return strapi.db.query(QUOTE).findOne({ where: { id }, populate: DETAIL });
  };

  const record = async (quoteId: number, from: QuoteStatus | null, to: QuoteStatus, actor: Actor, comment: string | null = null) => {
    await strapi.db.query(EVENT).create({ data: asDocument({ quote: quoteId, fromStatus: from, toStatus: to, actorRole: actor.role, actorName: actor.name, comment }) });
  };

  const memberActor = async (userId: number, requesterId: number | null): Promise<Actor> => {
    const user = await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['firstName', 'lastName', 'companyRole'] });
    return { role: userId !== requesterId && user?.companyRole === 'admin' ? 'company_admin' : 'customer', name: fullName(user) };
  };

  /** Lines and their totals, refused when the order they would become could not be stored. */
  const totalled = (lines: LineSnapshot[]) => {
    const totals = totalsOf(lines);
    if (totals.inclVatCents > QUOTE_MAX_TOTAL || totals.co2eGrams > QUOTE_MAX_TOTAL) {
      throw refused(refusal('quote.too_large', 'This quote is too large to become one order (at most 20,000,000 € incl. VAT): split it into several', { max: QUOTE_MAX_TOTAL }));
    }
    return totals;
  };

  /** A quote that is still open for the buyer's decision: sent, and within its validity. */
  const assertAcceptable = (row: Row, today: Day) => {
    const status = statusOf(row, today);
    if (status === 'expired') throw refused(refusal('quote.expired', `This quote was valid until ${dayOf(row.validUntil)}: ask your consultant for a new one`, { validUntil: dayOf(row.validUntil)! }));
    if (status !== 'sent') throw refused(refusal('quote.not_open', `This quote is ${status}: it cannot be answered any more`, { status }));
  };

  /** The offer as printed: what the seller's and buyer's documents say, the lines, VAT per rate. */
  const sheetOf = async (row: Row): Promise<QuoteSheet> => {
    const seller = await getService('seller.details').current();
    if (!seller) throw refused(refusal('quote.not_open', 'The quote cannot be printed before the seller details are filled in', { status: row.status }));
    const company = await strapi.db.query('api::company.company').findOne({ where: { id: row.company?.id ?? -1 }, ...BUYER_FIELDS });
    const lines = ((row.lines ?? []) as LineSnapshot[]).map((line, index) => ({
      lineNumber: index + 1,
      productName: line.productName,
      quantity: line.quantity,
      pricePer1000Cents: line.pricePer1000Cents,
      listPricePer1000Cents: line.listPricePer1000Cents > line.pricePer1000Cents ? line.listPricePer1000Cents : null,
      vatRate: line.vatRate as VatRate,
      exclVatCents: line.exclVatCents,
      vatCents: line.vatCents,
    }));
    const vatRegime = regimeOf(row);
    return {
      kind: 'quote',
      number: row.number,
      issueDate: dayInFrance(new Date(row.sentAt)),
      validUntil: dayOf(row.validUntil)!,
      comment: row.comment ?? null,
      language: isLocale(row.customer?.language) ? row.customer.language : 'fr',
      seller,
      buyer: buyerOf(company ?? {}),
      vatRegime,
      lines,
      totals: invoiceTotals(lines, vatRegime),
    };
  };

  const pdfOf = async (row: Row): Promise<{ number: string; bytes: Buffer }> => {
    if (!row.sentAt || row.status === 'requested') throw refused(refusal('quote.not_open', 'This quote has not been sent yet: its PDF comes with the offer', { status: 'requested' }));
    return { number: row.number, bytes: Buffer.from(await renderQuotePdf(await sheetOf(row), new Date(row.sentAt))) };
  };

  /** The buyer who asked gets the offer by email, in their language, with its PDF. */
  const mailOffer = async (row: Row) => {
    const buyer = row.customer;
    if (!buyer?.email) return;
    const locale = accountLocale(buyer);
    const { bytes } = await pdfOf(row);
    await getService('account.mail').send({
      to: buyer.email,
      locale,
      ...mails.quoteSent(locale, {
        firstName: buyer.firstName ?? '',
        number: row.number,
        companyName: row.company?.legalName ?? '',
        validUntil: dayOf(row.validUntil)!,
        totalExclVatCents: Number(row.totalExclVatCents),
        comment: row.comment ?? '',
        quoteUrl: storefrontLink(strapi, locale, `/account/quotes/${row.number}`),
      }),
      attachments: [{ filename: `${row.number}.pdf`, content: bytes, contentType: 'application/pdf' }],
    });
  };

  /** The company's consultant hears of a new request, in their language. */
  const mailRequest = async (row: Row) => {
    const consultantUserId = await getService('conversation.members').consultantUserOfCompany(row.company.id);
    if (!consultantUserId) return;
    const consultant = await strapi.db.query(USER).findOne({ where: { id: consultantUserId, blocked: false }, select: ['email', 'firstName', 'language'] });
    if (!consultant?.email) return;
    const locale = accountLocale(consultant);
    await getService('account.mail').send({
      to: consultant.email,
      locale,
      ...mails.quoteRequested(locale, {
        firstName: consultant.firstName ?? '',
        number: row.number,
        companyName: row.company?.legalName ?? '',
        requestedBy: fullName(row.customer) ?? row.customer?.email ?? '',
        message: row.message,
        quoteUrl: storefrontLink(strapi, locale, `/consultant/quotes/${row.number}`),
      }),
    });
  };

  const later = (what: string, work: () => Promise<void>) => afterCommit(strapi, () => inBackground(what, work));

  const service = {
    /**
     * The member's cart becomes a quote request: its lines at the company's prices of the day,
     * with the quantities the buyer asks for (beyond the stock if they wish), and their
     * message, which opens the conversation about it with the consultant. The cart is emptied.
     */
    async request(customerId: number, input: QuoteRequest): Promise<Quote> {
      const { companyId } = await companies().assertMayOrder(customerId);
      const quoteId: number = await strapi.db.transaction(async () => {
        await cart().hold(customerId);
        const stored = (await cart().storedLines(customerId)).filter((line): line is typeof line & { product: CartProduct } => line.product !== null);
        if (stored.length === 0) throw refused(refusal('cart.empty', 'Your cart is empty: add the products you want a quote for'));
        // Quantities asked by product, the slug in any language naming the product of a cart line.
        const asked = new Map<string, number>();
        if (input.lines?.length) {
          const named: Row[] = await strapi.db.query('api::product.product').findMany({ where: { slug: { $in: input.lines.map((l) => l.product) } }, select: ['slug', 'documentId'] });
          input.lines.forEach((line, index) => {
            const documentId = named.find((row) => row.slug === line.product)?.documentId;
            if (!documentId || !stored.some((s) => s.product.documentId === documentId)) throw fieldError(`lines.${index}.product`, refusal('cart.line_not_found', `"${line.product}" is not in your cart`, { slug: line.product }));
            asked.set(documentId, line.quantity);
          });
        }
        const [pricing, vatRegime] = await Promise.all([getService('company.prices').pricingForMember(customerId), companies().vatRegimeOf(companyId)]);
        const lines = stored.map(({ product, quantity }, index) => {
          const wanted = asked.get(product.documentId) ?? quantity;
          const problem = quantityRefusal(wanted, { ...product, stock: Number.MAX_SAFE_INTEGER });
          if (problem) throw fieldError(`lines.${index}.quantity`, { ...problem, message: `${product.name}: ${problem.message}` });
          return lineSnapshot(product, wanted, priceFor(pricing, product), vatRegime);
        });
        const totals = totalled(lines);
        const requestedAt = new Date();
        const { number } = await getService('document.numbers').next('quote', Number(dayInFrance(requestedAt).slice(0, 4)));
        const company = await strapi.db.query('api::company.company').findOne({ where: { id: companyId }, select: ['id'], populate: { consultant: { select: ['id'] } } });
        const created = await strapi.db.query(QUOTE).create({
          data: asDocument({
            number,
            status: 'requested',
            company: companyId,
            customer: customerId,
            consultant: company?.consultant?.id ?? null,
            requestedAt,
            message: input.message,
            vatRegime,
            lines,
            totalExclVatCents: totals.exclVatCents,
            totalVatCents: totals.vatCents,
            totalInclVatCents: totals.inclVatCents,
            co2eGrams: totals.co2eGrams,
          }),
        });
        await record(created.id, null, 'requested', await memberActor(customerId, customerId), null);
        await cart().clear(customerId);
        return created.id;
      });
      const row = await strapi.db.query(QUOTE).findOne({ where: { id: quoteId }, populate: DETAIL });
      // The request opens the conversation about it, with the buyer's message as its first.
      const conversationId = await getService('conversation.membership').quoteConversation({ id: quoteId, companyId, customerId });
      const sent = await getService('conversation.messages').send({ kind: 'user', id: customerId }, conversationId, input.message);
      getService('conversation.live').deliver(sent.message, sent.recipients);
      later(`The mail of quote request ${row.number}`, () => mailRequest(row));
      return toQuote(row, await rulesOf([row]), conversationId);
    },

    /** The quotes a member sees (their own requests; all of the company's for its admins and accountants), newest first. */
    async listForMember(userId: number): Promise<Quote[]> {
      return (await listed(await memberScope(userId))).map(({ quote }) => quote);
    },

    /** One quote the member sees, or a 404 (the same for someone else's as for none). */
    async getForMember(userId: number, number: string): Promise<Quote> {
      return (await opened(number, await memberScope(userId))).quote;
    },

    async pdfForMember(userId: number, number: string) {
      return pdfOf(await findRow(number, await memberScope(userId)));
    },

    /**
     * Accepting an offer places the order at its prices and quantities, through the checkout's
     * rules (who may order, limits and approval, payment on invoice and credit, purchase-order
     * number, stock reserved now); the quote is accepted in the same transaction. The same
     * idempotency key twice gives the same order.
     */
    async accept(userId: number, number: string, request: QuoteAccept) {
      const seen = await findRow(number, await memberScope(userId));
      const { idempotencyKey, offer, ...choice } = request;
      const sameOffer = (row: Row) => row.sentAt !== null && new Date(row.sentAt).getTime() === new Date(offer).getTime();
      const revised = () => refused(refusal('quote.revised', 'Your consultant sent a revised offer since you opened this one: read it before accepting'));
      // Said first: an offer that can no longer be accepted, whatever else the checkout would ask.
      if (seen.status !== 'accepted') {
        assertAcceptable(seen, dayInFrance());
        if (!sameOffer(seen)) throw revised();
      }
      const source: OrderSource = {
        name: 'quote',
        quoteNumber: seen.number,
        async lines() {
          const row = await strapi.db.transaction(({ trx }) => lockRow(trx, seen.id));
          assertAcceptable(row, dayInFrance());
          if (!sameOffer(row)) throw revised();
          const lines = (row.lines ?? []) as LineSnapshot[];
          const products = await cart().productsById(lines.map((line) => line.productId));
          return lines.map((line) => {
            const product = products.get(line.productId);
            if (!product) throw refused(refusal('cart.product_not_found', `${line.productName} is no longer sold: ask your consultant for a new quote`, { slug: line.productSlug }));
            return { product, quantity: line.quantity, pricePer1000Cents: line.pricePer1000Cents };
          });
        },
        async placed(order: StoredOrder) {
          await strapi.db.query(QUOTE).update({ where: { id: seen.id }, data: { status: 'accepted', order: order.id } });
          await record(seen.id, 'sent', 'accepted', await memberActor(userId, seen.customer?.id ?? null), order.reference);
        },
      };
      return getService('order.checkout').checkout(userId, idempotencyKey, choice, source);
    },

    /** Declining is for those who could have accepted: the buyer who asked, the company's admins. */
    async decline(userId: number, number: string, reason: string | undefined): Promise<Quote> {
      const seen = await findRow(number, await memberScope(userId));
      await companies().assertMayOrder(userId);
      await strapi.db.transaction(async ({ trx }) => {
        const row = await lockRow(trx, seen.id);
        assertAcceptable(row, dayInFrance());
        await strapi.db.query(QUOTE).update({ where: { id: row.id }, data: { status: 'declined' } });
        await record(row.id, 'sent', 'declined', await memberActor(userId, row.customer?.id ?? null), reason || null);
      });
      return service.getForMember(userId, number);
    },

    /** The quotes of the companies a consultant follows, newest first, narrowed by status or company. */
    async listForConsultant(consultantUserId: number, filters: { status?: QuoteStatus; company?: number } = {}): Promise<ConsultantQuote[]> {
      const today = dayInFrance();
      const where: Row[] = [await consultantScope(consultantUserId)];
      if (filters.company) where.push({ company: { id: filters.company } });
      // An offer past its last day reads expired before the job records it: the filters follow what is read.
      if (filters.status === 'expired') where.push({ $or: [{ status: 'expired' }, { status: 'sent', validUntil: { $lt: today } }] });
      else if (filters.status === 'sent') where.push({ status: 'sent', validUntil: { $gte: today } });
      else if (filters.status) where.push({ status: filters.status });
      return (await listed({ $and: where })).map(({ row, quote }) => withClient(row, quote));
    },

    async getForConsultant(consultantUserId: number, number: string): Promise<ConsultantQuote> {
      const { row, quote } = await opened(number, await consultantScope(consultantUserId));
      return withClient(row, quote);
    },

    async pdfForConsultant(consultantUserId: number, number: string) {
      return pdfOf(await findRow(number, await consultantScope(consultantUserId)));
    },

    /**
     * The consultant's offer: the lines as they set them (products of the catalogue, quantities
     * by the products' rules but beyond the stock if need be, prices above 0), until their last
     * day (30 days by default). A sent offer not yet answered may be revised; the buyer gets
     * each by email with its PDF.
     */
    async send(consultantUserId: number, number: string, offer: QuoteOffer, consultantName: string | null): Promise<ConsultantQuote> {
      const seen = await findRow(number, await consultantScope(consultantUserId));
      const today = dayInFrance();
      const validUntil = offer.validUntil ?? addDays(today, QUOTE_VALIDITY_DAYS);
      if (validUntil < today) throw fieldError('validUntil', refusal('quote.validity_in_past', 'The last day of the offer cannot be before today'));
      if (validUntil > addDays(today, QUOTE_MAX_VALIDITY_DAYS)) throw fieldError('validUntil', refusal('quote.validity_too_long', `An offer holds at most ${QUOTE_MAX_VALIDITY_DAYS} days`, { max: QUOTE_MAX_VALIDITY_DAYS }));
      const products: CartProduct[] = [];
      for (const [index, line] of offer.lines.entries()) {
        const product = await cart()
          .findProduct(line.product)
          .catch(() => {
            throw fieldError(`lines.${index}.product`, refusal('cart.product_not_found', `No product has the address "${line.product}"`, { slug: line.product }));
          });
        const problem = quantityRefusal(line.quantity, { ...product, stock: Number.MAX_SAFE_INTEGER });
        if (problem) throw fieldError(`lines.${index}.quantity`, { ...problem, message: `${product.name}: ${problem.message}` });
        if (products.some((p) => p.id === product.id)) throw fieldError(`lines.${index}.product`, refusal('quote.duplicate_product', `${product.name} is named twice: one line per product`, { product: line.product }));
        products.push(product);
      }
      await strapi.db.transaction(async ({ trx }) => {
        const row = await lockRow(trx, seen.id);
        const status = statusOf(row, today);
        if (status !== 'requested' && status !== 'sent') throw refused(refusal('quote.not_open', `This quote is ${status}: ask the buyer for a new request`, { status }));
        const vatRegime = await companies().vatRegimeOf(row.company?.id ?? null);
        const lines = offer.lines.map((line, index) => lineSnapshot(products[index]!, line.quantity, line.pricePer1000Cents, vatRegime));
        const totals = totalled(lines);
        const consultantId = await getService('consultant.portfolio').consultantIdOfUser(consultantUserId);
        await strapi.db.query(QUOTE).update({
          where: { id: row.id },
          data: {
            status: 'sent',
            sentAt: new Date(),
            validUntil,
            comment: offer.comment || null,
            consultant: consultantId,
            vatRegime,
            lines,
            totalExclVatCents: totals.exclVatCents,
            totalVatCents: totals.vatCents,
            totalInclVatCents: totals.inclVatCents,
            co2eGrams: totals.co2eGrams,
          },
        });
        await record(row.id, status, 'sent', { role: 'consultant', name: consultantName }, offer.comment || null);
      });
      const sent = await strapi.db.query(QUOTE).findOne({ where: { id: seen.id }, populate: DETAIL });
      later(`The mail of quote ${sent.number}`, () => mailOffer(sent));
      return service.getForConsultant(consultantUserId, number);
    },

    /** Daily: offers past their last day are recorded expired. */
    async expire(today = dayInFrance()): Promise<number> {
      const due: Row[] = await strapi.db.query(QUOTE).findMany({ where: { status: 'sent', validUntil: { $lt: today } }, select: ['id'] });
      let expired = 0;
      for (const { id } of due) {
        const changed = await strapi.db.transaction(async ({ trx }) => {
          const row = await lockRow(trx, id);
          if (row.status !== 'sent' || !(dayOf(row.validUntil)! < today)) return false;
          await strapi.db.query(QUOTE).update({ where: { id }, data: { status: 'expired' } });
          await record(id, 'sent', 'expired', { role: 'system', name: null }, null);
          return true;
        });
        if (changed) expired += 1;
      }
      return expired;
    },

    /**
     * The order an accepted quote became ended before it was a sale (its payment failed or
     * never came, nobody approved it in time, it was cancelled unpaid): the offer is open again,
     * at its prices, until its last day. In the order's own transaction. Answers whether the
     * order came from a quote.
     */
    async reopenAfter(order: { id: number; reference: string }): Promise<boolean> {
      const row = await strapi.db.query(QUOTE).findOne({ where: { order: { id: order.id }, status: 'accepted' }, select: ['id'] });
      if (!row) return false;
      await strapi.db.query(QUOTE).update({ where: { id: row.id }, data: { status: 'sent', order: null } });
      await record(row.id, 'accepted', 'sent', { role: 'system', name: null }, quoteReopenedComment(order.reference));
      return true;
    },
  };
  return service;
};
