import type { Context } from 'koa';
import { getService } from '../utils/services';
import type { LimitName } from '../api/account/services/rate-limit';

interface Options {
  /** What is being attempted (login, registration…): each keeps its own counts per account. */
  scope: string;
  /** Counted per client address, across every route sharing the limit. */
  perAddress?: LimitName;
  /**
   * Counted per account (the email or login identifier in the body): tightly per account
   * and address, loosely per account from any address not known to it, which then waits
   * longer each time. A stranger can slow down guesses on an account, not close it to
   * the addresses its owner signs in from.
   */
  perAccount?: boolean;
  /** A sign-in: one that succeeds gives its attempt back and makes the address known to the account. */
  signIn?: boolean;
}

const accountOf = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return undefined;
  const { email, identifier } = body as { email?: unknown; identifier?: unknown };
  const value = typeof email === 'string' ? email : typeof identifier === 'string' ? identifier : undefined;
  return value?.trim().toLowerCase() || undefined;
};

const tooMany = (ctx: Context, wait: number) => {
  ctx.set('Retry-After', String(wait));
  ctx.status = 429;
  ctx.body = {
    data: null,
    error: { status: 429, name: 'TooManyRequestsError', message: `Too many attempts: try again in ${wait} seconds`, details: { retryAfterSeconds: wait, code: 'request.too_many_attempts', params: { retryAfterSeconds: wait } } },
  };
};

/** Refuses with 429 and Retry-After once an address or an account has tried too often. */
export default (options: Options) => async (ctx: Context, next: () => Promise<void>) => {
  const limits = getService('account.rate-limit');
  // The client's address as global::client-address decided it (never a header anyone can set).
  const address = ctx.request.ip;
  if (options.perAddress) {
    const wait = await limits.consume(options.perAddress, address);
    if (wait > 0) return tooMany(ctx, wait);
  }

  const account = options.perAccount ? accountOf(ctx.request.body) : undefined;
  if (!account) return next();
  const accountKey = `${options.scope}:${account}`;
  const pairKey = `${accountKey}|${address}`;
  const pairWait = await limits.consume('authPerAccountAndAddress', pairKey);
  if (pairWait > 0) return tooMany(ctx, pairWait);
  const knownAddress = await limits.isKnownAddress(account, address);
  if (!knownAddress) {
    const accountWait = await limits.consumeWithGrowingBlock('authPerAccount', accountKey);
    if (accountWait > 0) return tooMany(ctx, accountWait);
  }

  await next();

  if (options.signIn && ctx.status >= 200 && ctx.status < 300) {
    await limits.refund('authPerAccountAndAddress', pairKey);
    if (!knownAddress) await limits.refund('authPerAccount', accountKey);
    await limits.rememberAddress(account, address);
  }
};
