import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';
import { bearerMatches, REQUEST_ID_HEADER, requestIdOf } from '@ventalis/contracts/operations';
import { httpDuration, registry } from '../observability/metrics';
import { isDraining } from '../bootstrap/graceful-shutdown';

export interface ObservabilitySettings {
  /** Bearer token that opens GET /metrics; empty: /metrics answers 404 (it is never public). */
  metricsToken: string;
}

/**
 * First of the cms' middlewares:
 * - every request carries a request id (the caller's when it sent a well-formed one, else a
 *   new one), in `ctx.state.requestId`, in the answer's `x-request-id` and in the logs;
 * - every answer is timed into `http_request_duration_seconds` by its route's pattern;
 * - GET /healthz: the process answers; GET /readyz: the database (and Redis when REDIS_URL is
 *   set) answer too, else 503 naming what does not;
 * - GET /metrics: Prometheus' text, only with `Authorization: Bearer <METRICS_TOKEN>`.
 */
export default (config: ObservabilitySettings, { strapi }: { strapi: Core.Strapi }) => {
  let redis: Redis | undefined;
  const redisUrl = strapi.config.get('ventalis.redisUrl') as string;

  const check = async (probe: () => Promise<unknown>): Promise<'ok' | 'failed'> => {
    try {
      await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
      return 'ok';
    } catch {
      return 'failed';
    }
  };

  const readiness = async () => {
    if (isDraining()) return { ready: false, checks: { shutting_down: 'yes' } };
    const database = await check(() => strapi.db.connection.raw('select 1'));
    let cache: 'ok' | 'failed' | 'off' = 'off';
    if (redisUrl) {
      if (!redis) {
        redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 1000, lazyConnect: true });
        // An unreachable Redis is what /readyz reports, not an error to log at each retry.
        redis.on('error', () => undefined);
      }
      cache = await check(() => redis!.ping());
    }
    return { ready: database === 'ok' && cache !== 'failed', checks: { database, redis: cache } };
  };

  strapi.server.httpServer?.once('close', () => redis?.disconnect());

  return async (ctx: Context, next: Next) => {
    const requestId = requestIdOf(ctx.get(REQUEST_ID_HEADER));
    ctx.state.requestId = requestId;
    ctx.set(REQUEST_ID_HEADER, requestId);

    if (ctx.method === 'GET' && ctx.path === '/healthz') {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { status: 'ok' };
      return;
    }
    if (ctx.method === 'GET' && ctx.path === '/readyz') {
      const { ready, checks } = await readiness();
      ctx.set('Cache-Control', 'no-store');
      ctx.status = ready ? 200 : 503;
      ctx.body = { status: ready ? 'ready' : 'not_ready', checks };
      return;
    }
    if (ctx.method === 'GET' && ctx.path === '/metrics') {
      // Without the token the address does not exist, as for anyone else's data.
      if (!bearerMatches(ctx.get('authorization'), config.metricsToken)) {
        ctx.status = 404;
        ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: { code: 'request.not_found' } } };
        return;
      }
      ctx.set('Content-Type', registry.contentType);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await registry.metrics();
      return;
    }

    const stop = httpDuration.startTimer({ method: ctx.method });
    try {
      await next();
    } finally {
      // The route's pattern (/api/orders/:reference), never the address itself: a bounded set of series.
      const matched = (ctx as Context & { _matchedRoute?: string })._matchedRoute;
      const route = typeof matched === 'string' ? matched : ctx.path.startsWith('/admin') ? '/admin' : ctx.path.startsWith('/uploads/') ? '/uploads' : 'unmatched';
      stop({ route, status: String(ctx.status) });
    }
  };
};
