// The shape every server feature has: what it adds to a room's life, to Socket.IO and to REST.
// A feature's index.ts builds one from the dependencies it names, and app.ts lists them.
import type { FastifyInstance } from 'fastify';
import type { SocketHandlers } from './realtime';
import type { RoomHook } from './rooms';

export interface Feature {
  readonly name: string;
  /** Room lifecycle hooks, in the order they run within this feature. */
  readonly hooks?: readonly RoomHook[];
  /** The Socket.IO events this feature answers. */
  readonly socket?: SocketHandlers;
  /** Registers the feature's REST routes. */
  routes?(app: FastifyInstance): void;
  /** The server is stopping: cancel timers, stop treating disconnects as departures. */
  close?(): void;
}
