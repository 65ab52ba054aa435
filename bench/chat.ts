/**
 * 1,000 connected sockets (500 clients × 2 tabs), 200 messages a second sent from one tab and
 * timed until the client's other tab receives them: through the chat-server with the cms
 * storing every message on PostgreSQL, and in the same run through a bare Socket.IO relay
 * that stores nothing. Prints median and p99 send-to-delivery, the ratio, and the
 * chat-server's memory after the run. Why p99 swung between runs (25 to 850 ms), as found:
 * - the first seconds are slower (the cms opens its database connections and compiles its
 *   code as it first runs), so the first WARMUP seconds are sent but not timed;
 * - the cms' minute jobs once held PostgreSQL for seconds (the unread-message summaries' query);
 * - the chat-server's calls to the cms went through fetch, whose objects outlived each call:
 *   its old generation grew by 5 MB a second and was collected every half minute;
 * - what is left: a major collection of the cms' own heap (~200 MB, Strapi) now and then
 *   during the run. V8 marks it on a second thread, and on 2 cores that thread takes the core
 *   PostgreSQL and the chat-server were using: that second's p99 reaches 100–180 ms.
 * Each timed second's p99, each process' worst event-loop delay and major collections while
 * sending, and what PostgreSQL's checkpointer wrote in each second (its /proc io) are
 * printed, so a run says where its tail came from.
 *   ./nodew node bench/chat.ts [seconds]     (needs the cms compiled and PostgreSQL)
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { mintTicket } from '@ventalis/contracts/chat-ticket';
import { startProcess, startServer, stopServer } from './support/measure.mts';

const seconds = Number(process.argv[2] ?? 10);
const clients = Number(process.env.BENCH_CLIENTS ?? 500);
const rate = Number(process.env.BENCH_RATE ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const SECRET = 'bench-chat-secret';
const ORIGIN = 'http://bench.test';
const root = path.resolve(import.meta.dirname, '..');
// The cms and the chat-server publish their event-loop delay: read before and after the sending.
process.env.METRICS_TOKEN = 'bench-metrics';

/**
 * A service's worst event-loop delay (ms) since the last read (prom-client resets it when read)
 * and how many major garbage collections it has run so far: one read of its /metrics.
 */
async function readings(url: string): Promise<{ worstDelayMs: number; majorCollections: number }> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` } })).text();
  return {
    worstDelayMs: Math.round(Number(text.match(/^nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? (\S+)/m)?.[1] ?? NaN) * 1000),
    majorCollections: Number(text.match(/^nodejs_gc_duration_seconds_count\{[^}]*kind="major"[^}]*\} (\S+)/m)?.[1] ?? 0),
  };
}

/** The PostgreSQL checkpointer's process, whose writes each second the bench reads beside its p99 (null where it cannot be found). */
async function checkpointerPid(): Promise<number | null> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'`);
    return rows[0]?.pid ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Bytes a process has written to storage so far (Linux /proc), or NaN where it cannot be read (another user's process). */
function bytesWritten(pid: number): number {
  try {
    return Number(/^write_bytes: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

interface Result {
  name: string;
  sent: number;
  delivered: number;
  errors: number;
  p50: number;
  p99: number;
  /** p99 of the messages sent in each timed second. */
  perSecond: number[];
  /** MB the PostgreSQL checkpointer wrote in each timed second, when watched. */
  checkpointMb: number[] | null;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function startChatServer(cmsUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const env = { PORT: '0', HOST: '127.0.0.1', CMS_URL: cmsUrl, CHAT_SECRET: SECRET, ALLOWED_ORIGINS: ORIGIN, REDIS_URL: '', NODE_ENV: 'production' };
  const { child, match } = await startProcess([path.join(root, 'chat-server', 'src', 'main.ts')], env, /listening on (\d+)/);
  return { child, port: Number(match[1]) };
}

/** Opens two tabs per client, sends `rate` messages a second from tab one, times tab two. */
async function run(name: string, url: string, auth: (i: number) => Record<string, unknown>, conversationOf: (i: number) => number, watch: Record<string, string> = {}, checkpointer: number | null = null): Promise<Result> {
  const tabs: [Socket, Socket][] = [];
  for (let i = 0; i < clients; i += 1) {
    const open = () =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect(url, { auth: auth(i), transports: ['websocket'], extraHeaders: { origin: ORIGIN }, reconnection: false, forceNew: true });
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    tabs.push([await open(), await open()]);
  }
  // Let the server finish setting up the last connections (their conversations, presence).
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const majorBefore = new Map<string, number>();
  for (const [service, url] of Object.entries(watch)) majorBefore.set(service, (await readings(url)).majorCollections);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const bySecond: number[][] = Array.from({ length: seconds }, () => []);
  let errors = 0;
  const codes = new Map<string, number>();
  for (const [, second] of tabs) {
    second.on('message:new', (message: { body: string }) => {
      const at = sentAt.get(message.body);
      if (at !== undefined) {
        const latency = performance.now() - at;
        latencies.push(latency);
        bySecond[Math.floor(Number(message.body.split(' ')[1]) / rate) - WARMUP]?.push(latency);
        sentAt.delete(message.body);
      }
    });
  }
  let sent = 0;
  const warmup = rate * WARMUP;
  const total = warmup + rate * seconds;
  // The checkpointer's writes, read once a second from the start of the sending.
  const written: number[] = [];
  const sampler = checkpointer === null ? null : setInterval(() => written.push(bytesWritten(checkpointer)), 1000);
  if (checkpointer !== null) written.push(bytesWritten(checkpointer));
  await new Promise<void>((resolve) => {
    const started = performance.now();
    const timer = setInterval(() => {
      // Keep to the schedule even when a tick comes late.
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      for (; sent < due; sent += 1) {
        const i = sent % clients;
        const body = `bench ${sent}`;
        const timed = sent >= warmup;
        if (timed) sentAt.set(body, performance.now());
        tabs[i]![0].emit('message:send', { conversationId: conversationOf(i), body }, (answer: { error?: unknown }) => {
          if (answer.error && timed) {
            errors += 1;
            const code = (answer.error as { code: string }).code;
            codes.set(code, (codes.get(code) ?? 0) + 1);
          }
        });
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  if (sampler) clearInterval(sampler);
  const deadline = performance.now() + 10_000;
  while (latencies.length + errors < total - warmup && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const [service, address] of Object.entries(watch)) {
    const { worstDelayMs, majorCollections } = await readings(address);
    console.log(`${service} while sending: worst event-loop delay ${worstDelayMs} ms, ${majorCollections - majorBefore.get(service)!} major garbage collection(s)`);
  }
  for (const pair of tabs) for (const socket of pair) socket.close();
  if (codes.size > 0) console.log(`${name}: refused ${JSON.stringify(Object.fromEntries(codes))}`);
  const sorted = latencies.sort((a, b) => a - b);
  const perSecond = bySecond.map((values) => percentile(values.sort((a, b) => a - b), 99));
  const checkpointMb = checkpointer === null ? null : Array.from({ length: seconds }, (_, i) => ((written[WARMUP + i + 1] ?? NaN) - (written[WARMUP + i] ?? NaN)) / 1e6);
  return { name, sent: sent - warmup, delivered: latencies.length, errors, p50: percentile(sorted, 50), p99: percentile(sorted, 99), perSecond, checkpointMb };
}

console.log(`Setting up: the cms on PostgreSQL with ${clients} clients…`);
const cms = await startServer<{ port: number; chat: { customerId: number; conversationId: number; gen: string }[] }>(path.join(import.meta.dirname, 'support', 'serve-cms.mts'), {
  DATABASE_CLIENT: 'postgres',
  BENCH_CUSTOMERS: String(clients),
  BENCH_CHAT: '1',
  CHAT_SECRET: SECRET,
});
const chat = await startChatServer(`http://127.0.0.1:${cms.info.port}`);
const exp = Math.floor(Date.now() / 1000) + 3600;
const services = { cms: `http://127.0.0.1:${cms.info.port}`, 'chat-server': `http://127.0.0.1:${chat.port}` };
const persisted = await run(
  'chat-server, each message stored by the cms (PostgreSQL)',
  `http://127.0.0.1:${chat.port}`,
  (i) => ({ ticket: mintTicket({ kind: 'user', id: cms.info.chat[i]!.customerId, exp, gen: cms.info.chat[i]!.gen }, SECRET) }),
  (i) => cms.info.chat[i]!.conversationId,
  services,
  await checkpointerPid(),
);
const rssKb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(chat.child.pid)]).toString().trim());
chat.child.kill('SIGTERM');
await stopServer(cms.child);

const bare = await startServer<{ port: number }>(path.join(import.meta.dirname, 'support', 'bare-relay.mts'));
const baseline = await run('bare Socket.IO relay, nothing stored', `http://127.0.0.1:${bare.info.port}`, (i) => ({ room: `client-${i}` }), (i) => i + 1);
await stopServer(bare.child);

console.log(`\n${clients * 2} sockets, ${rate} messages/s for ${seconds} s after ${WARMUP} s not timed, send → delivery to the client's other tab`);
console.log('\n| measured | sent | delivered | errors | median ms | p99 ms | p99 vs bare |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of [persisted, baseline]) {
  console.log(`| ${r.name} | ${r.sent} | ${r.delivered} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ×${(r.p99 / baseline.p99).toFixed(1)} |`);
}
for (const r of [persisted, baseline]) console.log(`p99 of each second, ${r.name}: ${r.perSecond.map((ms) => ms.toFixed(0)).join(' ')} ms`);
if (persisted.checkpointMb) console.log(`PostgreSQL's checkpointer wrote, in each of those seconds: ${persisted.checkpointMb.map((mb) => (Number.isNaN(mb) ? '?' : mb.toFixed(1))).join(' ')} MB`);
console.log(`\nchat-server memory after the run: ${(rssKb / 1024).toFixed(0)} MB resident (target p99 ≤ 50 ms with persistence)`);
