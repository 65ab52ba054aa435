import { fail, redirect } from '@sveltejs/kit';
import { addDays, fieldCodes, fieldErrors, QUOTE_VALIDITY_DAYS, quoteOfferSchema } from '@ventalis/contracts';
import { dayInFrance } from '@ventalis/contracts/prices';
import { wordFields } from '#lib/errors.ts';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import { offerInput, onRows, readOfferForm } from '#lib/quote-offer.ts';
import type { Actions, PageServerLoad } from './$types';

/** One of the consultant's companies' quotes, with the day its offer holds to by default. */
export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'consultant');
  const quote = await found(cms.getClientQuote(jwt, event.params.number), m.quote_not_found(), event.url);
  return { quote, defaultValidUntil: addDays(dayInFrance(), QUOTE_VALIDITY_DAYS), sent: event.url.searchParams.has('sent') };
};

export const actions: Actions = {
  /** Sends the offer (or a revised one): the client gets it by email, with its PDF. */
  send: async (event) => {
    const { jwt } = requireRole(event, 'consultant');
    const form = readOfferForm(await event.request.formData());
    const { offer, unreadable, keys } = offerInput(form);
    const parsed = quoteOfferSchema.safeParse(offer);
    if (Object.keys(unreadable).length > 0 || !parsed.success) {
      const errors = parsed.success ? {} : onRows(wordFields(fieldCodes(parsed.error, offer), fieldErrors(parsed.error)), keys);
      for (const [field, kind] of Object.entries(unreadable)) errors[field] = kind === 'price' ? m.consultant_quote_price_invalid() : m.product_quantity_invalid();
      return fail(400, { errors, values: form });
    }
    try {
      await cms.sendQuote(jwt, event.params.number, parsed.data);
    } catch (failure) {
      const refused = refusal(failure, form);
      return fail(refused.status, { ...refused.data, errors: onRows(refused.data.errors, keys) });
    }
    redirect(303, localizeHref(`/consultant/quotes/${event.params.number}?sent=1`));
  },
};
