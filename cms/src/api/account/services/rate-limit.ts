import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { Redis } from 'ioredis';

type Limit = { points: number; durationSeconds: number };
export type LimitName = 'authPerAddress' | 'authPerAccount' | 'inquiryPerAddress';

/**
 * Counters for rate limits: in memory by default, shared in Redis when REDIS_URL is
 * set so that every cms replica counts the same attempts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const limits = strapi.config.get('ventalis.rateLimits') as Record<LimitName, Limit>;
  const redisUrl = strapi.config.get('ventalis.redisUrl') as string;
  let redis: Redis | undefined;
  const limiters = new Map<LimitName, RateLimiterAbstract>();

  const limiter = (name: LimitName) => {
    let found = limiters.get(name);
    if (!found) {
      const { points, durationSeconds } = limits[name];
      const options = { keyPrefix: `ventalis:rl:${name}`, points, duration: durationSeconds };
      if (redisUrl) {
        redis ??= new Redis(redisUrl, { maxRetriesPerRequest: 1 });
        // Should Redis be unreachable, each replica keeps counting on its own rather than failing logins.
        found = new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
      } else {
        found = new RateLimiterMemory(options);
      }
      limiters.set(name, found);
    }
    return found;
  };

  return {
    /** Counts one attempt; returns the seconds to wait when the limit is reached, else 0. */
    async consume(name: LimitName, key: string): Promise<number> {
      try {
        await limiter(name).consume(key);
        return 0;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },

    async reset(name: LimitName, key: string) {
      await limiter(name).delete(key);
    },

    async close() {
      limiters.clear();
      if (redis) {
        const closing = redis;
        redis = undefined;
        await Promise.race([closing.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
        closing.disconnect();
      }
    },
  };
};
