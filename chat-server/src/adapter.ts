/**
 * Delivery between chat-servers: Socket.IO's Redis Streams adapter, with one change. A message
 * this node could not add to the stream is tried again until Redis takes it (for up to a
 * minute), instead of being dropped; from the first refusal on, the messages sent after it
 * queue behind it. Redis refuses writes while it restarts (the connection
 * reset, then "LOADING" while it reads its log back): the adapter alone would deliver such a
 * message to this node's sockets only, and the other nodes' would never see it.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { RedisClientType } from 'redis';

export interface SharedAdapterOptions {
  streamName: string;
  /** How long a message is tried again before it is given up (logged). */
  retryForMs?: number;
  /** Told when messages start waiting for Redis, and when they went through or were given up. */
  report?: (event: { kind: 'waiting'; error: string } | { kind: 'resumed'; waitedMs: number; messages: number } | { kind: 'dropped'; error: string }) => void;
}

/** What the adapter hands to Redis: a broadcast, a room change, a heartbeat. */
type ClusterMessage = Parameters<ReturnType<ReturnType<typeof createAdapter>>['doPublish']>[0];
type Publish = (message: ClusterMessage) => Promise<unknown>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function sharedAdapter(redis: RedisClientType<any, any, any, any, any>, options: SharedAdapterOptions) {
  const make = createAdapter(redis, { streamName: options.streamName });
  const retryForMs = options.retryForMs ?? 60_000;
  const report = options.report ?? (() => undefined);

  // A function, not an arrow: Socket.IO calls it with `new`.
  return function adapterOf(nsp: unknown) {
    const adapter = make(nsp);
    const publish: Publish = adapter.doPublish.bind(adapter);
    /** The last message waiting for Redis: the next ones queue behind it (one sent while the first refusal was on its way may have gone ahead). */
    let backlog: Promise<unknown> | undefined;
    let waiting = 0;
    let waitingSince = 0;
    let held = 0;

    async function tryAgain(message: ClusterMessage, error: unknown): Promise<unknown> {
      for (let attempt = 0; Date.now() - waitingSince < retryForMs; attempt++) {
        await sleep(Math.min(100 * 2 ** attempt, 1_000));
        try {
          return await publish(message);
        } catch (next) {
          error = next;
        }
      }
      report({ kind: 'dropped', error: reason(error) });
      throw error;
    }

    function enqueue(work: () => Promise<unknown>): Promise<unknown> {
      waiting += 1;
      held += 1;
      const done = (backlog ?? Promise.resolve()).then(work).finally(() => {
        waiting -= 1;
        if (waiting > 0) return;
        backlog = undefined;
        report({ kind: 'resumed', waitedMs: Date.now() - waitingSince, messages: held });
      });
      backlog = done.catch(() => undefined);
      return done;
    }

    adapter.doPublish = (message: ClusterMessage) => {
      if (backlog) return enqueue(() => publish(message).catch((error: unknown) => tryAgain(message, error)));
      return publish(message).catch((error: unknown) => {
        if (!backlog) {
          waitingSince = Date.now();
          held = 0;
          report({ kind: 'waiting', error: reason(error) });
        }
        return enqueue(() => tryAgain(message, error));
      });
    };
    return adapter;
  };
}
