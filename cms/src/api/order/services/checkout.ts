import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { quantityRefusal, refusal, type CheckoutRequest } from '@ventalis/contracts';
import { fieldError, refusalDetails } from '../../../utils/validation';
import { orderReference } from '../../../utils/order-reference';
import { getService } from '../../../utils/services';
import { checkouts } from '../../../observability/metrics';
import { lineSnapshot, priceFor, totalsOf, type CartProduct } from '../../cart/services/cart';
import type { StoredOrder } from './lifecycle';

const ORDER = 'api::order.order';

/** How the buyer chose to pay, and the purchase-order number their accounting gave them. */
type CheckoutChoice = Omit<CheckoutRequest, 'idempotencyKey'>;

/** A line to order: a product (its French row), how many, and its price per 1,000 units when agreed beforehand. */
export interface SourceLine {
  product: CartProduct;
  quantity: number;
  /** A quoted price; null for the company's price of the day. */
  pricePer1000Cents: number | null;
}

/**
 * Where an order's lines come from: the buyer's cart, or an accepted quote. Both are read and
 * settled inside the transaction that places the order, so that the order exists exactly when
 * its source has been used.
 */
export interface OrderSource {
  /** What the order is placed from, as the metrics count it. */
  name: 'cart' | 'quote';
  /** The quote's number, which the order keeps. */
  quoteNumber?: string;
  lines(): Promise<SourceLine[]>;
  placed(order: StoredOrder): Promise<void>;
}

/**
 * The cart becomes an order exactly once per checkout (idempotency key), with a price
 * snapshot and its stock reserved in the same transaction. Its card payment is started by
 * the pay page (POST /api/orders/:reference/payment), which it goes to next and which must
 * start it anyway when the buyer comes back later: the checkout does not call the provider.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const findByKey = async (key: string) => {
    const found = await strapi.db.query(ORDER).findOne({ where: { idempotencyKey: key }, select: ['id'] });
    return found ? getService('order.lifecycle').load({ id: found.id }) : null;
  };

  /** The buyer's cart, at their company's prices of the day; emptied once ordered. */
  const cartSource = (customerId: number): OrderSource => ({
    name: 'cart',
    async lines() {
      await getService('cart.cart').hold(customerId);
      const lines = (await getService('cart.cart').storedLines(customerId, { withImages: false })).filter((l) => l.product);
      if (lines.length === 0) throw new errors.ValidationError('Your cart is empty: add products before checking out', refusalDetails({ code: 'cart.empty' }, { errors: { cart: 'Empty' } }));
      return lines.map((line) => ({ product: line.product!, quantity: line.quantity, pricePer1000Cents: null }));
    },
    placed: () => getService('cart.cart').clear(customerId),
  });

  const placeOrder = async (customerId: number, key: string, choice: CheckoutChoice, source: OrderSource): Promise<StoredOrder> => {
    const lifecycle = getService('order.lifecycle');
    const payments = getService('order.payments');
    const timeoutMinutes = strapi.config.get('ventalis.payments.timeoutMinutes') as number;

    const { companyId } = await getService('company.companies').assertMayOrder(customerId);
    const terms = getService('company.terms');
    if (!choice.purchaseOrderNumber && (await terms.termsOf(companyId)).requirePurchaseOrder) {
      throw fieldError('purchaseOrderNumber', refusal('checkout.purchase_order_required', 'Your company asks for a purchase-order number on every order'));
    }
    return strapi.db.transaction(async ({ trx }) => {
      const lines = await source.lines();
      for (const { product, quantity } of lines) {
        const problem = quantityRefusal(quantity, { ...product, stock: Number.MAX_SAFE_INTEGER });
        if (problem) {
          throw new errors.ValidationError(`${product.name}: ${problem.message}`, {
            errors: { [product.slug]: problem.message },
            codes: { [product.slug]: { code: problem.code, ...(problem.params ? { params: problem.params } : {}) } },
            ...refusalDetails({ code: 'checkout.line_refused', params: { product: product.name } }),
          });
        }
      }
      // The company's prices on the day it orders, read afresh inside the transaction (a quote names its own).
      const pricing = lines.some((line) => line.pricePer1000Cents === null) ? await getService('company.prices').pricingForCompany(companyId) : null;
      const vatRegime = await getService('company.companies').vatRegimeOf(companyId);
      const snapshot = lines.map(({ product, quantity, pricePer1000Cents }) => lineSnapshot(product, quantity, pricePer1000Cents ?? priceFor(pricing, product), vatRegime));
      const totals = totalsOf(snapshot);
      const placedAt = new Date();
      // On invoice: the company's row is locked first, so that two checkouts cannot both spend the same credit.
      let invoice: { paymentTerms: string; paymentDueAt: string } | null = null;
      if (choice.paymentMethod === 'invoice') {
        await strapi.db.getConnection('companies').transacting(trx).where({ id: companyId }).forUpdate().first('id');
        invoice = await terms.admitInvoiceOrder(companyId, totals.inclVatCents, placedAt);
      }
      await lifecycle.reserveStock(snapshot);
      // Above the buyer's limit: the company's admins decide first; the stock waits with the order.
      const approvalReason = await getService('company.approvals').limitPassed(customerId, totals.exclVatCents, placedAt);
      const created = await strapi.documents(ORDER).create({
        data: {
          reference: orderReference(placedAt),
          customer: customerId,
          company: companyId,
          // On invoice the order is confirmed at once; its payment is due by the terms' date.
          status: approvalReason ? 'awaiting_approval' : invoice ? 'in_progress' : 'awaiting_payment',
          approvalReason,
          approvalExpiresAt: approvalReason ? getService('company.approvals').deadline(placedAt) : null,
          paymentMethod: choice.paymentMethod,
          vatRegime,
          paymentStatus: 'unpaid',
          paymentTerms: invoice?.paymentTerms ?? null,
          paymentDueAt: invoice?.paymentDueAt ?? null,
          purchaseOrderNumber: choice.purchaseOrderNumber ?? null,
          quoteNumber: source.quoteNumber ?? null,
          lines: snapshot,
          totalExclVatCents: totals.exclVatCents,
          totalVatCents: totals.vatCents,
          totalInclVatCents: totals.inclVatCents,
          co2eGrams: totals.co2eGrams,
          placedAt,
          provider: payments.provider(),
          paymentExpiresAt: invoice || approvalReason ? null : new Date(Date.now() + timeoutMinutes * 60_000),
          stockReserved: true,
          idempotencyKey: key,
        } as never,
      });
      const order = (await lifecycle.load({ documentId: created.documentId }))!;
      await lifecycle.recordPlaced(order, { role: 'customer', name: null });
      await source.placed(order);
      return order;
    });
  };

  return {
    /** The reference of an order placed at that time: the demo history is placed in the past. */
    referenceFor: orderReference,

    /**
     * Returns the order; the same key twice gives the same order. Its lines are the cart's, or
     * another source's (an accepted quote).
     */
    async checkout(customerId: number, idempotencyKey: string, choice: CheckoutChoice = { paymentMethod: 'card', purchaseOrderNumber: undefined }, source: OrderSource = cartSource(customerId)) {
      const key = `${customerId}:${idempotencyKey}`;
      let order = await findByKey(key);
      if (!order) {
        try {
          order = await placeOrder(customerId, key, choice, source);
          checkouts.inc({ payment_method: order.paymentMethod ?? 'card', source: source.name });
        } catch (error) {
          // A concurrent submission of the same checkout won the race: answer with its order.
          order = await findByKey(key);
          if (!order) throw error;
        }
      }
      // Confirmed on invoice as it was placed: its invoice, once the order is committed.
      if (order.paymentMethod === 'invoice') getService('document.invoices').issueSoon(order.id);
      return { order };
    },
  };
};
