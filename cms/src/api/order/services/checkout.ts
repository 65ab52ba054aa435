import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { quantityRefusal, refusal, sumAmounts, VAT_BANDS, type CheckoutRequest } from '@ventalis/contracts';
import { fieldError, refusalDetails } from '../../../utils/validation';
import { orderReference } from '../../../utils/order-reference';
import { getService } from '../../../utils/services';
import { priceFor, priceLine } from '../../cart/services/cart';
import type { StoredOrder } from './lifecycle';

const ORDER = 'api::order.order';

/** How the buyer chose to pay, and the purchase-order number their accounting gave them. */
type CheckoutChoice = Omit<CheckoutRequest, 'idempotencyKey'>;

/**
 * The cart becomes an order exactly once per checkout (idempotency key), with a price
 * snapshot and its stock reserved in the same transaction; then its payment starts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const findByKey = async (key: string) => {
    const found = await strapi.db.query(ORDER).findOne({ where: { idempotencyKey: key }, select: ['id'] });
    return found ? getService('order.lifecycle').load({ id: found.id }) : null;
  };

  const placeOrder = async (customerId: number, key: string, choice: CheckoutChoice): Promise<StoredOrder> => {
    const cart = getService('cart.cart');
    const lifecycle = getService('order.lifecycle');
    const payments = getService('order.payments');
    const timeoutMinutes = strapi.config.get('ventalis.payments.timeoutMinutes') as number;

    const { companyId } = await getService('company.companies').assertMayOrder(customerId);
    const terms = getService('company.terms');
    if (!choice.purchaseOrderNumber && (await terms.termsOf(companyId)).requirePurchaseOrder) {
      throw fieldError('purchaseOrderNumber', refusal('checkout.purchase_order_required', 'Your company asks for a purchase-order number on every order'));
    }
    return strapi.db.transaction(async ({ trx }) => {
      const lines = (await cart.storedLines(customerId)).filter((l) => l.product);
      if (lines.length === 0) throw new errors.ValidationError('Your cart is empty: add products before checking out', refusalDetails({ code: 'cart.empty' }, { errors: { cart: 'Empty' } }));
      for (const { product, quantity } of lines) {
        const problem = quantityRefusal(quantity, { ...product!, stock: Number.MAX_SAFE_INTEGER });
        if (problem) {
          throw new errors.ValidationError(`${product!.name}: ${problem.message}`, {
            errors: { [product!.slug]: problem.message },
            codes: { [product!.slug]: { code: problem.code, ...(problem.params ? { params: problem.params } : {}) } },
            ...refusalDetails({ code: 'checkout.line_refused', params: { product: product!.name } }),
          });
        }
      }
      // The company's prices on the day it orders, read afresh inside the transaction.
      const pricing = await getService('company.prices').pricingForMember(customerId);
      const vatRegime = await getService('company.companies').vatRegimeOf(companyId);
      const snapshot = lines.map(({ product, quantity }) => {
        const price = priceFor(pricing, product!);
        const amounts = priceLine(product!, quantity, price, vatRegime);
        return {
          productId: product!.id,
          productName: product!.name,
          productSlug: product!.slug,
          categoryName: product!.category?.name ?? null,
          quantity,
          pricePer1000Cents: price,
          listPricePer1000Cents: product!.priceCents,
          vatRate: VAT_BANDS[product!.vatRate],
          co2eKgPer1000: Number(product!.co2eKgPer1000),
          exclVatCents: amounts.exclVatCents,
          vatCents: amounts.vatCents,
          co2eGrams: amounts.co2eGrams,
        };
      });
      const totals = sumAmounts(snapshot.map((line) => ({ exclVatCents: line.exclVatCents, vatCents: line.vatCents, inclVatCents: line.exclVatCents + line.vatCents, co2eGrams: line.co2eGrams })));
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
      await cart.clear(customerId);
      return order;
    });
  };

  return {
    /** The reference of an order placed at that time: the demo history is placed in the past. */
    referenceFor: orderReference,

    /** Returns the order and how to pay it; the same key twice gives the same order. */
    async checkout(customerId: number, idempotencyKey: string, choice: CheckoutChoice = { paymentMethod: 'card', purchaseOrderNumber: undefined }) {
      const key = `${customerId}:${idempotencyKey}`;
      let order = await findByKey(key);
      if (!order) {
        try {
          order = await placeOrder(customerId, key, choice);
        } catch (error) {
          // A concurrent submission of the same checkout won the race: answer with its order.
          order = await findByKey(key);
          if (!order) throw error;
        }
      }
      // Confirmed on invoice as it was placed: its invoice, once the order is committed.
      if (order.paymentMethod === 'invoice') getService('document.invoices').issueSoon(order.id);
      const payment = order.status === 'awaiting_payment' ? await getService('order.payments').start(order) : { provider: order.provider, clientSecret: null };
      return { order, payment };
    },
  };
};
