import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Stripe from 'stripe';
import { getService } from '../../../utils/services';
import type { StoredOrder } from './lifecycle';
import { refusal, type OrderStatus } from '@ventalis/contracts';
import { paymentFailureReason } from '@ventalis/contracts/shop-comments';
import { notFound, refused } from '../../../utils/validation';

/** An order past payment: there is nothing to pay. */
export const nothingToPay = (status: OrderStatus) => refusal('payment.nothing_to_pay', `This order is ${status.replace('_', ' ')}: there is nothing to pay`, { status });

export interface PaymentSettings {
  provider: 'stripe' | 'simulated';
  stripe: { secretKey: string; webhookSecret: string; publishableKey: string; host?: string; port?: number; protocol?: 'http' | 'https' };
  timeoutMinutes: number;
}

/** What both providers hand to the same event handler. */
export interface PaymentEvent {
  id: string;
  type: string;
  data: { object: { id?: string; object?: string; status?: string; refunded?: boolean; metadata?: Record<string, string>; payment_intent?: string | null; last_payment_error?: { message?: string; code?: string; decline_code?: string } | null } };
}

/** Stripe's test cards, as the simulated provider honours them. */
const SIMULATED_CARDS: Record<string, { outcome: 'succeeded' | 'failed'; reason?: string }> = {
  '4242424242424242': { outcome: 'succeeded' },
  '4000000000000002': { outcome: 'failed', reason: paymentFailureReason({ decline_code: 'generic_decline' }) },
  '4000000000009995': { outcome: 'failed', reason: paymentFailureReason({ decline_code: 'insufficient_funds' }) },
};

/**
 * Payments behind one interface: Stripe PaymentIntents (test or live keys) or the
 * simulated provider. Both produce provider events handled by applyEvent: each event
 * applies once, in whatever order they arrive.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('ventalis.payments') as PaymentSettings;
  let client: Stripe | undefined;
  const stripe = () => {
    const { secretKey, host, port, protocol } = settings().stripe;
    client ??= new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 10_000, ...(host ? { host, port, protocol } : {}) });
    return client;
  };
  const lifecycle = () => getService('order.lifecycle');

  const service = {
    provider: () => settings().provider,
    publishableKey: () => (settings().provider === 'stripe' ? settings().stripe.publishableKey : null),

    /** Creates (or finds again, by idempotency key) the payment of an order. */
    async start(order: StoredOrder): Promise<{ provider: 'stripe' | 'simulated'; clientSecret: string | null }> {
      if (order.provider === 'stripe') {
        const intent = await stripe().paymentIntents.create(
          { amount: order.totalInclVatCents, currency: 'eur', metadata: { orderReference: order.reference }, automatic_payment_methods: { enabled: true } },
          { idempotencyKey: `ventalis-order-${order.reference}` },
        );
        if (order.paymentIntentId !== intent.id) {
          await strapi.db.query('api::order.order').update({ where: { id: order.id }, data: { paymentIntentId: intent.id } });
        }
        return { provider: 'stripe', clientSecret: intent.client_secret };
      }
      const intentId = `sim_${order.reference}`;
      if (order.paymentIntentId !== intentId) await strapi.db.query('api::order.order').update({ where: { id: order.id }, data: { paymentIntentId: intentId } });
      return { provider: 'simulated', clientSecret: null };
    },

    /** The simulated card form: Stripe's test cards decide, the same event handler applies. */
    async paySimulated(order: StoredOrder, cardNumber: string): Promise<string> {
      if (order.provider !== 'simulated') throw refused(refusal('payment.not_simulated', 'This order is paid through Stripe, not the simulated card form'));
      if (order.status !== 'awaiting_payment') throw refused(nothingToPay(order.status));
      const card = SIMULATED_CARDS[cardNumber];
      if (!card) {
        throw new errors.ValidationError('cardNumber: use a test card: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient funds', {
          errors: { cardNumber: 'Use a test card such as 4242 4242 4242 4242' },
          codes: { cardNumber: { code: 'payment.test_card_required' } },
        });
      }
      // An order whose payment was never started (approved after checkout, say) gets it now.
      if (!order.paymentIntentId) await service.start(order);
      const intentId = order.paymentIntentId ?? `sim_${order.reference}`;
      return service.applyEvent({
        id: `evt_sim_${randomUUID()}`,
        type: card.outcome === 'succeeded' ? 'payment_intent.succeeded' : 'payment_intent.payment_failed',
        data: { object: { id: intentId, object: 'payment_intent', status: card.outcome === 'succeeded' ? 'succeeded' : 'requires_payment_method', metadata: { orderReference: order.reference }, last_payment_error: card.reason ? { message: card.reason } : null } },
      });
    },

    /** Verifies a Stripe webhook on its raw body; throws a 400 for anything unsigned or tampered. */
    async handleStripeWebhook(rawBody: string | Buffer | undefined, signature: string | undefined): Promise<string> {
      const { webhookSecret } = settings().stripe;
      if (!webhookSecret) throw notFound(refusal('webhook.not_configured', 'Stripe webhooks are not configured'));
      if (!rawBody || !signature) throw refused(refusal('webhook.signature_invalid', 'Missing Stripe-Signature header or body'));
      let event: Stripe.Event;
      try {
        event = stripe().webhooks.constructEvent(rawBody, signature, webhookSecret);
      } catch (error) {
        throw refused(refusal('webhook.signature_invalid', `Invalid webhook signature: ${(error as Error).message.split('\n')[0]}`));
      }
      return service.applyEvent(event as unknown as PaymentEvent);
    },

    /** Applies a provider event once (by its id), whatever the order events arrive in. */
    async applyEvent(event: PaymentEvent): Promise<string> {
      const object = event.data.object;
      const intentId = object.object === 'charge' ? object.payment_intent : object.id;
      const events = () => strapi.db.query('api::order.payment-event');
      try {
        let orderId: number | null = null;
        const outcome = await strapi.db.transaction(async ({ trx }) => {
          if (await events().findOne({ where: { eventId: event.id }, select: ['id'] })) return 'duplicate';
          const found = intentId ? await strapi.db.query('api::order.order').findOne({ where: { paymentIntentId: intentId }, select: ['id'] }) : null;
          // One event at a time per order: the row lock serialises concurrent deliveries.
          if (found) await strapi.db.getConnection('orders').transacting(trx).where({ id: found.id }).forUpdate().first('id');
          const order = found ? await lifecycle().load({ id: found.id }) : null;
          await events().create({ data: { eventId: event.id, type: event.type, orderReference: order?.reference ?? null } });
          if (!order) return 'ignored: no order for this payment';
          orderId = order.id;
          let outcome: string;
          switch (event.type) {
            case 'payment_intent.succeeded':
              outcome = await lifecycle().markPaid(order);
              break;
            case 'payment_intent.payment_failed':
              // A failure may be older news than a success we have not heard of yet: ask.
              outcome =
                (await service.currentStatus(order)) === 'succeeded'
                  ? await lifecycle().markPaid(order)
                  : await lifecycle().markPaymentFailed(order, paymentFailureReason(object.last_payment_error));
              break;
            case 'charge.refunded':
              // A partial refund (a credit note's) leaves the order as it is; only a full one cancels it.
              outcome = object.refunded === false ? 'ignored: partial refund' : await lifecycle().markRefunded(order);
              break;
            default:
              outcome = `ignored: ${event.type}`;
          }
          await events().update({ where: { eventId: event.id }, data: { outcome } });
          return outcome;
        });
        // Paid: its invoice, once the payment is committed.
        if (outcome === 'paid' && orderId !== null) getService('document.invoices').issueSoon(orderId);
        return outcome;
      } catch (error) {
        // The same event delivered twice at once: the other delivery applied it.
        if (await events().findOne({ where: { eventId: event.id }, select: ['id'] })) return 'duplicate';
        throw error;
      }
    },

    /** The provider's own view of the payment: 'succeeded', or anything else. */
    async currentStatus(order: StoredOrder): Promise<string | null> {
      if (order.provider !== 'stripe' || !order.paymentIntentId) return order.status === 'paid' ? 'succeeded' : null;
      const intent = await stripe().paymentIntents.retrieve(order.paymentIntentId);
      return intent.status;
    },

    /** Gives back part of a card payment (a credit note), once per key whatever the retries. */
    async refundPart(order: StoredOrder, amountCents: number, key: string) {
      if (order.provider !== 'stripe' || !order.paymentIntentId || order.refundedAt) return;
      await stripe().refunds.create({ payment_intent: order.paymentIntentId, amount: amountCents }, { idempotencyKey: `ventalis-refund-${key}` });
    },

    async refund(order: StoredOrder) {
      if (order.provider !== 'stripe' || !order.paymentIntentId || order.refundedAt) return;
      await stripe().refunds.create({ payment_intent: order.paymentIntentId }, { idempotencyKey: `ventalis-refund-${order.reference}` });
    },

    /** Closes an unpaid payment so that it cannot be paid any more. */
    async abandon(order: StoredOrder) {
      if (order.provider !== 'stripe' || !order.paymentIntentId) return;
      try {
        await stripe().paymentIntents.cancel(order.paymentIntentId);
      } catch (error) {
        strapi.log.warn(`Could not cancel payment ${order.paymentIntentId}: ${(error as Error).message}`);
      }
    },
  };
  return service;
};
