import { fail, redirect } from '@sveltejs/kit';
import { loginSchema } from '@ventalis/contracts';
import { localizeHref } from '#lib/i18n.ts';
import { safeRedirectPath } from '#lib/redirect.ts';
import { CmsError } from '#lib/server/cms.ts';
import { invalidFields, signInRefusal } from '#lib/server/form-errors.ts';
import { cms } from '#lib/server/services.ts';
import { encodeSession, SESSION_COOKIE, sessionCookieOptions } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, localizeHref(safeRedirectPath(url.searchParams.get('redirectTo'))));
  return {};
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const values = { identifier: String(form.get('identifier') ?? '') };
    const input = { identifier: values.identifier, password: String(form.get('password') ?? '') };
    const parsed = loginSchema.safeParse(input);
    if (!parsed.success) return fail(400, { errors: invalidFields(parsed.error, input), values });

    let session;
    try {
      session = await cms.login(parsed.data, getClientAddress());
    } catch (error) {
      if (error instanceof CmsError && error.status < 500) return fail(error.status === 429 ? 429 : 400, { errors: signInRefusal(error), values });
      throw error;
    }

    cookies.set(SESSION_COOKIE, encodeSession(session), sessionCookieOptions(url));
    redirect(303, localizeHref(safeRedirectPath(url.searchParams.get('redirectTo'))));
  },
};
