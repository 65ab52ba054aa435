/**
 * What operations read of a storefront: a request id carried from the proxy (or made here) to
 * every cms call of the request, request durations by route, cms calls by outcome, and the
 * process' own figures, in Prometheus' format at GET /metrics (with METRICS_TOKEN).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { HTTP_DURATION_METRIC } from '@ventalis/contracts/operations';
export { REQUEST_ID_HEADER, requestIdOf } from '@ventalis/contracts/operations';

const context = new AsyncLocalStorage<{ requestId: string }>();

/** Runs a request's work with its id, for the cms calls made on its behalf. */
export const withRequestId = <T>(requestId: string, work: () => T): T => context.run({ requestId }, work);

/** The id of the request being served, if any. */
export const currentRequestId = (): string | undefined => context.getStore()?.requestId;

export const registry = new Registry();
registry.setDefaultLabels({ service: 'storefront' });
collectDefaultMetrics({ register: registry });

export const httpDuration = new Histogram({ ...HTTP_DURATION_METRIC, registers: [registry] });

export const cmsCalls = new Counter({
  name: 'storefront_cms_calls_total',
  help: 'Calls to the cms, by outcome: answered (2xx, 3xx), refused (4xx), failed (5xx or unreachable)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});
