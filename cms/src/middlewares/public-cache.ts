import type { Context } from 'koa';
import { catalogueCache } from '../utils/catalogue-cache';
import type { CompanyPricing } from '../api/company/services/prices';

/**
 * Serves public catalogue and page reads from memory. It runs after authentication
 * and authorization, so every caller is still checked; only the identical public
 * answer is reused. Entries live a few seconds and are dropped at once when the
 * catalogue or a page changes on this process.
 *
 * A member of a company with negotiated prices (`ctx.state.companyPricing`, set by the
 * company-prices middleware before this one) never gets the shared entry: their company's
 * answers are kept under a key of its own and that day's, dropped when an agreement changes.
 */
export default () => async (ctx: Context, next: () => Promise<void>) => {
  if (ctx.method !== 'GET' || ctx.get('x-preview-secret')) return next();
  const pricing = ctx.state.companyPricing as CompanyPricing | undefined;
  const key = pricing ? `${ctx.url}#company=${pricing.companyId}&day=${pricing.day}` : ctx.url;
  const hit = catalogueCache.get(key);
  if (hit) {
    ctx.type = 'application/json';
    ctx.body = hit;
    return;
  }
  await next();
  if (ctx.status === 200 && ctx.body && typeof ctx.body === 'object') {
    const body = JSON.stringify(ctx.body);
    catalogueCache.set(key, body);
    ctx.type = 'application/json';
    ctx.body = body;
  }
};
