import { fail, redirect } from '@sveltejs/kit';
import { inquirySchema } from '@ventalis/contracts';
import { wordRefusal } from '#lib/errors.ts';
import { localizeHref } from '#lib/i18n.ts';
import { CmsError } from '#lib/server/cms.ts';
import { invalidFields } from '#lib/server/form-errors.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['company', 'firstName', 'lastName', 'email', 'subject', 'message'] as const;

export const load: PageServerLoad = ({ url }) => ({ sent: url.searchParams.has('sent') });

export const actions: Actions = {
  default: async ({ request, getClientAddress }) => {
    const form = await request.formData();
    const values = Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? '')])) as Record<(typeof FIELDS)[number], string>;
    const website = String(form.get('website') ?? '');
    const input = { ...values, ...(website ? { website } : {}) };
    const parsed = inquirySchema.safeParse(input);
    if (!parsed.success) return fail(400, { errors: invalidFields(parsed.error, input), values });

    try {
      await cms.submitInquiry(parsed.data, getClientAddress());
    } catch (error) {
      if (error instanceof CmsError && (error.status === 400 || error.status === 429)) {
        return fail(error.status, { errors: wordRefusal(error.message, { ...error.codes, errors: error.fieldErrors }), values });
      }
      throw error;
    }
    redirect(303, localizeHref('/contact?sent'));
  },
};
