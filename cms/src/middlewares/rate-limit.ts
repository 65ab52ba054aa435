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
    error: { status: 429, name: 'TooManyRequestsError', message: `Too many attempts: try again in ${wait} seconds`, details: { retryAfterSeconds: wait } },
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
  const pairKey = `${options.scope}:${account}|${address}`;
  const accountKey = `${options.scope}:${account}`;
  let countedOnAccount = false;
  if (account) {
    const wait = await limits.consume('authPerAccountAndAddress', pairKey);
    if (wait > 0) return tooMany(ctx, wait);
    if (!(await limits.isKnownAddress(account, address))) {
      countedOnAccount = true;
      const accountWait = await limits.consumeWithGrowingBlock('authPerAccount', accountKey);
      if (accountWait > 0) return tooMany(ctx, accountWait);
    }
  }

  await next();

  if (account && options.signIn && ctx.status >= 200 && ctx.status < 300) {
    await limits.refund('authPerAccountAndAddress', pairKey);
    if (countedOnAccount) await limits.refund('authPerAccount', accountKey);
    await limits.rememberAddress(account, address);
  }
};
