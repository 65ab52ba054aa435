import { localizeHref, unlocalizedPath } from './i18n.ts';

/** Any origin will do: paths are resolved against it, and whatever leaves it is refused. */
const SAME_SITE = 'http://same-site.invalid';

/**
 * Where to send someone back after signing in: only a path on this site, so that a
 * crafted ?redirectTo= cannot bounce a fresh session to another origin.
 * The path is normalised the way a browser would (dot segments, encoded dots) before it is
 * checked: `/..//evil.example` becomes `//evil.example`, another site, and is refused.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  // Only absolute paths: a relative one would depend on the page it is read from.
  if (!value || !value.startsWith('/')) return fallback;
  // Browsers drop tabs and newlines from URLs and read "\" as "/": either is a disguise.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, SAME_SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SAME_SITE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "//host" (what "/..//host" normalises to) is another site for a browser.
  if (path.startsWith('//') || new URL(path, SAME_SITE).origin !== SAME_SITE) return fallback;
  // Signing in again right after signing in or out would be a loop, in either language.
  const page = unlocalizedPath(url.pathname);
  if (page === '/login' || page === '/logout') return fallback;
  return path;
}

/** The login URL, in the page's language, that brings the person back to where they were. */
export function loginHref(current: { pathname: string; search: string }): string {
  const back = safeRedirectPath(`${current.pathname}${current.search}`, '');
  const login = localizeHref('/login');
  return back && unlocalizedPath(back.split(/[?#]/)[0]) !== '/' ? `${login}?redirectTo=${encodeURIComponent(back)}` : login;
}
