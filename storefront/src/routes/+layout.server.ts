import { unlocalizedPath } from '#lib/i18n.ts';
import { cms } from '#lib/server/services.ts';
import type { LayoutServerLoad } from './$types';

/**
 * Pages get the minimal user (id, email, role, name), never the tokens, and the unread count
 * for the header, fresh at each navigation. The messages page counts its own, after reading.
 */
export const load: LayoutServerLoad = async ({ locals, url }) => {
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
