import { redirect } from '@sveltejs/kit';
import { wordError } from '#lib/errors.ts';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { discussOrder } from '#lib/server/discuss.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const order = await found(cms.getOrder(jwt, event.params.reference), m.orders_not_found(), event.url);
  // Back from paying: Stripe's webhook may confirm the payment a moment after the redirect.
  const paying = event.url.searchParams.has('paid');
  // Just placed on invoice: confirmed, nothing to pay now.
  const justPlacedOnInvoice = event.url.searchParams.has('placed') && order.paymentMethod === 'invoice';
  return { order, justPaid: paying && order.status === 'paid', confirming: paying && order.status === 'awaiting_payment', justPlacedOnInvoice };
};

export const actions: Actions = {
  discuss: discussOrder('customer'),

  cancel: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    try {
      await cms.cancelOrder(jwt, event.params.reference);
    } catch (failure) {
      return refusal(failure, {});
    }
    redirect(303, localizeHref(`/orders/${event.params.reference}`));
  },

  /** Today's prices and rules: what cannot be ordered any more is named, not silently dropped. */
  reorder: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    try {
      const { skipped } = await cms.reorder(jwt, event.params.reference);
      return { reordered: true, skipped: skipped.map(({ product, reason, code }) => ({ product, reason: wordError(code, reason) })) };
    } catch (failure) {
      return refusal(failure, {});
    }
  },
};
