import { createServer, type Server as HttpServer } from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@ventalis/contracts';
import { startApp, type TestApp } from '../../../cms/tests/support/strapi.ts';
import { seedCatalogue } from '../../../cms/tests/support/catalogue.ts';
import { bearer, createConsultant, login, registerCustomer } from '../../../cms/tests/support/fixtures.ts';
import { createApplication, type ApplicationOptions, type ChatApplication } from '../../src/app.ts';
import { createCmsGateway } from '../../src/cms.ts';

export const SECRET = 'chat-suite-secret';
export const ORIGIN = 'http://storefront.test';
export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Person {
  id: number;
  jwt: string;
}

/** The real cms, listening, with two consultants (X, Y) and their clients A (X's) and B (Y's). */
export async function startCms(env: Record<string, string> = {}) {
  const app = await startApp({ CHAT_SECRET: SECRET, ...env });
  await seedCatalogue(app.strapi);
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as { port: number }).port}`;
  const x = await createConsultant(app, { firstName: 'Xavier', lastName: 'Roux' });
  const y = await createConsultant(app, { firstName: 'Yasmine', lastName: 'Blanc' });
  const a = await registerCustomer(app, { email: `a.${process.pid}@chat.test`, companyName: 'Alpha Packaging' });
  const b = await registerCustomer(app, { email: `b.${process.pid}@chat.test`, companyName: 'Beta Cleaning' });
  const people = {
    a: { id: a.id, jwt: (await login(app, a.email, a.password)).jwt },
    b: { id: b.id, jwt: (await login(app, b.email, b.password)).jwt },
    x: { id: x.userId, jwt: (await login(app, x.email, x.password)).jwt },
    y: { id: y.userId, jwt: (await login(app, y.email, y.password)).jwt },
  };
  return { app, url, people };
}

/** A chat-server on a port of its own (0: any free one), against that cms. */
export async function startChat(cmsUrl: string, port = 0, options: Pick<ApplicationOptions, 'floodLimit' | 'seenEveryMs' | 'metricsToken' | 'readiness'> = {}): Promise<{ app: ChatApplication; http: HttpServer; url: string; port: number }> {
  const http = createServer();
  const app = createApplication(http, { cms: createCmsGateway({ baseUrl: cmsUrl, secret: SECRET }) }, { allowedOrigins: [ORIGIN], secret: SECRET, ...options });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const actual = (http.address() as { port: number }).port;
  return { app, http, url: `http://127.0.0.1:${actual}`, port: actual };
}

export async function ticketFor(app: TestApp, person: Person): Promise<string> {
  const res = await app.api().post('/api/chat/ticket').set(bearer(person.jwt));
  if (res.status !== 200) throw new Error(`no ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.ticket as string;
}

/** A connected socket (or the connection error's message). */
export function open(url: string, ticket: unknown, origin = ORIGIN): Promise<ChatClient> {
  const socket: ChatClient = connect(url, { auth: { ticket }, transports: ['websocket'], extraHeaders: { origin }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function emitWithAck<T>(socket: ChatClient, event: 'message:send' | 'conversation:read' | 'conversation:sync', payload: unknown): Promise<Ack<T>> {
  return (socket.timeout(10_000) as unknown as { emitWithAck: (event: string, payload: unknown) => Promise<Ack<T>> }).emitWithAck(event, payload);
}

/** The next event of this name (within a time limit). */
export function next<E extends keyof ServerToClientEvents>(socket: ChatClient, event: E, waitingFor = '', timeoutMs = 5_000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}${waitingFor ? ` (${waitingFor})` : ''} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, ((value: Parameters<ServerToClientEvents[E]>[0]) => {
      clearTimeout(timer);
      resolve(value);
    }) as never);
  });
}

/** Everything of this event that arrives within a time, to check what did (not) arrive. */
export function collect<E extends keyof ServerToClientEvents>(socket: ChatClient, event: E): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((value: Parameters<ServerToClientEvents[E]>[0]) => seen.push(value)) as never);
  return seen;
}

export const messageCount = (app: TestApp) => app.strapi.db.query('api::conversation.message').count({});
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
