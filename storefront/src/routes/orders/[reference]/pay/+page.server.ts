import { fail, redirect } from '@sveltejs/kit';
import { simulatedCardSchema } from '@ventalis/contracts';
import { textFields } from '#lib/form.ts';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { invalidFields } from '#lib/server/form-errors.ts';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const CARD_FIELDS = ['cardNumber', 'expiry', 'cvc', 'name'] as const;

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const reference = event.params.reference;
  const order = await found(cms.getOrder(jwt, reference), m.orders_not_found(), event.url);
  if (order.status !== 'awaiting_payment') redirect(303, localizeHref(`/orders/${reference}`));
  // Starts the payment, or picks up the one already started (a reload, a dropped connection).
  const payment = await cms.startPayment(jwt, reference);
  return { order, payment };
};

export const actions: Actions = {
  /** The simulated provider's card form; Stripe's Payment Element talks to Stripe directly. */
  card: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const form = textFields(await event.request.formData(), CARD_FIELDS);
    // The card number and code are never sent back to the page.
    const values = { expiry: form.expiry, name: form.name };
    const input = { ...form, name: form.name || undefined };
    const parsed = simulatedCardSchema.safeParse(input);
    if (!parsed.success) return fail(400, { errors: invalidFields(parsed.error, input), values });
    let status: string;
    try {
      status = (await cms.paySimulated(jwt, event.params.reference, parsed.data)).order.status;
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, localizeHref(`/orders/${event.params.reference}${status === 'paid' ? '?paid' : ''}`));
  },
};
