import type { Core } from '@strapi/strapi';
import { drainable, type Drain } from '@ventalis/contracts/http-drain';

let current: Drain | undefined;
/** Whether this process is shutting down: /readyz says so, and answers close their connection. */
export const isDraining = () => current?.draining() ?? false;

/**
 * On SIGTERM Strapi destroys its plugins, then the cms' own services (src/index.ts destroy:
 * jobs, background work), then its HTTP server, cutting every open connection, requests in
 * the middle of a checkout included. Here the server is drained first (contracts' http-drain:
 * it stops accepting connections, lets the requests in flight finish, answered with
 * `Connection: close`, and waits for the proxy to close its idle connections, up to
 * `graceMs`); only then is the rest of the cms stopped, so that what those last requests
 * start (their emails, their jobs) is still waited for and queued.
 */
export function shutDownGracefully(strapi: Core.Strapi, graceMs: number): void {
  const server = strapi.server.httpServer;
  const tracked = drainable(server);
  current = tracked;
  const drain = () => tracked.drain(graceMs);
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
