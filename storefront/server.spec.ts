import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

/**
 * server.ts, the storefront's process, around a stand-in for adapter-node's handler: on SIGTERM
 * it stops taking connections but still answers on the proxy's idle kept-alive connection
 * (the last answer on it), then exits once that connection closed.
 */
const build = mkdtempSync(path.join(tmpdir(), 'storefront-server-'));
writeFileSync(path.join(build, 'handler.js'), `export const handler = (req, res) => res.end('page ' + req.url);\n`);
afterAll(() => rmSync(build, { recursive: true, force: true }));

it('drains on SIGTERM: the idle kept-alive connection is answered, for the last time, new ones are refused, then it exits 0', async () => {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'server.ts'), build], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve) => child.stdout!.on('data', (chunk: Buffer) => {
    const found = /Listening on http:\/\/[^:]+:(\d+)/.exec(chunk.toString());
    if (found) resolve(Number(found[1]));
  }));
  const proxy = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (url: string) =>
    new Promise<{ status: number; body: string; reused: boolean; connection: string | undefined }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: url, agent: proxy }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, reused: req.reusedSocket, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.end();
    });

  expect(await get('/fr')).toEqual({ status: 200, body: 'page /fr', reused: false, connection: 'keep-alive' });
  child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await expect(fetch(`http://127.0.0.1:${port}/fr`)).rejects.toThrow();
  expect(await get('/fr/catalogue')).toEqual({ status: 200, body: 'page /fr/catalogue', reused: true, connection: 'close' });
  expect(await exited).toBe(0);
  proxy.destroy();
});
