import type { Context } from 'koa';
import { checkoutSchema, dayInFrance, impactQuerySchema, orderListQuerySchema, refusal, simulatedCardSchema } from '@ventalis/contracts';
import { notFound, parseInput, refused } from '../../../utils/validation';
import { nothingToPay } from '../services/payments';
import { getService } from '../../../utils/services';
import { requestedLocale } from '../../../utils/locale';
import { carbonStatementCsv, carbonStatementPdf } from '../../../invoicing/carbon-statement';
import { DEFAULT_LOCALE } from '@ventalis/contracts/locale';
import { formatDate } from '@ventalis/contracts/format';

const customerId = (ctx: Context) => (ctx.state.user as { id: number }).id;

/** The customer's own order by reference, or 404. */
async function ownOrder(ctx: Context) {
  const order = await getService('order.lifecycle').load({ reference: String(ctx.params.reference), customer: { id: customerId(ctx) } });
  if (!order) throw notFound(refusal('order.not_found', 'No order of yours has this reference'));
  return order;
}

/** The year asked (this year in France by default) of the orders the customer sees, the company's name, and the reader's language. */
async function impactOf(ctx: Context) {
  const { year, locale } = parseInput(impactQuerySchema, ctx.query);
  const reader = locale ?? DEFAULT_LOCALE;
  const summary = await getService('order.orders').impactForCustomer(customerId(ctx), year ?? Number(dayInFrance().slice(0, 4)), reader);
  const { membership } = await getService('company.companies').describe(customerId(ctx));
  return { summary, company: membership?.company.legalName ?? '', locale: reader };
}

const statementName = (year: number) => `ventalis-carbon-statement-${year}`;

export default {
  async checkout(ctx: Context) {
    const { idempotencyKey, ...choice } = parseInput(checkoutSchema, ctx.request.body);
    const { order } = await getService('order.checkout').checkout(customerId(ctx), idempotencyKey, choice);
    ctx.status = 201;
    ctx.body = { data: { order: await getService('order.orders').getForCustomer(customerId(ctx), order.reference) } };
  },

  /** What the checkout offers: card, and on invoice when the company may, with the credit left. */
  async checkoutOptions(ctx: Context) {
    ctx.body = { data: await getService('company.terms').checkoutOptions(customerId(ctx)) };
  },

  async list(ctx: Context) {
    ctx.body = await getService('order.orders').listForCustomer(customerId(ctx), parseInput(orderListQuerySchema, ctx.query));
  },

  /** What the customer's paid orders of a year weigh, in money and CO₂e, by category and by month. */
  async impact(ctx: Context) {
    ctx.body = { data: (await impactOf(ctx)).summary };
  },

  /** The carbon statement of that year as a PDF to file, with the method stated. */
  async impactPdf(ctx: Context) {
    const { summary, company, locale } = await impactOf(ctx);
    ctx.set('Content-Type', 'application/pdf');
    ctx.set('Content-Disposition', `attachment; filename="${statementName(summary.year)}.pdf"`);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = Buffer.from(await carbonStatementPdf(summary, { company, drawnUp: formatDate(dayInFrance(), locale) }, locale));
  },

  /** The same figures as CSV, to compute with. */
  async impactCsv(ctx: Context) {
    const { summary, locale } = await impactOf(ctx);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${statementName(summary.year)}.csv"`);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = carbonStatementCsv(summary, locale);
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await getService('order.orders').getForCustomer(customerId(ctx), String(ctx.params.reference)) };
  },

  /** Starts (or resumes, after a dropped connection) the payment of an unpaid order. */
  async payment(ctx: Context) {
    const order = await ownOrder(ctx);
    if (order.status !== 'awaiting_payment') throw refused(nothingToPay(order.status));
    ctx.body = { data: { ...(await getService('order.payments').start(order)), publishableKey: getService('order.payments').publishableKey() } };
  },

  async paySimulated(ctx: Context) {
    const { cardNumber } = parseInput(simulatedCardSchema, ctx.request.body);
    const outcome = await getService('order.payments').paySimulated(await ownOrder(ctx), cardNumber);
    ctx.body = { data: { outcome, order: await getService('order.orders').getForCustomer(customerId(ctx), String(ctx.params.reference)) } };
  },

  async cancel(ctx: Context) {
    const order = await ownOrder(ctx);
    if (order.status !== 'awaiting_payment') {
      throw refused(refusal('order.not_cancellable', 'Only an order awaiting payment can be cancelled here: ask your consultant for the others'));
    }
    await getService('order.lifecycle').cancel(order, { role: 'customer', name: null }, 'Cancelled by the client before payment.');
    ctx.body = { data: await getService('order.orders').getForCustomer(customerId(ctx), order.reference) };
  },

  async reorder(ctx: Context) {
    ctx.body = { data: await getService('order.orders').reorder(customerId(ctx), String(ctx.params.reference), requestedLocale(ctx.query)) };
  },

  /** Stripe's webhook: the signature is checked on the raw body. */
  async stripeWebhook(ctx: Context) {
    const raw = (ctx.request.body as Record<symbol, string | Buffer> | undefined)?.[Symbol.for('unparsedBody')];
    const outcome = await getService('order.payments').handleStripeWebhook(raw, ctx.get('stripe-signature') || undefined);
    ctx.body = { received: true, outcome };
  },
};
