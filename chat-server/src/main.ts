/**
 * The chat-server process: settings from the environment (see .env.example), one HTTP server
 * for sockets and the cms' deliveries, Redis Streams between nodes when REDIS_URL is set.
 *   node src/main.ts
 */
import { createServer } from 'node:http';
import { createClient } from 'redis';
import { sharedAdapter } from './adapter.ts';
import { createApplication } from './app.ts';
import { createCmsGateway } from './cms.ts';
import { redisTicketLedger } from './tickets.ts';
import { log } from './log.ts';

const production = process.env.NODE_ENV === 'production';
function setting(name: string, localDefault: string): string {
  const value = process.env[name];
  if (value) return value;
  if (production) {
    process.stderr.write(`ventalis chat-server: missing required setting ${name} in production (see chat-server/.env.example)\n`);
    process.exit(1);
  }
  return localDefault;
}

const secret = setting('CHAT_SECRET', 'local-chat-secret');
const allowedOrigins = setting('ALLOWED_ORIGINS', 'http://localhost:3000,http://localhost:1337')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);
const cmsUrl = process.env.CMS_URL || 'http://127.0.0.1:1337';
const port = Number(process.env.PORT ?? 4000);
const redisUrl = process.env.REDIS_URL ?? '';

const redis = redisUrl ? createClient({ url: redisUrl }) : null;
if (redis) {
  redis.on('error', (error: Error) => log.error(`chat-server: redis: ${error.message}`));
  await redis.connect();
}

const httpServer = createServer();
const adapter = redis
  ? sharedAdapter(redis, {
      streamName: process.env.REDIS_STREAM_NAME || 'ventalis-chat',
      report(event) {
        if (event.kind === 'waiting') log.warn(`chat-server: Redis refused a message for the other nodes (${event.error}): trying again, later messages wait behind it`);
        else if (event.kind === 'resumed') log.warn(`chat-server: Redis takes messages again; ${event.messages} message(s) for the other nodes waited up to ${event.waitedMs} ms`);
        else log.error(`chat-server: a message for the other nodes was given up after a minute of Redis refusing it (${event.error}); their members see it on their next sync`);
      },
    })
  : undefined;
// Several chat-servers share Redis: a ticket spent on one is spent on all.
const tickets = redis ? redisTicketLedger(redis, `${process.env.REDIS_STREAM_NAME || 'ventalis-chat'}:ticket:`) : undefined;
// Ready once Redis (when shared) answers: the proxy sends no sockets to a node cut off from the others.
const readiness = async () => ({ redis: redis ? await redis.ping().then(() => 'ok' as const, () => 'failed' as const) : ('off' as const) });
const app = createApplication(httpServer, { cms: createCmsGateway({ baseUrl: cmsUrl, secret }), tickets }, { allowedOrigins, secret, adapter, readiness, metricsToken: process.env.METRICS_TOKEN || undefined });
httpServer.listen(port, process.env.HOST ?? '0.0.0.0', () => {
  const address = httpServer.address() as { port: number };
  log.info(`chat-server listening on ${address.port}${redis ? ' (Redis Streams adapter)' : ''}`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // The sockets first, then Redis (quit() can hang when Redis went first): both bounded.
  const bounded = (work: Promise<unknown>) => Promise.race([work, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await bounded(app.close());
  if (redis) await bounded(redis.quit().catch(() => undefined));
  process.exit(0);
}
// The adapter's last blocking read ends with "client is closed" once Redis is quit.
process.on('unhandledRejection', (error: unknown) => {
  if (stopping && (error as Error | undefined)?.name === 'ClientClosedError') return;
  throw error;
});
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
