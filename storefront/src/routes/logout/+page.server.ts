import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/i18n.ts';
import { cms } from '#lib/server/services.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';
import { log } from '#lib/server/log.ts';

/** Signing out is a POST (a link or a prefetch must not end a session); GET shows a button. */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.user) redirect(303, localizeHref('/'));
  return {};
};

export const actions: Actions = {
  default: async ({ locals, cookies, url }) => {
    if (locals.tokens) {
      // The cms ends the session there too; if it cannot, the cookie still goes.
      await cms.logout(locals.tokens).catch((error: unknown) => log.warn(`cms logout failed: ${String(error)}`));
    }
    cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
    redirect(303, localizeHref('/'));
  },
};
