import { describe, expect, it } from 'vitest';
import type { Account, AuthTokens, CmsClient } from './cms.ts';
import { CmsUnavailableError } from './cms.ts';
import { createSessionResolver, decodeSession, encodeSession, jwtClaims, toSessionUser } from './session.ts';

const jwt = (claims: Record<string, unknown>) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
const NOW = 1_700_000_000_000;
const valid = jwt({ userId: '7', exp: NOW / 1000 + 600 });
const expired = jwt({ userId: '7', exp: NOW / 1000 - 10 });
const customer = {
  role: 'customer' as const,
  id: 7,
  email: 'claire.dubois@maison-lavande.example',
  companyName: 'Maison Lavande',
  siret: '',
  vatNumber: '',
  firstName: 'Claire',
  lastName: 'Dubois',
  phone: '',
  billingAddress: null,
  confirmed: true,
  locale: 'fr' as const,
  consultant: null,
  membership: { company: { id: 3, legalName: 'Maison Lavande', siret: '', vatNumber: '' }, role: 'admin' },
  pendingJoin: null,
} satisfies Account;

/** A cms that knows one valid access token and rotates refresh tokens like Strapi does. */
function fakeCms(options: { accepts?: string[]; refreshTo?: AuthTokens | null; refreshDelayMs?: number } = {}) {
  const calls = { account: [] as string[], refresh: [] as string[] };
  const accepts = new Set(options.accepts ?? [valid]);
  const cms: Pick<CmsClient, 'getAccount' | 'refresh'> = {
    async getAccount(token) {
      calls.account.push(token);
      return accepts.has(token) ? customer : null;
    },
    async refresh(token) {
      calls.refresh.push(token);
      await new Promise((resolve) => setTimeout(resolve, options.refreshDelayMs ?? 0));
      const next = options.refreshTo === undefined ? { jwt: valid, refreshToken: 'r2' } : options.refreshTo;
      if (next) accepts.add(next.jwt);
      return next;
    },
  };
  return { cms, calls };
}

describe('the session cookie', () => {
  it('round-trips the tokens and ignores anything else', () => {
    const tokens = { jwt: 'a.b.c', refreshToken: 'r1' };
    expect(decodeSession(encodeSession(tokens))).toEqual(tokens);
    for (const value of [undefined, '', 'garbage', Buffer.from('["only-one"]').toString('base64url'), Buffer.from('{"jwt":1}').toString('base64url')]) {
      expect(decodeSession(value)).toBeNull();
    }
  });

  it('reads JWT claims without trusting malformed tokens', () => {
    expect(jwtClaims(valid)).toMatchObject({ userId: '7' });
    expect(jwtClaims('not-a-jwt')).toEqual({});
  });
});

describe('resolving a session', () => {
  it('turns a valid access token into a minimal user, without refreshing', async () => {
    const { cms, calls } = fakeCms();
    const result = await createSessionResolver(cms, { now: () => NOW })({ jwt: valid, refreshToken: 'r1' });
    expect(result).toEqual({ user: { id: 7, email: customer.email, role: 'customer', name: 'Claire Dubois' }, tokens: { jwt: valid, refreshToken: 'r1' }, refreshed: false });
    expect(calls.refresh).toEqual([]);
  });

  it('refreshes a rejected access token and keeps the session going', async () => {
    const revoked = jwt({ userId: '7', sessionId: 'ended', exp: NOW / 1000 + 600 });
    const { cms, calls } = fakeCms();
    const result = await createSessionResolver(cms, { now: () => NOW })({ jwt: revoked, refreshToken: 'r1' });
    expect(result.refreshed).toBe(true);
    expect(result.tokens).toEqual({ jwt: valid, refreshToken: 'r2' });
    expect(result.user?.name).toBe('Claire Dubois');
    expect(calls.refresh).toEqual(['r1']);
  });

  it('refreshes an expired access token without asking the cms about it first', async () => {
    const { cms, calls } = fakeCms();
    const result = await createSessionResolver(cms, { now: () => NOW })({ jwt: expired, refreshToken: 'r1' });
    expect(result.user).not.toBeNull();
    expect(calls.account).toEqual([valid]);
  });

  it('ends the session when the refresh token is refused too', async () => {
    const { cms } = fakeCms({ refreshTo: null });
    const result = await createSessionResolver(cms, { now: () => NOW })({ jwt: expired, refreshToken: 'r1' });
    expect(result).toEqual({ user: null, tokens: null, refreshed: false });
  });

  it('refreshes once for requests arriving together with the same cookie', async () => {
    const { cms, calls } = fakeCms({ refreshDelayMs: 20 });
    const resolve = createSessionResolver(cms, { now: () => NOW });
    const results = await Promise.all([1, 2, 3].map(() => resolve({ jwt: expired, refreshToken: 'r1' })));
    expect(calls.refresh).toEqual(['r1']);
    expect(results.every((r) => r.tokens?.refreshToken === 'r2')).toBe(true);
  });

  it('keeps the cookie when the cms is unreachable', async () => {
    const cms: Pick<CmsClient, 'getAccount' | 'refresh'> = {
      getAccount: () => Promise.reject(new CmsUnavailableError('down')),
      refresh: () => Promise.reject(new CmsUnavailableError('down')),
    };
    const tokens = { jwt: valid, refreshToken: 'r1' };
    expect(await createSessionResolver(cms, { now: () => NOW })(tokens)).toEqual({ user: null, tokens, refreshed: false });
  });

  it('gives consultants their id from the token the cms accepted', () => {
    const card = { firstName: 'Camille', lastName: 'Laurent', email: 'camille.laurent@ventalis.example', phone: null, employeeNumber: 'AB12C' };
    expect(toSessionUser({ role: 'consultant', consultant: card, locale: 'fr' }, valid)).toEqual({ id: 7, email: card.email, role: 'consultant', name: 'Camille Laurent' });
  });
});
