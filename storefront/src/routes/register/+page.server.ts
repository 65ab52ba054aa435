import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, registrationSchema } from '@ventalis/contracts';
import { textFields } from '#lib/form.ts';
import { CmsError } from '#lib/server/cms.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['companyName', 'siret', 'vatNumber', 'firstName', 'lastName', 'email', 'phone', 'line1', 'line2', 'postalCode', 'city', 'country'] as const;

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/');
  return {};
};

export const actions: Actions = {
  default: async ({ request, getClientAddress }) => {
    const form = await request.formData();
    const values = textFields(form, FIELDS);
    const { line1, line2, postalCode, city, country, ...company } = values;
    const parsed = registrationSchema.safeParse({
      ...company,
      billingAddress: { line1, line2, postalCode, city, country },
      password: String(form.get('password') ?? ''),
    });
    // Address errors come back as billingAddress.city: the form's fields are flat.
    const flat = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^billingAddress\./, ''), v]));
    if (!parsed.success) return fail(400, { errors: flat(fieldErrors(parsed.error)), values });
    try {
      await cms.register(parsed.data, getClientAddress());
    } catch (error) {
      if (error instanceof CmsError && error.status < 500) {
        const errors = Object.keys(error.fieldErrors).length > 0 ? flat(error.fieldErrors) : { _: error.status === 429 ? 'Too many attempts: please wait a minute.' : error.message };
        return fail(error.status === 429 ? 429 : 400, { errors, values });
      }
      throw error;
    }
    redirect(303, `/register/sent?email=${encodeURIComponent(parsed.data.email)}`);
  },
};
