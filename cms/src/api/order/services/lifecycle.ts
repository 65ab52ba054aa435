import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { consultantMayMove, formatUnits, SPENT_STATUSES, unitsLeft, type OrderStatus } from '@ventalis/contracts';
import { paymentFailedComment } from '@ventalis/contracts/shop-comments';
import { refusalDetails } from '../../../utils/validation';
import { payments } from '../../../observability/metrics';
import { getService } from '../../../utils/services';

const ORDER = 'api::order.order';

export interface Actor {
  role: 'customer' | 'company_admin' | 'consultant' | 'administrator' | 'system';
  name: string | null;
}
export const SYSTEM: Actor = { role: 'system', name: null };
/** Before the sale is certain (paid, or confirmed on invoice)… */
const UNSOLD: OrderStatus[] = ['awaiting_approval', 'awaiting_payment'];
/** …an order that ends here was never a sale. */
const ENDED_UNSOLD: OrderStatus[] = ['cancelled', 'payment_failed'];

/**
 * What strapi.db.transaction hands its callback besides the transaction: onCommit runs once
 * the outermost transaction has committed (never after a rollback), also when called from a
 * nested one.
 */
interface TransactionHooks {
  onCommit: (callback: () => void) => void;
}

export interface StoredOrder {
  id: number;
  documentId: string;
  reference: string;
  status: OrderStatus;
  provider: 'simulated' | 'stripe';
  paymentMethod: 'card' | 'invoice' | null;
  paymentStatus: 'unpaid' | 'paid' | 'refunded' | null;
  paymentIntentId: string | null;
  paymentExpiresAt: string | null;
  approvalExpiresAt?: string | null;
  stockReserved: boolean;
  totalInclVatCents: number;
  refundedAt: string | null;
  customer?: { id: number } | null;
  lines: { productId: number | null; quantity: number; productName: string }[];
}

/**
 * The order lifecycle: every change is recorded (who, when, from, to, comment), stock
 * is given back exactly once, and a paid order that is cancelled is refunded.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const products = () => strapi.db.getConnection('products');
  /**
   * A product has a row per locale (French, English): the rows other than the one just
   * changed take its stock, in the same transaction, so every language shows the same figure.
   */
  const alignLocales = async (trx: unknown, productId: number) => {
    // One statement: the other rows of the same document take the stock of this one.
    const changed = () => products().transacting(trx as never).where('id', productId);
    await products()
      .transacting(trx as never)
      .where('document_id', changed().select('document_id'))
      .whereNot('id', productId)
      .update({ stock: changed().select('stock') });
  };

  const service = {
    async load(where: Record<string, unknown>): Promise<StoredOrder | null> {
      return strapi.db.query(ORDER).findOne({
        where,
        populate: { lines: true, customer: { select: ['id'] } },
      });
    },

    /**
     * Writes a status change and its history entry together; the client is mailed once they are
     * committed. An order that ends before it was a sale gives its quote, if any, back to the buyer.
     */
    async record(order: StoredOrder, to: OrderStatus, actor: Actor, comment: string | null, extra: Record<string, unknown> = {}) {
      await strapi.db.transaction(async ({ onCommit }: TransactionHooks) => {
        await strapi.db.query(ORDER).update({ where: { id: order.id }, data: { status: to, ...extra } });
        if (UNSOLD.includes(order.status) && ENDED_UNSOLD.includes(to)) await getService('quote.quotes').reopenAfter(order);
        await strapi.db.query('api::order.order-event').create({
          data: { order: order.id, fromStatus: order.status, toStatus: to, actorRole: actor.role, actorName: actor.name, comment },
        });
        const change = { from: order.status, to, actor, comment, refunded: 'refundedAt' in extra };
        onCommit(() => getService('order.emails').statusChanged(order.id, change));
      });
    },

    /** The first history entry of an order checkout has just created; its confirmation is mailed once committed. */
    async recordPlaced(order: StoredOrder, actor: Actor) {
      await strapi.db.transaction(async ({ onCommit }: TransactionHooks) => {
        await strapi.db.query('api::order.order-event').create({
          data: { order: order.id, fromStatus: null, toStatus: order.status, actorRole: actor.role, actorName: actor.name, comment: null },
        });
        const change = { from: null, to: order.status, actor, comment: null, refunded: false };
        onCommit(() => getService('order.emails').statusChanged(order.id, change));
      });
    },

    /**
     * Takes the order's units out of stock, all or none: each decrement only happens
     * while enough units remain, so stock never goes negative, whatever the concurrency.
     * Throws a ValidationError naming the product that ran short.
     */
    async reserveStock(lines: { productId: number | null; quantity: number; productName: string }[]) {
      await strapi.db.transaction(async ({ trx }) => {
        for (const line of [...lines].sort((a, b) => Number(a.productId) - Number(b.productId))) {
          const taken = await products().transacting(trx).where('id', line.productId).andWhere('stock', '>=', line.quantity).decrement('stock', line.quantity);
          if (Number(taken) === 0) {
            const row = await products().transacting(trx).where('id', line.productId).first('stock');
            const left = Number(row?.stock ?? 0);
            throw new errors.ValidationError(
              left > 0 ? `${line.productName}: only ${unitsLeft(left)} left in stock` : `${line.productName} is out of stock`,
              refusalDetails(
                left > 0 ? { code: 'checkout.stock_short', params: { product: line.productName, stock: left } } : { code: 'checkout.out_of_stock', params: { product: line.productName } },
                { errors: { stock: `${line.productName}: ${formatUnits(left, 'en')} left` } },
              ),
            );
          }
          await alignLocales(trx, line.productId!);
        }
      });
    },

    /** Gives the order's units back, once: the flag flips in the same transaction. */
    async releaseStock(order: StoredOrder) {
      await strapi.db.transaction(async ({ trx }) => {
        const flipped = await strapi.db.getConnection('orders').transacting(trx).where({ id: order.id, stock_reserved: true }).update({ stock_reserved: false });
        if (Number(flipped) === 0) return;
        for (const line of order.lines) {
          if (!line.productId) continue;
          await products().transacting(trx).where('id', line.productId).increment('stock', line.quantity);
          await alignLocales(trx, line.productId);
        }
      });
    },

    /** Payment confirmed by the provider. A late payment for an order whose stock went back takes it again, or is refunded. */
    async markPaid(order: StoredOrder): Promise<string> {
      if (!['awaiting_payment', 'payment_failed', 'cancelled'].includes(order.status) || order.refundedAt) return 'ignored: already past payment';
      const outcome = await strapi.db.transaction(async () => {
        if (!order.stockReserved) {
          try {
            await service.reserveStock(order.lines);
          } catch {
            await getService('order.payments').refund(order);
            await service.record(order, 'cancelled', SYSTEM, 'Your payment arrived after the reserved stock was released and the products are no longer available: it has been refunded.', { refundedAt: new Date() });
            return 'refunded: stock no longer available';
          }
        }
        await service.record(order, 'paid', SYSTEM, 'Payment received. Thank you!', { stockReserved: true, paymentExpiresAt: null, paymentStatus: 'paid' });
        return 'paid';
      });
      payments.inc({ outcome: outcome === 'paid' ? 'paid' : 'refunded' });
      return outcome;
    },

    /** A failed payment gives the stock back and puts the lines back into the cart (or opens the quote it came from again). */
    async markPaymentFailed(order: StoredOrder, reason: string): Promise<string> {
      if (order.status !== 'awaiting_payment') return 'ignored: not awaiting payment';
      await strapi.db.transaction(async () => {
        const fromQuote = await getService('quote.quotes').reopenAfter(order);
        await service.record(order, 'payment_failed', SYSTEM, paymentFailedComment(reason, fromQuote));
        await service.releaseStock(order);
        if (order.customer && !fromQuote) {
          await getService('cart.cart').putBack(order.customer.id, order.lines.filter((l) => l.productId).map((l) => ({ productId: l.productId!, quantity: l.quantity })));
        }
      });
      payments.inc({ outcome: 'failed' });
      return 'payment_failed';
    },

    /** The provider refunded a payment (from its dashboard, or after our own cancel). */
    async markRefunded(order: StoredOrder): Promise<string> {
      if (order.refundedAt) return 'ignored: already refunded';
      await strapi.db.transaction(async () => {
        if (order.status !== 'cancelled') await service.record(order, 'cancelled', SYSTEM, 'Your payment has been refunded.', { refundedAt: new Date(), paymentStatus: 'refunded' });
        else await strapi.db.query(ORDER).update({ where: { id: order.id }, data: { refundedAt: new Date(), paymentStatus: 'refunded' } });
        if (!['shipped', 'delivered'].includes(order.status)) await service.releaseStock(order);
        // An invoiced sale refunded is credited: the invoice itself never changes.
        await getService('document.credit-notes').creditOrder(order.id, 'Remboursement du paiement / Payment refunded');
      });
      payments.inc({ outcome: 'refunded' });
      return 'refunded';
    },

    /** A consultant moves one of their clients' orders, with a comment the client reads. */
    async consultantChange(order: StoredOrder, to: OrderStatus, comment: string, actor: Actor) {
      if (!consultantMayMove(order.status, to)) {
        throw new errors.ValidationError(`status: an order that is ${order.status.replace('_', ' ')} cannot become ${to.replace('_', ' ')}`, {
          errors: { status: `Not allowed from ${order.status}` },
          codes: { status: { code: 'order.transition_refused', params: { from: order.status, to } } },
          ...refusalDetails({ code: 'order.transition_refused', params: { from: order.status, to } }),
        });
      }
      if (to === 'cancelled') return service.cancel(order, actor, comment);
      await service.record(order, to, actor, comment);
    },

    /** Cancels an order: refunds what was paid by card, gives the stock back; an unpaid order on invoice is simply no longer owed. */
    async cancel(order: StoredOrder, actor: Actor, comment: string) {
      const paid = order.paymentStatus === 'paid';
      if (paid) await getService('order.payments').refund(order);
      await strapi.db.transaction(async () => {
        await service.record(order, 'cancelled', actor, comment, paid ? { refundedAt: new Date(), paymentStatus: 'refunded' } : {});
        await service.releaseStock(order);
        // An invoiced sale cancelled is credited in full, with the cancellation's reason.
        await getService('document.credit-notes').creditOrder(order.id, comment);
      });
      if (order.status === 'awaiting_payment') await getService('order.payments').abandon(order);
    },

    /**
     * Orders from before payment status was kept apart from the order's status get it: paid
     * once the card payment went through (and not refunded since), unpaid otherwise.
     */
    async backfillPaymentStatus(): Promise<number> {
      const rows: { id: number; status: OrderStatus; refundedAt: string | null }[] = await strapi.db.query(ORDER).findMany({ where: { paymentStatus: { $null: true } }, select: ['id', 'status', 'refundedAt'] });
      for (const row of rows) {
        const paymentStatus = row.refundedAt ? 'refunded' : SPENT_STATUSES.includes(row.status) ? 'paid' : 'unpaid';
        await strapi.db.query(ORDER).update({ where: { id: row.id }, data: { paymentStatus, paymentMethod: 'card' } });
      }
      return rows.length;
    },

    /** Orders left unpaid past their deadline are cancelled and their stock released. */
    async expireUnpaidOrders(now = new Date()): Promise<number> {
      const overdue: { id: number }[] = await strapi.db.query(ORDER).findMany({
        where: { status: 'awaiting_payment', paymentExpiresAt: { $lt: now } },
        select: ['id'],
      });
      let expired = 0;
      for (const { id } of overdue) {
        const order = await service.load({ id });
        if (!order || order.status !== 'awaiting_payment') continue;
        try {
          // The provider may have taken the payment just before the deadline: believe it.
          if ((await getService('order.payments').currentStatus(order)) === 'succeeded') {
            await service.markPaid(order);
            continue;
          }
          await service.cancel(order, SYSTEM, 'No payment was received in time: the order is cancelled and its products released.');
          expired += 1;
        } catch (error) {
          // The provider did not answer: this order waits for the next round, the others go on.
          strapi.log.warn(`Could not expire order ${order.reference}: ${String(error)}`);
        }
      }
      return expired;
    },
  };
  return service;
};
