import { Counter, Gauge, Histogram, register } from 'prom-client';

// Several servers can run in one process (tests); metrics live once in the default registry.
function gauge(name: string, help: string): Gauge {
  return (register.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help });
}

function counter<L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> {
  return (
    (register.getSingleMetric(name) as Counter<L> | undefined) ??
    new Counter({ name, help, labelNames })
  );
}

function histogram(name: string, help: string, buckets: number[]): Histogram {
  return (
    (register.getSingleMetric(name) as Histogram | undefined) ??
    new Histogram({ name, help, buckets })
  );
}

export type CollabErrorKind =
  | 'auth'
  | 'load'
  | 'append'
  | 'compact'
  | 'malformed'
  | 'too-big'
  | 'rate-limit'
  | 'awareness-spoof'
  | 'write-refused'
  | 'read-only-write'
  | 'socket';

export const collabMetrics = {
  roomsLoaded: gauge('parley_collab_rooms_loaded', 'Rooms whose document is loaded in memory'),
  connections: gauge('parley_collab_connections', 'Open /collab websocket connections'),
  updatesStored: counter(
    'parley_collab_updates_stored_total',
    'Document updates appended to the store',
  ),
  appendSeconds: histogram(
    'parley_collab_store_append_seconds',
    'Latency of appending one document update to the store',
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  ),
  errors: counter('parley_collab_errors_total', 'Collab errors and refusals by kind', ['kind']),
};

export function countError(kind: CollabErrorKind): void {
  collabMetrics.errors.inc({ kind });
}
