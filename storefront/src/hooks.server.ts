import { sequence, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { CMS_PUBLIC_URL, CMS_URL, PREVIEW_SECRET } from '$app/env/private';
import { localeOfPath } from '#lib/locale-prefix.ts';
import { m } from '#lib/paraglide/messages.js';
import { cookieMaxAge, cookieName } from '#lib/paraglide/runtime.js';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { CmsUnavailableError } from '#lib/server/cms.ts';
import { refuseUnreadableForms } from '#lib/server/form-body.ts';
import { log } from '#lib/server/log.ts';
import { httpDuration, REQUEST_ID_HEADER, requestIdOf, withRequestId } from '#lib/server/observability.ts';
import { withHtmlLang } from '#lib/server/html-lang.ts';
import { allowFramingBy, isDraftMode, PREVIEW_COOKIE } from '#lib/server/preview.ts';
import { resolveSession } from '#lib/server/services.ts';
import { decodeSession, encodeSession, SESSION_COOKIE, sessionCookieOptions } from '#lib/server/session.ts';
import { missingInProduction } from './env.ts';

/** A production server refuses to start, in one line, without the settings it cannot do without. */
export const init: ServerInit = () => {
  const missing = building ? [] : missingInProduction(process.env);
  if (missing.length === 0) return;
  process.stderr.write(`ventalis storefront: missing required setting ${missing.join(', ')} in production (see storefront/.env.example)\n`);
  process.exit(1);
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

/** '/de/…', '/en-US/…': a language this shop does not speak (no page of the shop has a two-letter name). */
const FOREIGN_PREFIX = /^\/[a-z]{2}(?:[-_][a-z]{2,4})?(?:\/|$)/i;

/**
 * The language of the request (see paraglide.config.ts): the /fr or /en prefix, else the
 * person's last choice, else Accept-Language, else French. A browser asking for a page without
 * a prefix is sent (307) to the prefixed one; inside the request, getLocale() and the messages
 * answer in that language, and <html lang> says it.
 */
const language: Handle = ({ event, resolve }) => {
  // An address under a language this shop does not speak is not redirected into a French or
  // English one: no route has it, so it answers 404 in the person's language.
  const foreign = FOREIGN_PREFIX.test(event.url.pathname) && !localeOfPath(event.url.pathname);
  const request = foreign ? withoutDestination(event.request) : event.request;
  return paraglideMiddleware(request, ({ locale }) => {
    // Reading a page under /fr or /en is choosing that language: links without a prefix
    // (in emails, bookmarks, the address bar) land there next time.
    const chosen = localeOfPath(event.url.pathname);
    if (chosen && event.cookies.get(cookieName) !== chosen) {
      // Only the server reads it (the browser takes the language from the address).
      event.cookies.set(cookieName, chosen, { path: '/', maxAge: cookieMaxAge, sameSite: 'lax', httpOnly: true, secure: event.url.protocol === 'https:' });
    }
    return resolve(event).then((response) => withHtmlLang(response, locale));
  });
};

/** The request as the language middleware should see it when it must not redirect: no Sec-Fetch-Dest. */
function withoutDestination(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete('sec-fetch-dest');
  return new Request(request.url, { method: request.method, headers });
}

/** The session cookie → event.locals.user; refreshed tokens are written back, ended sessions removed. */
const session: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  event.locals.tokens = null;
  event.locals.preview = isDraftMode(event.cookies.get(PREVIEW_COOKIE), PREVIEW_SECRET);
  // A form cut off on its way is a 400 for every action, not a 500 in each.
  if (event.request.method !== 'GET' && event.request.method !== 'HEAD') refuseUnreadableForms(event.request);

  // Media go straight through the proxy: nobody's account is needed to show a picture.
  if (!event.url.pathname.startsWith('/uploads/')) {
    const stored = event.cookies.get(SESSION_COOKIE);
    if (stored !== undefined) {
      const session = await resolveSession(decodeSession(stored));
      event.locals.user = session.user;
      event.locals.tokens = session.tokens;
      if (!session.tokens) event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(event.url));
      else if (session.refreshed) event.cookies.set(SESSION_COOKIE, encodeSession(session.tokens), sessionCookieOptions(event.url));
    }
  }

  const response = await resolve(event);
  if (event.locals.preview) {
    const panel = CMS_PUBLIC_URL || new URL(CMS_URL).origin;
    const csp = allowFramingBy(response.headers.get('content-security-policy'), panel);
    if (csp) response.headers.set('content-security-policy', csp);
    response.headers.set('cache-control', 'private, no-store');
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    // In draft mode the panel frames the page: its CSP frame-ancestors says by whom.
    if (event.locals.preview && name === 'x-frame-options') continue;
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
};

/**
 * First: the request's id (the proxy's when it sent a well-formed one) goes with every cms call
 * made for it and back in the answer; the answer is timed by its route.
 */
const observe: Handle = async ({ event, resolve }) => {
  const requestId = requestIdOf(event.request.headers.get(REQUEST_ID_HEADER));
  const stop = httpDuration.startTimer({ method: event.request.method });
  let status = 500;
  try {
    const response = await withRequestId(requestId, () => resolve(event));
    status = response.status;
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } finally {
    stop({ route: event.route.id ?? 'unmatched', status: String(status) });
  }
};

export const handle = sequence(observe, language, session);

export const handleError: HandleServerError = ({ kind, error }) => {
  if (kind !== 'unknown') return;
  if (error instanceof CmsUnavailableError) {
    log.error(`${error.message}: ${String(error.cause)}`);
    return { status: 503, message: m.error_cms_unavailable() };
  }
  log.error({ err: error }, 'Unexpected error while serving a request');
};
