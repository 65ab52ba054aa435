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
 */
export function shutDownGracefully(strapi: Core.Strapi, graceMs: number): void {
  draining = false;
  const server = strapi.server.httpServer;
  let inFlight = 0;
  let settled: (() => void) | undefined;
  server.on('request', (_request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) settled?.();
    });
  });
  let drained: Promise<void> | undefined;
  const drain = () =>
    (drained ??= (async () => {
      draining = true;
      if (server.listening) server.close();
      server.closeIdleConnections();
      if (inFlight === 0) return;
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
