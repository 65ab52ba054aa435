/**
 * What the three services agree on for operations: the request id that travels from the proxy
 * through the storefront to the cms, and the token that opens /metrics. Node only (node:crypto).
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id a caller may hand on: short, plain characters only (it ends up in logs). */
const REQUEST_ID = /^[\w.:-]{8,128}$/;

/** The caller's request id when well formed, else a new one. */
export const requestIdOf = (given: string | null | undefined): string => (given && REQUEST_ID.test(given) ? given : randomUUID());

/** Whether an Authorization header carries this bearer token; never with no token set (the address then does not exist). */
export function bearerMatches(authorization: string | null | undefined, token: string | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from((authorization ?? '').replace(/^Bearer /, ''));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Every service times its answers the same way, so one dashboard reads them all. */
export const HTTP_DURATION_METRIC = {
  name: 'http_request_duration_seconds',
  help: 'Time to answer a request, by method, route (its pattern, not its address) and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
};
