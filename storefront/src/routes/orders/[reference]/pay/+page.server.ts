import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, simulatedCardSchema } from '@ventalis/contracts';
import { textFields } from '#lib/form.ts';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'No order of yours has this reference';
const CARD_FIELDS = ['cardNumber', 'expiry', 'cvc', 'name'] as const;

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  const reference = event.params.reference;
  const order = await found(cms.getOrder(jwt, reference), NOT_FOUND, event.url);
  if (order.status !== 'awaiting_payment') redirect(303, `/orders/${reference}`);
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
    const parsed = simulatedCardSchema.safeParse({ ...form, name: form.name || undefined });
    if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) as Record<string, string>, values });
    let status: string;
    try {
      status = (await cms.paySimulated(jwt, event.params.reference, parsed.data)).order.status;
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, `/orders/${event.params.reference}${status === 'paid' ? '?paid' : ''}`);
  },
};
