/**
 * Draft mode, for the panel's Preview button: the cms links to /api/preview with the shared
 * preview secret; the storefront then keeps a cookie that proves it (a keyed digest, never
 * the secret itself) and asks the cms for the drafts of its content pages.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const PREVIEW_COOKIE = 'ventalis_preview';
const PURPOSE = 'ventalis draft mode';

export const previewCookieOptions = (url: URL) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' });

/** What the draft-mode cookie holds for this secret; empty when previews are off. */
export function draftModeToken(secret: string): string {
  return secret ? createHmac('sha256', secret).update(PURPOSE).digest('base64url') : '';
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function isDraftMode(cookie: string | undefined, secret: string): boolean {
  return Boolean(secret && cookie && same(cookie, draftModeToken(secret)));
}

export function isPreviewSecret(given: string | null, secret: string): boolean {
  return Boolean(secret && given && same(given, secret));
}

/**
 * In draft mode the page shows inside the panel's preview frame: the cms' origin may frame
 * it, and nothing of it may be cached.
 */
export function allowFramingBy(csp: string | null, origin: string): string | null {
  if (!csp) return csp;
  return csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${origin}`);
}
