import { Server, type Socket } from 'node:net';
import type { Core } from '@strapi/strapi';

let draining = false;
/** Whether this process is shutting down: /readyz says so, and answers close their connection. */
export const isDraining = () => draining;

/**
 * On SIGTERM Strapi destroys its plugins, then the cms' own services (src/index.ts destroy:
 * jobs, background work), then its HTTP server, cutting every open connection, requests in
 * the middle of a checkout included. Here the server first stops accepting connections and
 * lets the requests in flight finish (up to `graceMs`), answering them with
 * `Connection: close`; only then is the rest of the cms stopped, so that what those last
 * requests start (their emails, their jobs) is still waited for and queued.
 *
 * The proxy's idle keep-alive connections are not cut either: a proxy may be sending a request
 * on one at the very instant the cms closes it, and it cannot send a POST again elsewhere (it
 * answers the client 502). The proxy closes each of them itself, after its next answer
 * (`Connection: close`) or once it stayed idle for the proxy's keep-alive timeout (4 s in
 * deploy/nginx, below Node's 5 s); the drain waits for that, up to `graceMs`.
 */
export function shutDownGracefully(strapi: Core.Strapi, graceMs: number): void {
  draining = false;
  const server = strapi.server.httpServer;
  const connections = new Set<Socket>();
  let settled: (() => void) | undefined;
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => {
      connections.delete(socket);
      if (connections.size === 0) settled?.();
    });
  });
  let drained: Promise<void> | undefined;
  const drain = () =>
    (drained ??= (async () => {
      draining = true;
      // Stops listening only: http.Server's own close() also cuts the idle connections.
      if (server.listening) Server.prototype.close.call(server);
      if (connections.size === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        timer.unref();
        settled = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    })());
  // Strapi stops its server last: it is drained first, whichever is called.
  const destroyStrapi = strapi.destroy.bind(strapi);
  strapi.destroy = async () => {
    await drain();
    await destroyStrapi();
  };
  const httpServer = server as typeof server & { destroy(): Promise<void> };
  const destroyServer = httpServer.destroy.bind(httpServer);
  httpServer.destroy = async () => {
    await drain();
    await destroyServer();
  };
}
