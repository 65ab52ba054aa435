/**
 * The session cookie holds the cms tokens (access JWT + refresh token), never readable by
 * scripts. Each request turns it into a minimal user by asking the cms who it belongs to;
 * an expired or rejected access token is refreshed once, transparently.
 */
import type { Account, AuthTokens, CmsClient } from './cms.ts';
import { CmsError, CmsUnavailableError } from './cms.ts';

export const SESSION_COOKIE = 'ventalis_session';
/** As long as the cms keeps a refresh token (REFRESH_TOKEN_LIFESPAN_SECONDS, 30 days). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** What pages may know about the person: never a token. */
export interface SessionUser {
  id: number;
  email: string;
  role: 'customer' | 'consultant';
  name: string;
}

export function sessionCookieOptions(url: URL) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: url.protocol === 'https:',
    maxAge: SESSION_MAX_AGE_SECONDS,
  };
}

export function encodeSession(tokens: AuthTokens): string {
  return Buffer.from(JSON.stringify([tokens.jwt, tokens.refreshToken])).toString('base64url');
}

export function decodeSession(value: string | undefined): AuthTokens | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((t) => typeof t === 'string' && t.length > 0)) {
      return { jwt: parsed[0], refreshToken: parsed[1] };
    }
  } catch {
    // A cookie we did not write: treated as no session.
  }
  return null;
}

/**
 * The claims of a JWT, read without checking its signature: only to skip a round trip when
 * it has obviously expired, and for ids of a token the cms has just accepted.
 */
export function jwtClaims(jwt: string): { exp?: number; userId?: string | number; id?: string | number } {
  try {
    const payload = jwt.split('.')[1];
    const claims: unknown = payload ? JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) : null;
    return claims && typeof claims === 'object' ? (claims as ReturnType<typeof jwtClaims>) : {};
  } catch {
    return {};
  }
}

export function toSessionUser(account: Account, jwt: string): SessionUser | null {
  if (account.role === 'customer') {
    return { id: account.id, email: account.email, role: 'customer', name: `${account.firstName} ${account.lastName}`.trim() };
  }
  const card = account.consultant;
  const claims = jwtClaims(jwt);
  const id = Number(claims.userId ?? claims.id);
  if (!card || !Number.isSafeInteger(id)) return null;
  return { id, email: card.email, role: 'consultant', name: `${card.firstName} ${card.lastName}`.trim() };
}

export interface ResolvedSession {
  user: SessionUser | null;
  /** The tokens to keep: null when the session is over (the cookie must go). */
  tokens: AuthTokens | null;
  /** True when the tokens were refreshed (the cookie must be rewritten). */
  refreshed: boolean;
}

export interface SessionResolverOptions {
  now?: () => number;
  /** How long a refresh answer is reused for the same old refresh token. */
  refreshReuseMs?: number;
}

/**
 * A refresh token works once (the cms rotates it). Requests arriving together with the
 * same cookie (a page and its data, two tabs) share one refresh instead of racing, and
 * a request that arrives shortly after with the old cookie gets the same new tokens.
 */
export function createSessionResolver(cms: Pick<CmsClient, 'getAccount' | 'refresh'>, options: SessionResolverOptions = {}) {
  const now = options.now ?? Date.now;
  const reuseMs = options.refreshReuseMs ?? 30_000;
  const refreshes = new Map<string, { at: number; result: Promise<AuthTokens | null> }>();

  function refreshOnce(refreshToken: string): Promise<AuthTokens | null> {
    const at = now();
    for (const [key, entry] of refreshes) if (at - entry.at > reuseMs) refreshes.delete(key);
    const existing = refreshes.get(refreshToken);
    if (existing) return existing.result;
    const result = cms.refresh(refreshToken);
    refreshes.set(refreshToken, { at, result });
    result.catch(() => refreshes.delete(refreshToken));
    return result;
  }

  return async function resolveSession(tokens: AuthTokens | null): Promise<ResolvedSession> {
    if (!tokens) return { user: null, tokens: null, refreshed: false };
    try {
      const { exp } = jwtClaims(tokens.jwt);
      const expired = typeof exp === 'number' && exp * 1000 <= now() + 5_000;
      if (!expired) {
        const account = await cms.getAccount(tokens.jwt);
        if (account) return { user: toSessionUser(account, tokens.jwt), tokens, refreshed: false };
      }
      const renewed = await refreshOnce(tokens.refreshToken);
      if (!renewed) return { user: null, tokens: null, refreshed: false };
      const account = await cms.getAccount(renewed.jwt);
      if (!account) return { user: null, tokens: null, refreshed: false };
      return { user: toSessionUser(account, renewed.jwt), tokens: renewed, refreshed: true };
    } catch (error) {
      // The cms being down is not a sign-out: keep the cookie, show the page signed out.
      if (error instanceof CmsUnavailableError || (error instanceof CmsError && error.status >= 500)) return { user: null, tokens, refreshed: false };
      throw error;
    }
  };
}
