import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * Caches kept in each cms process (public answers, permissions, catalogue readers), dropped at
 * once when what they hold changes. With several cms processes (REDIS_URL set), the process
 * that made the change tells the others over Redis, so that each drops its copy as quickly as
 * the one that made it: a change reaches readers within the same bounds on any replica.
 */
export type CacheKind = 'catalogue' | 'permissions' | 'readers';
/** This process, so that it does not act twice on its own news. */
const SELF = randomUUID();

const handlers = new Map<CacheKind, () => void>();
let publisher: Redis | undefined;
let subscriber: Redis | undefined;
let channel = 'ventalis:caches:invalidate';

/** What dropping a kind of cache means on this process. */
export function onInvalidate(kind: CacheKind, drop: () => void): void {
  handlers.set(kind, drop);
}

/** Drops a kind of cache here, and tells the other processes to drop theirs. */
export function invalidate(kind: CacheKind): void {
  handlers.get(kind)?.();
  publisher?.publish(channel, JSON.stringify({ kind, from: SELF })).catch(() => undefined);
}

/**
 * Listens to the other processes' news. An unreachable Redis is retried in the background:
 * meanwhile each cache still expires on its own within seconds.
 */
export async function joinCluster(redisUrl: string, prefix: string, log: { warn(message: string): void }): Promise<void> {
  // One channel per deployment sharing the Redis server.
  channel = `${prefix}:caches:invalidate`;
  publisher = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  publisher.on('error', () => undefined);
  // The listener waits for Redis as long as it takes, and subscribes again after each reconnection.
  subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  subscriber.on('error', () => undefined);
  subscriber.on('message', (_channel: string, raw: string) => {
    try {
      const { kind, from } = JSON.parse(raw) as { kind: CacheKind; from: string };
      if (from !== SELF) handlers.get(kind)?.();
    } catch {
      // Not ours: nothing to drop.
    }
  });
  // Not awaited past a moment: a cms starts without Redis, its caches expiring on their own meanwhile.
  const subscribed = subscriber.subscribe(channel);
  subscribed.catch(() => undefined);
  const waited = await Promise.race([subscribed.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000).unref())]).catch(() => false);
  if (!waited) log.warn('Cache invalidation across cms processes is waiting for Redis');
}

export function leaveCluster(): void {
  const clients = [publisher, subscriber];
  publisher = undefined;
  subscriber = undefined;
  for (const client of clients) client?.disconnect();
}
