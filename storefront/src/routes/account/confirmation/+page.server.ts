import { fail } from '@sveltejs/kit';
import { forgotPasswordSchema } from '@ventalis/contracts';
import { wordRefusal } from '#lib/errors.ts';
import { CmsError } from '#lib/server/cms.ts';
import { invalidFields } from '#lib/server/form-errors.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  /** A new confirmation link; the answer is the same whether or not the account exists. */
  default: async ({ request, getClientAddress }) => {
    const email = String((await request.formData()).get('email') ?? '');
    const parsed = forgotPasswordSchema.safeParse({ email });
    if (!parsed.success) return fail(400, { errors: invalidFields(parsed.error, { email }), values: { email } });
    try {
      await cms.resendConfirmation(parsed.data.email, getClientAddress());
    } catch (error) {
      if (error instanceof CmsError && error.status === 429) return fail(429, { errors: wordRefusal(error.message, error.codes), values: { email } });
      throw error;
    }
    return { sent: true, values: { email } };
  },
};
