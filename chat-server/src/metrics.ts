import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/**
 * A chat-server's metrics, in Prometheus' format at GET /metrics (with METRICS_TOKEN): sockets
 * connected to this node, messages delivered (sent on a socket, or handed over by the cms),
 * acknowledgements by outcome, and the process' own figures.
 */
export function createMetrics(countSockets: () => number) {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'chat-server' });
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'chat_sockets_connected',
    help: 'Sockets connected to this chat-server',
    registers: [registry],
    collect() {
      this.set(countSockets());
    },
  });
  const deliveries = new Counter({
    name: 'chat_deliveries_total',
    help: 'Messages delivered to their recipients’ rooms, by where they came from (socket: sent here; cms: stored through the REST API)',
    labelNames: ['via'] as const,
    registers: [registry],
  });
  const acks = new Counter({
    name: 'chat_acks_total',
    help: 'Acknowledged events answered, by event and outcome (ok, refused)',
    labelNames: ['event', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, deliveries, acks };
}
export type ChatMetrics = ReturnType<typeof createMetrics>;
