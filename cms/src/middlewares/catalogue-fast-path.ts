import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { catalogueCache } from '../utils/catalogue-cache';
import { catalogueKey, createAudienceLookup } from '../utils/catalogue-audience';

/** The catalogue reads the cache serves: the list and one product. */
const CATALOGUE_READ = /^\/api\/products(?:\/[^/]+)?$/;

/**
 * Catalogue reads answered from the cache before Strapi's pipeline (query and body parsing,
 * sessions, routing, authentication, policies), which costs many times the answer itself.
 * Only an answer that the full pipeline made within the cache's few seconds, for the same
 * address and the same audience (visitors, a role, a role in a company with its prices of
 * the day), is served, and only once the reader is checked as the pipeline checks them
 * (catalogue-audience). Anything else, a miss, or any doubt goes through the full pipeline,
 * which answers, refuses and fills the cache (public-cache) as before.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const audienceOf = createAudienceLookup(strapi);
  return async (ctx: Context, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' || !CATALOGUE_READ.test(ctx.path) || ctx.get('x-preview-secret')) return next();
    const audience = await audienceOf(ctx).catch((error: unknown) => {
      strapi.log.warn(`Catalogue cache: reader not checked, the full pipeline answers: ${String(error)}`);
      return null;
    });
    const hit = audience && catalogueCache.get(catalogueKey(ctx.url, audience));
    if (!hit) return next();
    ctx.type = 'application/json';
    ctx.body = hit;
  };
};
