import { fail, redirect } from '@sveltejs/kit';
import { registrationSchema } from '@ventalis/contracts';
import { wordRefusal } from '#lib/errors.ts';
import { textFields } from '#lib/form.ts';
import { getLocale, localizeHref } from '#lib/i18n.ts';
import { CmsError } from '#lib/server/cms.ts';
import { flatFields, invalidFields } from '#lib/server/form-errors.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['companyName', 'siret', 'vatNumber', 'firstName', 'lastName', 'email', 'phone', 'line1', 'line2', 'postalCode', 'city', 'country'] as const;

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, localizeHref('/'));
  return {};
};

export const actions: Actions = {
  default: async ({ request, getClientAddress }) => {
    const form = await request.formData();
    const values = textFields(form, FIELDS);
    const { line1, line2, postalCode, city, country, ...company } = values;
    // The account's emails are written in the language of the page it was opened from.
    const input = { ...company, billingAddress: { line1, line2, postalCode, city, country }, password: String(form.get('password') ?? ''), locale: getLocale() };
    const parsed = registrationSchema.safeParse(input);
    if (!parsed.success) return fail(400, { errors: invalidFields(parsed.error, input), values });
    try {
      await cms.register(parsed.data, getClientAddress());
    } catch (error) {
      if (error instanceof CmsError && error.status < 500) {
        const errors = flatFields(wordRefusal(error.message, { ...error.codes, errors: error.fieldErrors }));
        // Refused fields are shown beside themselves, not once more above the form.
        if (Object.keys(errors).some((field) => field in values || field === 'password')) delete errors._;
        return fail(error.status === 429 ? 429 : 400, { errors, values });
      }
      throw error;
    }
    redirect(303, localizeHref(`/register/sent?email=${encodeURIComponent(parsed.data.email)}`));
  },
};
