import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CmsRefusal, createCmsGateway } from '../src/cms.ts';

/** A stand-in for the cms' internal routes on a real port: each test says how it answers. */
let answer: (path: string, res: ServerResponse) => void = (_path, res) => res.end('{"data":[]}');
const received: { path: string; headers: IncomingHttpHeaders; body: unknown }[] = [];
const cms = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(body) });
    answer(req.url ?? '', res);
  });
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}/`;
});
afterAll(() => {
  cms.closeAllConnections();
  cms.close();
});

const session = { member: { kind: 'user' as const, id: 1 }, generation: 'g1' };
const refusalOf = (work: Promise<unknown>) => work.then(() => null, (error: unknown) => (error instanceof CmsRefusal ? { code: error.code, message: error.message } : error));

test('each call to the cms carries the shared secret and a request id of its own, for the cms’ logs', async () => {
  received.length = 0;
  answer = (_path, res) => res.end('{"data":[]}');
  const gateway = createCmsGateway({ baseUrl, secret: 'chat-secret' });
  expect(await gateway.conversations(session)).toEqual([]);
  expect(await gateway.conversations(session)).toEqual([]);
  expect(received.map((r) => r.path)).toEqual(['/api/chat/internal/conversations', '/api/chat/internal/conversations']);
  expect(received.map((r) => r.headers.authorization)).toEqual(['Bearer chat-secret', 'Bearer chat-secret']);
  expect(received[0]!.body).toEqual(session);
  const ids = received.map((r) => r.headers['x-request-id']);
  for (const id of ids) expect(id).toMatch(/^chat-[0-9a-f-]{36}$/);
  expect(new Set(ids).size).toBe(2);
});

test('the cms’ refusals reach the socket as chat codes with the cms’ message; anything else is “unavailable”', async () => {
  const gateway = createCmsGateway({ baseUrl, secret: 'chat-secret' });
  const replies: Record<string, [number, string]> = {
    '/api/chat/internal/send': [403, JSON.stringify({ error: { message: 'You are not in this conversation' } })],
    '/api/chat/internal/history': [404, JSON.stringify({ error: { message: 'No such conversation' } })],
    '/api/chat/internal/read': [401, ''],
    '/api/chat/internal/memberships': [502, '<html>Bad gateway</html>'],
  };
  answer = (path, res) => {
    const [status, body] = replies[path]!;
    res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/html' }).end(body);
  };
  expect(await refusalOf(gateway.send(session, 7, 'Bonjour'))).toEqual({ code: 'forbidden', message: 'You are not in this conversation' });
  expect(await refusalOf(gateway.history(session, 7, {}))).toEqual({ code: 'not_found', message: 'No such conversation' });
  expect(await refusalOf(gateway.read(session, 7, 12))).toEqual({ code: 'session_ended', message: 'Your session has ended: sign in again.' });
  expect(await refusalOf(gateway.memberships(session))).toEqual({ code: 'unavailable', message: 'Messages are unavailable for a moment: try again.' });
});

test('a cms that does not answer in time, or not at all, makes the call “unavailable” instead of leaving the socket waiting', async () => {
  answer = () => undefined; // never answers
  const slow = createCmsGateway({ baseUrl, secret: 'chat-secret', timeoutMs: 300 });
  const started = performance.now();
  expect(await refusalOf(slow.send(session, 7, 'Bonjour'))).toEqual({ code: 'unavailable', message: 'Messages are unavailable for a moment: try again.' });
  expect(performance.now() - started).toBeLessThan(3_000);

  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const nowhere = createCmsGateway({ baseUrl: `http://127.0.0.1:${port}`, secret: 'chat-secret' });
  expect(await refusalOf(nowhere.conversations(session))).toEqual({ code: 'unavailable', message: 'Messages are unavailable for a moment: try again.' });
});
