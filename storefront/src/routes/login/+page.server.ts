import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, loginSchema, type FieldErrors } from '@ventalis/contracts';
import { safeRedirectPath } from '#lib/redirect.ts';
import { CmsError } from '#lib/server/cms.ts';
import { cms } from '#lib/server/services.ts';
import { encodeSession, SESSION_COOKIE, sessionCookieOptions } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
  return {};
};

/** What the cms says when it refuses a sign-in, as a message next to the right field. */
function refusal(error: CmsError): FieldErrors {
  if (error.status === 429) return { _: 'Too many sign-in attempts. Please wait a minute and try again.' };
  if (/not confirmed/i.test(error.message)) return { _: 'Please confirm your email address first: follow the link we sent you when you registered.' };
  if (/blocked/i.test(error.message)) return { _: 'This account has been blocked. Please contact us.' };
  if (Object.keys(error.fieldErrors).length > 0) return error.fieldErrors;
  return { password: 'The email or password is incorrect.' };
}

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const values = { identifier: String(form.get('identifier') ?? '') };
    const parsed = loginSchema.safeParse({ identifier: values.identifier, password: String(form.get('password') ?? '') });
    if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values });

    let session;
    try {
      session = await cms.login(parsed.data, getClientAddress());
    } catch (error) {
      if (error instanceof CmsError && error.status < 500) return fail(error.status === 429 ? 429 : 400, { errors: refusal(error), values });
      throw error;
    }

    cookies.set(SESSION_COOKIE, encodeSession(session), sessionCookieOptions(url));
    redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
  },
};
