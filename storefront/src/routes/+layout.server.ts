import { redirect } from '@sveltejs/kit';
import { localeOfPath, localizeHref, unlocalizedPath } from '#lib/i18n.ts';
import { cms } from '#lib/server/services.ts';
import type { LayoutServerLoad } from './$types';

/**
 * Pages get the minimal user (id, email, role, name), never the tokens, and the unread count
 * for the header, fresh at each navigation. The messages page counts its own, after reading.
 */
export const load: LayoutServerLoad = async ({ locals, url, route }) => {
  // Every page has its language in its address. The server already sends browsers there; this
  // also catches a navigation the browser makes itself (a redirect after a form, a link
  // written without the prefix), in the person's language. A 404 stays where it was asked.
  if (route.id && !localeOfPath(url.pathname)) redirect(307, localizeHref(`${url.pathname}${url.search}`));
  let unread: number | undefined = 0;
  if (unlocalizedPath(url.pathname).startsWith('/messages')) unread = undefined;
  else if (locals.user && locals.tokens) {
    try {
      unread = await cms.unreadMessages(locals.tokens.jwt);
    } catch {
      // The badge is a nicety: a cms hiccup must not break the page.
    }
  }
  return { user: locals.user, preview: locals.preview, unread };
};
