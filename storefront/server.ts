/**
 * The storefront's process: adapter-node's request handler in a server that stops as the cms
 * does (contracts' http-drain). On SIGTERM it stops taking connections, finishes the requests
 * under way, answers with `Connection: close` and waits for the proxy to close its idle
 * connections, rather than cutting them under a form post that nginx cannot send elsewhere.
 *   node server.ts [build folder, default build]
 * Settings as adapter-node's (HOST, PORT, ORIGIN, ADDRESS_HEADER, …); SHUTDOWN_TIMEOUT is the
 * grace period in seconds (30).
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { drainable } from '@ventalis/contracts/http-drain';

const buildDir = path.resolve(process.argv[2] ?? 'build');
const { handler } = (await import(pathToFileURL(path.join(buildDir, 'handler.js')).href)) as {
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void;
};
const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const graceMs = Number(process.env.SHUTDOWN_TIMEOUT || 30) * 1000;

const server = createServer();
const drain = drainable(server);
server.on('request', (req, res) => {
  handler(req, res, () => {
    res.statusCode = 404;
    res.end();
  });
});
server.listen({ host, port }, () => console.log(`Listening on http://${host}:${(server.address() as { port: number }).port}`));

let stopping = false;
async function stop(reason: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  await drain.drain(graceMs);
  server.closeAllConnections();
  // What adapter-node's own server tells the app once closed.
  process.emit('sveltekit:shutdown' as never, reason as never);
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
