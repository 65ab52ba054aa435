import { fail, redirect } from '@sveltejs/kit';
import { quoteAcceptSchema, quoteDeclineSchema, type Order } from '@ventalis/contracts';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { checkoutOptions } from '#lib/server/checkout-options.ts';
import { invalidFields } from '#lib/server/form-errors.ts';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

/** A quote the member sees; while its offer is open, how they may pay for it if they accept. */
export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const quote = await found(cms.getQuote(jwt, event.params.number), m.quote_not_found(), event.url);
  const { options, cannotOrder } = quote.status === 'sent' ? await checkoutOptions(jwt) : { options: null, cannotOrder: null };
  // One key per rendering of the accept button: a double submission makes one order.
  return { quote, options, cannotOrder, idempotencyKey: crypto.randomUUID(), requested: event.url.searchParams.has('requested') };
};

export const actions: Actions = {
  /** The offer becomes an order: to the pay page when paid by card now, else to the order. */
  accept: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const form = await event.request.formData();
    const values = {
      idempotencyKey: String(form.get('idempotencyKey') ?? ''),
      paymentMethod: String(form.get('paymentMethod') ?? 'card'),
      purchaseOrderNumber: String(form.get('purchaseOrderNumber') ?? ''),
      offer: String(form.get('offer') ?? ''),
    };
    const parsed = quoteAcceptSchema.safeParse(values);
    if (!parsed.success) return fail(400, { form: 'accept', errors: invalidFields(parsed.error, values), values });
    let order: Order;
    try {
      order = (await cms.acceptQuote(jwt, event.params.number, parsed.data)).order;
    } catch (failure) {
      return refusal(failure, values, { form: 'accept' });
    }
    redirect(303, localizeHref(order.status === 'awaiting_payment' ? `/orders/${order.reference}/pay` : `/orders/${order.reference}?placed=1`));
  },

  decline: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const values = { reason: String((await event.request.formData()).get('reason') ?? '') };
    const parsed = quoteDeclineSchema.safeParse({ reason: values.reason || undefined });
    if (!parsed.success) return fail(400, { form: 'decline', errors: invalidFields(parsed.error, values), values });
    try {
      await cms.declineQuote(jwt, event.params.number, parsed.data.reason);
    } catch (failure) {
      return refusal(failure, values, { form: 'decline' });
    }
    redirect(303, localizeHref(`/account/quotes/${event.params.number}`));
  },
};
