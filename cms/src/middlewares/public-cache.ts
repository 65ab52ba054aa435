import type { Context } from 'koa';
import { catalogueCache } from '../utils/catalogue-cache';
import { audienceOfRequest, catalogueKey } from '../utils/catalogue-audience';

/**
 * Serves public catalogue and page reads from memory. It runs after authentication
 * and authorization, so every caller is still checked; only the identical public
 * answer is reused. Entries live a few seconds and are dropped at once when the
 * catalogue or a page changes on this process.
 *
 * Answers are kept per audience (catalogue-audience): visitors, each role, and the people of
 * a company with negotiated prices (`ctx.state.companyPricing`, set by the company-prices
 * middleware before this one) under a key of its own and that day's, dropped when an
 * agreement changes. catalogue-fast-path serves them again before the pipeline.
 */
export default () => async (ctx: Context, next: () => Promise<void>) => {
  if (ctx.method !== 'GET' || ctx.get('x-preview-secret')) return next();
  const key = catalogueKey(ctx.url, audienceOfRequest(ctx));
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
