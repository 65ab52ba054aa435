import { fail, redirect } from '@sveltejs/kit';
import { invitationAcceptSchema, invitationTokenSchema } from '@ventalis/contracts';
import { wordRefusal } from '#lib/errors.ts';
import { textFields } from '#lib/form.ts';
import { getLocale, localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { CmsError } from '#lib/server/cms.ts';
import { invalidFields } from '#lib/server/form-errors.ts';
import { refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import { encodeSession, SESSION_COOKIE, sessionCookieOptions } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['firstName', 'lastName', 'phone'] as const;

/** A link that no longer opens anything (unknown, used, withdrawn, expired): its reason, in the page's language. */
const unavailable = (failure: unknown) => {
  if (failure instanceof CmsError && (failure.status === 404 || failure.status === 410 || failure.status === 400)) return wordRefusal(failure.message, failure.codes)._ ?? failure.message;
  throw failure;
};

export const load: PageServerLoad = async ({ params, locals }) => {
  if (!invitationTokenSchema.safeParse(params.token).success) return { invitation: null, problem: m.error_company_invitation_not_found(), signedInAs: null };
  try {
    const invitation = await cms.previewInvitation(params.token);
    const signedInAs = locals.user ? { email: locals.user.email, role: locals.user.role } : null;
    return { invitation, problem: null, signedInAs };
  } catch (failure) {
    return { invitation: null, problem: unavailable(failure), signedInAs: null };
  }
};

export const actions: Actions = {
  /** A new account for the invited address, then signed in: the link proved the address. */
  create: async ({ request, params, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const values = textFields(form, FIELDS);
    const input = { ...values, password: String(form.get('password') ?? ''), locale: getLocale() };
    const parsed = invitationAcceptSchema.safeParse(input);
    if (!parsed.success) return fail(400, { errors: invalidFields(parsed.error, input), values });
    let accepted;
    try {
      accepted = await cms.acceptInvitation(params.token, { account: parsed.data });
    } catch (failure) {
      return refusal(failure, values);
    }
    try {
      const session = await cms.login({ identifier: accepted.email, password: parsed.data.password }, getClientAddress());
      cookies.set(SESSION_COOKIE, encodeSession(session), sessionCookieOptions(url));
    } catch (failure) {
      // The account exists; signing in is one step away.
      if (failure instanceof CmsError && failure.status < 500) redirect(303, localizeHref('/login'));
      throw failure;
    }
    redirect(303, localizeHref('/account/company'));
  },

  /** Signed in as the invited address: the account joins the company as it is. */
  join: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    try {
      await cms.acceptInvitation(event.params.token, { jwt });
    } catch (failure) {
      return refusal(failure, {});
    }
    redirect(303, localizeHref('/account/company'));
  },
};
