// Every Prometheus metric the server reports, defined once: several servers may run in one
// process (tests), so each metric is registered in the default registry the first time only.
import { Counter, Gauge, Histogram, collectDefaultMetrics, register } from 'prom-client';
import type { Registry } from 'prom-client';

function once<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

function gauge(name: string, help: string): Gauge {
  return once(name, () => new Gauge({ name, help }));
}

function counter<L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> {
  return once(name, () => new Counter({ name, help, labelNames }));
}

function histogram<L extends string>(
  name: string,
  help: string,
  buckets: number[],
  labelNames: L[] = [],
): Histogram<L> {
  return once(name, () => new Histogram({ name, help, buckets, labelNames }));
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
    socketConnections: gauge('parley_socketio_connections', 'Open Socket.IO connections'),
    storeSeconds: histogram(
      'parley_store_query_seconds',
      'Latency of store operations',
      [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      ['op', 'ok'],
    ),
    errors: counter(
      'parley_errors_total',
      'Server errors by source (http, socketio, store, collab)',
      ['source'],
    ),
  };
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

/** Several instances through Redis (only with REDIS_URL). */
export const clusterMetrics = {
  published: counter(
    'parley_cluster_updates_published_total',
    'Stored document updates this instance published on the rooms’ Redis streams',
  ),
  applied: counter(
    'parley_cluster_updates_applied_total',
    'Document updates other instances stored, applied here from the Redis streams',
  ),
  catchUps: counter(
    'parley_cluster_catchups_total',
    'Times a loaded room read what it missed from the store (gap, Redis back, poll, load)',
  ),
  dropped: counter(
    'parley_cluster_frames_dropped_total',
    'Malformed messages from Redis, dropped unread',
  ),
};
