import { Agent, createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainable } from './http-drain.ts';

let server: Server;
let port: number;
const agents: Agent[] = [];

/** A server behind a "proxy": /slow answers after 300 ms, anything else at once. */
async function start() {
  server = createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('slow'), 300);
    else res.end('ok');
  });
  const drain = drainable(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  return drain;
}

/** The proxy's pool: one kept-alive connection. */
function pool() {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
}

const get = (agent: Agent, path = '/') =>
  new Promise<{ status: number; body: string; reused: boolean; connection: string | undefined }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, reused: req.reusedSocket, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });

afterEach(async () => {
  for (const agent of agents.splice(0)) agent.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('draining an HTTP server behind a proxy', () => {
  it('refuses new connections, answers on the idle kept-alive one and the one in flight, each for the last time, then ends once they closed', async () => {
    const drain = await start();
    const idle = pool();
    expect(await get(idle)).toMatchObject({ status: 200, reused: false, connection: 'keep-alive' });
    const inFlight = get(pool(), '/slow');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const startedAt = Date.now();
    const drained = drain.drain(10_000);
    expect(drain.draining()).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    // The proxy sends a request on its idle connection at that instant: answered, and told to close.
    expect(await get(idle)).toEqual({ status: 200, body: 'ok', reused: true, connection: 'close' });
    expect(await inFlight).toMatchObject({ status: 200, body: 'slow', connection: 'close' });
    await drained;
    // Ended by the connections closing, long before the grace period.
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(drain.drain(10_000)).toBe(drained);
  });

  it('ends after the grace period when a connection stays open', async () => {
    const drain = await start();
    const socket = connect(port, '127.0.0.1').on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    const startedAt = Date.now();
    await drain.drain(300);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
    expect(socket.destroyed).toBe(false);
    socket.destroy();
  });
});
