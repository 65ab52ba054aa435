import { createServer, connect, type Server, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addJob, defineJob, startJobs, stopJobs } from './jobs';

/**
 * A cms that starts as Redis restarts: Redis goes away while the jobs' queue is reading Redis'
 * version, its first contact. Once Redis is back, jobs are queued again at once, not run in the
 * process after waiting for a queue that would stay broken. Redis is the machine's own, behind
 * a proxy that cuts the queue's connection at that moment and refuses connections for 1.5 s.
 */
const REDIS = { host: '127.0.0.1', port: Number(process.env.TEST_REDIS_PORT ?? 6379) };
let proxy: Server;
let proxyPort = 0;
let cut = false;
const sockets = new Set<Socket>();

beforeAll(async () => {
  proxy = createServer((client) => {
    const upstream = connect(REDIS);
    sockets.add(client).add(upstream);
    let producer = false;
    let infos = 0;
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      producer ||= text.includes('ventalis-jobs-producer');
      infos += (text.match(/\$4\r\ninfo\r\n/gi) ?? []).length;
      // ioredis' own ready check is the first INFO; the queue's version check is the second.
      if (producer && infos >= 2 && !cut) {
        cut = true;
        client.destroy();
        upstream.destroy();
        // Connections are refused, as by a Redis that is down, then accepted again.
        proxy.close();
        setTimeout(() => proxy.listen(proxyPort, '127.0.0.1'), 1500);
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyPort = (proxy.address() as { port: number }).port;
});

afterAll(async () => {
  await stopJobs();
  for (const socket of sockets) socket.destroy();
  if (proxy.listening) await new Promise((resolve) => proxy.close(resolve));
});

test('Redis lost during the queue’s first contact: once back, jobs are queued again at once, not run here 30 s late', async () => {
  const warnings: string[] = [];
  const ran: { n: number; at: number }[] = [];
  defineJob<{ n: number }>('probe', async ({ n }) => void ran.push({ n, at: Date.now() }), ({ n }) => `probe ${n}`);
  const log = { info: () => undefined, warn: (message: string) => void warnings.push(message), error: (message: string) => void warnings.push(message) };
  await startJobs({ log, recordFailure: async () => undefined }, { attempts: 1, backoffMs: 100, everyMs: 3_600_000, queueWaitMs: 8000 }, { url: `redis://127.0.0.1:${proxyPort}`, prefix: `jobs-spec-${randomUUID()}` });
  await expect.poll(() => cut, { timeout: 5000 }).toBe(true);
  // Redis is back after 1.5 s; the worker and the producer reconnect.
  await new Promise((resolve) => setTimeout(resolve, 3000));

  const started = Date.now();
  await addJob('probe', { n: 1 }, `probe-${randomUUID()}`);
  await expect.poll(() => ran.length, { timeout: 5000 }).toBe(1);
  // Queued, and run by the worker: the add did not wait for Redis, and nothing ran in the process instead.
  expect(Date.now() - started).toBeLessThan(3000);
  expect(warnings.filter((message) => message.includes('could not be queued'))).toEqual([]);
  expect(warnings.some((message) => message.startsWith('The jobs’ queue is made again'))).toBe(true);
});
