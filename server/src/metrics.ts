import { Counter, Gauge, Histogram, collectDefaultMetrics, register } from 'prom-client';
import type { Registry } from 'prom-client';

// Several servers may run in one process (tests): metrics are registered once, in the default
// registry that the collab endpoint also reports into, and shared.
function once<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

let defaultsCollected = false;

export interface ServerMetrics {
  registry: Registry;
  socketConnections: Gauge;
  storeSeconds: Histogram<'op' | 'ok'>;
  errors: Counter<'source'>;
}

export function serverMetrics(): ServerMetrics {
  if (!defaultsCollected) {
    defaultsCollected = true;
    collectDefaultMetrics({ register });
  }
  return {
    registry: register,
    socketConnections: once(
      'parley_socketio_connections',
      () => new Gauge({ name: 'parley_socketio_connections', help: 'Open Socket.IO connections' }),
    ),
    storeSeconds: once(
      'parley_store_query_seconds',
      () =>
        new Histogram({
          name: 'parley_store_query_seconds',
          help: 'Latency of store operations',
          labelNames: ['op', 'ok'],
          buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
        }),
    ),
    errors: once(
      'parley_errors_total',
      () =>
        new Counter({
          name: 'parley_errors_total',
          help: 'Server errors by source (http, socketio, store, collab)',
          labelNames: ['source'],
        }),
    ),
  };
}
