/**
 * Where to send someone back after signing in: only a path on this site, so that a
 * crafted ?redirectTo= cannot bounce a fresh session to another origin.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const base = 'http://same-site.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // Signing in again right after signing in or out would be a loop.
  if (url.pathname === '/login' || url.pathname === '/logout') return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login URL that brings the person back to where they were. */
export function loginHref(current: { pathname: string; search: string }): string {
  const back = safeRedirectPath(`${current.pathname}${current.search}`, '');
  return back && back !== '/' ? `/login?redirectTo=${encodeURIComponent(back)}` : '/login';
}
