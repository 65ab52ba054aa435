import type { Context } from 'koa';
import { getService } from '../utils/services';

/**
 * On catalogue reads: the prices of the signed-in person's company today, kept in
 * `ctx.state.companyPricing` for the controller and the cache key. Left unset for visitors and
 * for anyone who pays list prices, whose answers are the shared public ones.
 */
export default () => async (ctx: Context, next: () => Promise<void>) => {
  const user = ctx.state.user as { id: number } | undefined;
  if (user) ctx.state.companyPricing = (await getService('company.prices').pricingForMember(user.id, { cached: true })) ?? undefined;
  return next();
};
