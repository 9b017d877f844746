// Socket.IO sessions: the handshake checks the token like every other entry point, each socket
// joins its audience channels, and the features' handlers answer events through one wrapper that
// always acks and never lets a client's payload throw out of a handler.
import type { Logger } from 'pino';
import { ackError, MAX_SOCKETS_PER_MEMBER } from '@parley/shared/protocol';
import type { Ack, ClientToServerEvents, MemberClaims } from '@parley/shared/protocol';
import type { Authenticator } from '../auth/authenticate';
import type { TokenService } from '../auth/tokens';
import { channelsOf } from './channels';
import type { ParleyIo, ParleySocket } from './io';

export type EventHandler = (payload: unknown) => Promise<Ack<unknown>> | Ack<unknown>;

/** The Socket.IO events one feature answers, and what it does when a socket comes and goes. */
export interface SocketHandlers {
  readonly events: readonly string[];
  connect(socket: ParleySocket, on: (event: string, fn: EventHandler) => void): void;
  disconnect?(socket: ParleySocket): void;
}

export interface SocketServerOptions {
  io: ParleyIo;
  auth: Authenticator;
  tokens: TokenService;
  logger: Logger;
  /** The member's presence colour, looked up once at the handshake. */
  colorOf(member: MemberClaims): Promise<string>;
  handlers: readonly SocketHandlers[];
  onConnectionsChanged(delta: number): void;
  onError(): void;
}

export interface SocketServer {
  connectionCount(): number;
  /** Tells every session the server is stopping and disconnects it. */
  close(): Promise<void>;
}

class HandshakeError extends Error {
  readonly data: { code: string };
  constructor(code: string, message: string) {
    super(message);
    this.data = { code };
  }
}

function isAck(value: unknown): value is (result: Ack<unknown>) => void {
  return typeof value === 'function';
}

export function attachSocketServer(options: SocketServerOptions): SocketServer {
  const { io, auth, tokens, logger, handlers } = options;
  const knownEvents = new Set(handlers.flatMap((h) => h.events));
  // Live sockets per member of a room: each one receives the room's traffic and holds presence.
  const perMember = new Map<string, number>();
  const memberKey = (member: MemberClaims) => `${member.roomId}\u0000${member.memberId}`;

  io.use(async (socket, next) => {
    try {
      const handshakeAuth = socket.handshake.auth as Record<string, unknown>;
      const token = typeof handshakeAuth.token === 'string' ? handshakeAuth.token : null;
      if (token === null)
        return next(new HandshakeError('unauthorized', 'auth.token is required.'));
      const verified = await tokens.verify(token);
      if (!verified.ok) return next(new HandshakeError(verified.code, verified.message));
      const roomId =
        typeof handshakeAuth.roomId === 'string' ? handshakeAuth.roomId : verified.claims.room;
      const result = await auth.authenticate(
        roomId,
        token,
        socket.handshake.headers.origin,
        socket.handshake.headers.host,
      );
      if (!result.ok) return next(new HandshakeError(result.code, result.message));
      if ((perMember.get(memberKey(result.member)) ?? 0) >= MAX_SOCKETS_PER_MEMBER) {
        return next(
          new HandshakeError(
            'too-many-connections',
            `You already have ${MAX_SOCKETS_PER_MEMBER} live connections to this room; close a tab or device first.`,
          ),
        );
      }
      socket.data.member = result.member;
      socket.data.focus = null;
      socket.data.color = await options.colorOf(result.member);
      next();
    } catch (error) {
      logger.error({ err: error }, 'socket.io handshake failed');
      options.onError();
      next(new HandshakeError('internal', 'The server could not check the token.'));
    }
  });

  /** Runs a handler so that nothing a client sends can throw out of it, and always answers. */
  function handle(socket: ParleySocket, event: string, fn: EventHandler): void {
    socket.on(
      event as keyof ClientToServerEvents,
      (async (...args: unknown[]) => {
        // The ack comes last; a client may leave the payload out altogether.
        const ack = isAck(args[args.length - 1]) ? args.pop() : undefined;
        const payload = args[0];
        let result: Ack<unknown>;
        try {
          result = await fn(payload);
        } catch (error) {
          logger.error({ err: error, event }, 'socket.io handler failed');
          options.onError();
          result = ackError('internal', 'The server could not handle this event.');
        }
        if (isAck(ack)) ack(result);
      }) as never,
    );
  }

  io.on('connection', (socket) => {
    const key = memberKey(socket.data.member);
    perMember.set(key, (perMember.get(key) ?? 0) + 1);
    void socket.join(channelsOf(socket.data.member));
    options.onConnectionsChanged(1);
    for (const handler of handlers) {
      handler.connect(socket, (event, fn) => handle(socket, event, fn));
    }
    // An event nobody handles would leave the client waiting on its ack forever.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (knownEvents.has(event)) return;
      const ack = args[args.length - 1];
      if (isAck(ack)) ack(ackError('unknown-event', `There is no event "${event}".`));
    });
    socket.on('disconnect', () => {
      const left = (perMember.get(key) ?? 1) - 1;
      if (left > 0) perMember.set(key, left);
      else perMember.delete(key);
      for (const handler of handlers) handler.disconnect?.(socket);
      options.onConnectionsChanged(-1);
    });
  });

  return {
    connectionCount: () => io.of('/').sockets.size,
    async close() {
      io.emit('session:ended', { code: 'shutdown', message: 'The server is shutting down.' });
      io.disconnectSockets(true);
      // Not io.close(): that would also close the HTTP server, which the app closes itself.
      io.engine.close();
    },
  };
}
