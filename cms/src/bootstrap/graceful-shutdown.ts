import type { Core } from '@strapi/strapi';

let draining = false;
/** Whether this process is shutting down: /readyz says so, and answers close their connection. */
export const isDraining = () => draining;

/**
 * On SIGTERM Strapi destroys its HTTP server, cutting every open connection, requests in the
 * middle of a checkout included. Here the server first stops accepting connections and lets
 * the requests in flight finish (up to `graceMs`), answering them with `Connection: close`;
 * only then are the connections left cut and the rest of the cms stopped.
 */
export function shutDownGracefully(strapi: Core.Strapi, graceMs: number): void {
  draining = false;
  const server = strapi.server.httpServer as Core.Strapi['server']['httpServer'] & { destroy(): Promise<void> };
  let inFlight = 0;
  let settled: (() => void) | undefined;
  server.on('request', (_request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) settled?.();
    });
  });
  const destroy = server.destroy.bind(server);
  server.destroy = async () => {
    draining = true;
    if (server.listening) server.close();
    server.closeIdleConnections();
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        timer.unref();
        settled = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    await destroy();
  };
}
