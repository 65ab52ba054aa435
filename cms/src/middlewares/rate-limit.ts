import type { Context } from 'koa';
import { getService } from '../utils/services';
import type { LimitName } from '../api/account/services/rate-limit';

interface Options {
  /** What is being attempted (login, registration…): each keeps its own counts per account. */
  scope: string;
  /** Counted per client address, across every route sharing the limit. */
  perAddress?: LimitName;
  /** Counted per account: the email (or login identifier) in the body. */
  perAccount?: LimitName;
}

const accountOf = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return undefined;
  const { email, identifier } = body as { email?: unknown; identifier?: unknown };
  const value = typeof email === 'string' ? email : typeof identifier === 'string' ? identifier : undefined;
  return value?.trim().toLowerCase() || undefined;
};

/** Refuses with 429 and Retry-After once an address or an account has tried too often. */
export default (options: Options) => async (ctx: Context, next: () => Promise<void>) => {
  const limits = getService('account.rate-limit');
  const checks: [LimitName, string][] = [];
  if (options.perAddress) checks.push([options.perAddress, ctx.request.ip]);
  const account = options.perAccount && accountOf(ctx.request.body);
  if (options.perAccount && account) checks.push([options.perAccount, `${options.scope}:${account}`]);

  for (const [name, key] of checks) {
    const wait = await limits.consume(name, key);
    if (wait > 0) {
      ctx.set('Retry-After', String(wait));
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: { status: 429, name: 'TooManyRequestsError', message: `Too many attempts: try again in ${wait} seconds`, details: { retryAfterSeconds: wait } },
      };
      return;
    }
  }
  await next();
};
