// The typed Socket.IO server, created before any service so that services get a broadcaster
// at construction; it shares the HTTP server with /collab and leaves those upgrades alone.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import type { ServerOptions, Socket } from 'socket.io';
import { MAX_SOCKET_PAYLOAD_BYTES } from '@parley/shared/protocol';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '@parley/shared/protocol';
import type { OriginPolicy } from '../auth/origin';
import { isOriginAllowed } from '../auth/origin';

export type ParleyIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type ParleySocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/**
 * With an adapter (several instances), room broadcasts, fetchSockets and disconnects reach the
 * sockets of every instance.
 */
export function createIo(
  httpServer: HttpServer,
  origins: OriginPolicy,
  adapter?: ServerOptions['adapter'],
): ParleyIo {
  return new Server(httpServer, {
    ...(adapter !== undefined ? { adapter } : {}),
    path: '/socket.io',
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    // /collab upgrades share this HTTP server; Socket.IO must leave them alone.
    destroyUpgrade: false,
    serveClient: false,
    cors:
      origins.allowedOrigins === null
        ? undefined
        : { origin: origins.allowedOrigins.includes('*') ? true : origins.allowedOrigins },
    allowRequest: (req: IncomingMessage, callback) => {
      callback(null, isOriginAllowed(origins, req.headers.origin, req.headers.host));
    },
  });
}
