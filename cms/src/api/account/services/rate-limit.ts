import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { Redis } from 'ioredis';

type Limit = { points: number; durationSeconds: number };
export type LimitName = 'authPerAddress' | 'authPerAccountAndAddress' | 'authPerAccount' | 'inquiryPerAddress';
/** Counters of the service itself: how often an account was blocked, and the addresses it signed in from. */
type StoreName = LimitName | 'authAccountBlocks' | 'authKnownAddresses';

export interface RateLimitSettings {
  limits: Record<LimitName, Limit>;
  /** The longest an account is closed to unknown addresses, however often it was attacked. */
  maxBlockSeconds: number;
  /** How long an address that signed in to an account stays known to it (at most 24). */
  knownAddressDays: number;
}

const DAY = 24 * 3600;
const UNLIMITED = 1_000_000_000;
/** The in-memory store expires keys with setTimeout, which cannot wait longer than about 24.8 days. */
const LONGEST_SECONDS = 24 * DAY;

/**
 * Counters for rate limits: in memory by default, shared in Redis when REDIS_URL is
 * set so that every cms replica counts the same attempts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = strapi.config.get('ventalis.rateLimits') as RateLimitSettings;
  const redisUrl = strapi.config.get('ventalis.redisUrl') as string;
  let redis: Redis | undefined;
  const limiters = new Map<StoreName, RateLimiterAbstract>();
  const knownSeconds = Math.min(settings.knownAddressDays * DAY, LONGEST_SECONDS);

  const limitOf = (name: StoreName): Limit => {
    if (name === 'authAccountBlocks') return { points: UNLIMITED, durationSeconds: DAY };
    if (name === 'authKnownAddresses') return { points: UNLIMITED, durationSeconds: knownSeconds };
    return settings.limits[name];
  };

  const limiter = (name: StoreName) => {
    let found = limiters.get(name);
    if (!found) {
      const { points, durationSeconds } = limitOf(name);
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

  const secondsOf = (rejection: RateLimiterRes) => Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));

  return {
    /** Counts one attempt; returns the seconds to wait when the limit is reached, else 0. */
    async consume(name: LimitName, key: string): Promise<number> {
      try {
        await limiter(name).consume(key);
        return 0;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return secondsOf(rejection);
        throw rejection;
      }
    },

    /**
     * Like consume, but each time the limit is reached again within a day the key stays
     * closed twice as long (one window, two, four… up to maxBlockSeconds): guessing an
     * account's password from many addresses gets slower and slower.
     */
    async consumeWithGrowingBlock(name: LimitName, key: string): Promise<number> {
      const counter = limiter(name);
      try {
        await counter.consume(key);
        return 0;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        // Only the first refusal of a window sets the block; later ones just report it.
        if (rejection.consumedPoints !== settings.limits[name].points + 1) return secondsOf(rejection);
        const blocks = await limiter('authAccountBlocks').penalty(`${name}:${key}`);
        const seconds = Math.min(settings.limits[name].durationSeconds * 2 ** Math.min(blocks.consumedPoints - 1, 20), settings.maxBlockSeconds);
        await counter.block(key, seconds);
        return seconds;
      }
    },

    /** Gives an attempt back (a sign-in that succeeded was no guess). */
    async refund(name: LimitName, key: string): Promise<void> {
      await limiter(name).reward(key);
    },

    async reset(name: LimitName, key: string) {
      await limiter(name).delete(key);
    },

    /** Whether this address signed in to the account recently. */
    async isKnownAddress(account: string, address: string): Promise<boolean> {
      return (await limiter('authKnownAddresses').get(`${account}|${address}`)) !== null;
    },

    async rememberAddress(account: string, address: string): Promise<void> {
      await limiter('authKnownAddresses').set(`${account}|${address}`, 1, knownSeconds);
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
