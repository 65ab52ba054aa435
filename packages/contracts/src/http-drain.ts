/**
 * Stopping an HTTP server behind a proxy without a 502. Node only (node:net).
 *
 * `http.Server#close()` stops listening and also cuts every idle keep-alive connection at once.
 * A proxy may be sending a request on one at that very instant, and it cannot send a POST
 * again to another replica: its client gets a 502. So the server only stops listening,
 * the requests in flight finish, and every answer asks to close its connection
 * (`Connection: close`). The proxy closes the idle ones itself, after its next answer or after
 * its keep-alive timeout (4 s in deploy/nginx, below Node's 5 s). The drain waits for the last
 * connection to close, up to the grace period.
 */
import { Server, type Socket } from 'node:net';
import type { Server as HttpServer, ServerResponse } from 'node:http';

export interface Drain {
  /** Whether the server is draining (readiness says "no"). */
  draining(): boolean;
  /** Stops listening, then resolves once every connection closed, or after `graceMs`. The same promise each call. */
  drain(graceMs: number): Promise<void>;
}

/**
 * Follows the server's connections and answers from now on (call it before the server listens);
 * once draining, every answer not yet begun is its connection's last.
 */
export function drainable(server: HttpServer): Drain {
  const connections = new Set<Socket>();
  const answering = new Set<ServerResponse>();
  let draining = false;
  let settled: (() => void) | undefined;
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => {
      connections.delete(socket);
      if (connections.size === 0) settled?.();
    });
  });
  // Node then sends `Connection: close` and closes the connection after the answer.
  const last = (res: ServerResponse) => {
    if (!res.headersSent) res.shouldKeepAlive = false;
  };
  // Before the server's own listener, which may answer at once.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (draining) return last(res);
    answering.add(res);
    res.once('close', () => answering.delete(res));
  });
  let drained: Promise<void> | undefined;
  return {
    draining: () => draining,
    drain: (graceMs) =>
      (drained ??= (async () => {
        draining = true;
        for (const res of answering) last(res);
        // net.Server's close: stops listening only.
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
      })()),
  };
}
