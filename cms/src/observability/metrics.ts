import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { HTTP_DURATION_METRIC } from '@ventalis/contracts/operations';

/**
 * The cms' metrics, in Prometheus' format at GET /metrics (with METRICS_TOKEN): how long
 * requests take by route, what the business did (orders placed, payments, invoices issued),
 * how background work stands (its backlog, the minute jobs that failed), and the process'
 * own figures (memory, event-loop lag, garbage collection). One registry per process.
 */
export const registry = new Registry();
registry.setDefaultLabels({ service: 'cms' });
collectDefaultMetrics({ register: registry });

export const httpDuration = new Histogram({ ...HTTP_DURATION_METRIC, registers: [registry] });

export const checkouts = new Counter({
  name: 'ventalis_checkouts_total',
  help: 'Orders placed, by payment method and by what they were placed from (cart, quote)',
  labelNames: ['payment_method', 'source'] as const,
  registers: [registry],
});

export const payments = new Counter({
  name: 'ventalis_payments_total',
  help: 'Payment outcomes recorded on orders: paid, failed, refunded',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const invoicesIssued = new Counter({
  name: 'ventalis_invoices_issued_total',
  help: 'Invoices issued (numbered and frozen)',
  registers: [registry],
});

export const jobRuns = new Counter({
  name: 'ventalis_job_runs_total',
  help: 'Runs of the background jobs, by job and outcome (ok, failed)',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

/** Work waiting in this process, read when scraped: `backlogs` names each queue and how to count it. */
const backlogs = new Map<string, () => number | Promise<number>>();
export function measureBacklog(queue: string, count: () => number | Promise<number>): void {
  backlogs.set(queue, count);
}
new Gauge({
  name: 'ventalis_queue_depth',
  help: 'Background work waiting in this process, by queue',
  labelNames: ['queue'] as const,
  registers: [registry],
  async collect() {
    for (const [queue, count] of backlogs) {
      // A queue that cannot be counted now (Redis away) keeps its last figure.
      const depth = await Promise.resolve(count()).catch(() => undefined);
      if (depth !== undefined) this.set({ queue }, depth);
    }
  },
});
