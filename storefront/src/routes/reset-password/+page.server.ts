import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, resetPasswordSchema } from '@ventalis/contracts';
import { CmsError } from '#lib/server/cms.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
  default: async ({ request, getClientAddress }) => {
    const form = await request.formData();
    const input = { code: String(form.get('code') ?? ''), password: String(form.get('password') ?? ''), passwordConfirmation: String(form.get('passwordConfirmation') ?? '') };
    const parsed = resetPasswordSchema.safeParse(input);
    if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
    try {
      await cms.resetPassword(parsed.data, getClientAddress());
    } catch (error) {
      if (error instanceof CmsError && error.status < 500) {
        return fail(error.status === 429 ? 429 : 400, { errors: Object.keys(error.fieldErrors).length > 0 ? error.fieldErrors : { _: error.message } });
      }
      throw error;
    }
    redirect(303, '/login?reset=1');
  },
};
