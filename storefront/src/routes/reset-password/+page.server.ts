import { fail, redirect } from '@sveltejs/kit';
import { resetPasswordSchema } from '@ventalis/contracts';
import { wordRefusal } from '#lib/errors.ts';
import { localizeHref } from '#lib/i18n.ts';
import { CmsError } from '#lib/server/cms.ts';
import { invalidFields } from '#lib/server/form-errors.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
  default: async ({ request, getClientAddress }) => {
    const form = await request.formData();
    const input = { code: String(form.get('code') ?? ''), password: String(form.get('password') ?? ''), passwordConfirmation: String(form.get('passwordConfirmation') ?? '') };
    const parsed = resetPasswordSchema.safeParse(input);
    if (!parsed.success) return fail(400, { errors: invalidFields(parsed.error, input) });
    try {
      await cms.resetPassword(parsed.data, getClientAddress());
    } catch (error) {
      if (error instanceof CmsError && error.status < 500) {
        const errors = wordRefusal(error.message, { ...error.codes, errors: error.fieldErrors });
        // A refused field is shown beside itself (or, for the link, with a way to get a new one).
        if (Object.keys(errors).length > 1) delete errors._;
        return fail(error.status === 429 ? 429 : 400, { errors });
      }
      throw error;
    }
    redirect(303, localizeHref('/login?reset=1'));
  },
};
