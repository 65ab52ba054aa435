import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, inquirySchema } from '@ventalis/contracts';
import { CmsError } from '#lib/server/cms.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['company', 'firstName', 'lastName', 'email', 'subject', 'message'] as const;

export const load: PageServerLoad = ({ url }) => ({ sent: url.searchParams.has('sent') });

export const actions: Actions = {
  default: async ({ request, getClientAddress }) => {
    const form = await request.formData();
    const values = Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? '')])) as Record<(typeof FIELDS)[number], string>;
    const website = String(form.get('website') ?? '');
    const parsed = inquirySchema.safeParse({ ...values, ...(website ? { website } : {}) });
    if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values });

    try {
      await cms.submitInquiry(parsed.data, getClientAddress());
    } catch (error) {
      if (error instanceof CmsError && error.status === 429) return fail(429, { errors: { _: 'You have sent several messages already: please try again later.' }, values });
      if (error instanceof CmsError && error.status === 400) return fail(400, { errors: { _: error.message, ...error.fieldErrors }, values });
      throw error;
    }
    redirect(303, '/contact?sent');
  },
};
