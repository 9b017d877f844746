import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { memberColor } from '@parley/shared/permissions';
import {
  MAX_SOCKET_PAYLOAD_BYTES,
  ackError,
  ackOk,
  presenceFocusSchema,
  roomStateRequestSchema,
} from '@parley/shared/protocol';
import type {
  Ack,
  ClientToServerEvents,
  InterServerEvents,
  MemberClaims,
  ServerToClientEvents,
  SocketData,
} from '@parley/shared/protocol';
import type { Authenticator } from '../auth/authenticate';
import type { TokenService } from '../auth/tokens';
import type { OriginPolicy } from '../auth/origin';
import { isOriginAllowed } from '../auth/origin';
import type { Store } from '../store/types';
import { partyIndexOf, readRoomParties } from '../services/room-parties';
import { PresenceRegistry } from './presence';
import { SaveStatusTracker } from './save-status';

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

export interface RealtimeOptions {
  httpServer: HttpServer;
  auth: Authenticator;
  tokens: TokenService;
  origins: OriginPolicy;
  store: Store;
  getDoc(roomId: string): Promise<Y.Doc>;
  logger: Logger;
  onConnectionsChanged(delta: number): void;
  onError(): void;
  /** More Socket.IO events (e.g. comments), each registered on every authenticated socket. */
  features?: readonly RealtimeFeature[];
}

export type EventHandler = (payload: unknown) => Promise<Ack<unknown>> | Ack<unknown>;

/** A set of Socket.IO events handled outside this file, with the same ack and error handling. */
export interface RealtimeFeature {
  readonly events: readonly string[];
  attach(io: ParleyIo): void;
  connection(socket: ParleySocket, on: (event: string, fn: EventHandler) => void): void;
  disconnect?(socket: ParleySocket): void;
}

export interface Realtime {
  /** Ends every Socket.IO session of a member, telling it why first. */
  disconnectMember(
    roomId: string,
    memberId: string,
    reason: { code: string; message: string },
  ): void;
  /** The store now durably holds this state of the room's document. */
  stored(roomId: string, clocks: Record<string, number>): void;
  connectionCount(): number;
  close(): Promise<void>;
}

const roomChannel = (roomId: string) => `room:${roomId}`;
const memberChannel = (roomId: string, memberId: string) => `member:${roomId}:${memberId}`;
const knownEvents = new Set<string>(['presence:focus', 'room:state']);

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

export function attachRealtime(options: RealtimeOptions): Realtime {
  const { auth, tokens, origins, store, logger } = options;
  const presence = new PresenceRegistry();
  const features = options.features ?? [];
  const featureEvents = new Set(features.flatMap((f) => f.events));
  const io: ParleyIo = new Server(options.httpServer, {
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
  for (const feature of features) feature.attach(io);
  const saveStatus = new SaveStatusTracker((status) => {
    io.to(roomChannel(status.roomId)).emit('save:status', status);
  });

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
      socket.data.member = result.member;
      socket.data.focus = null;
      socket.data.color = await colorOf(result.member);
      next();
    } catch (error) {
      logger.error({ err: error }, 'socket.io handshake failed');
      options.onError();
      next(new HandshakeError('internal', 'The server could not check the token.'));
    }
  });

  async function colorOf(member: MemberClaims): Promise<string> {
    try {
      const parties = readRoomParties(await options.getDoc(member.roomId));
      return memberColor(member.role, partyIndexOf(parties, member.partyId));
    } catch (error) {
      logger.warn({ err: error, roomId: member.roomId }, 'room not loadable for presence colour');
      return memberColor(member.role, null);
    }
  }

  function broadcastPresence(roomId: string): void {
    io.to(roomChannel(roomId)).emit('presence:state', presence.state(roomId));
  }

  /** Runs a handler so that nothing a client sends can throw out of it, and always answers. */
  function handle(
    socket: ParleySocket,
    event: string,
    fn: (payload: unknown) => Promise<Ack<unknown>> | Ack<unknown>,
  ): void {
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
    const { member } = socket.data;
    const { roomId } = member;
    void socket.join([roomChannel(roomId), memberChannel(roomId, member.memberId)]);
    presence.join(roomId, {
      connectionId: socket.id,
      memberId: member.memberId,
      name: member.name,
      role: member.role,
      partyId: member.partyId,
      color: socket.data.color,
      focus: null,
    });
    options.onConnectionsChanged(1);
    broadcastPresence(roomId);

    handle(socket, 'presence:focus', (payload) => {
      const parsed = presenceFocusSchema.safeParse(payload);
      if (!parsed.success) {
        return ackError(
          'invalid-payload',
          `presence:focus expects { clauseId: string | null }: ${parsed.error.issues
            .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
            .join('; ')}`,
        );
      }
      socket.data.focus = parsed.data.clauseId;
      presence.focus(roomId, socket.id, parsed.data.clauseId);
      broadcastPresence(roomId);
      return ackOk(null);
    });

    handle(socket, 'room:state', async (payload) => {
      if (!roomStateRequestSchema.safeParse(payload).success) {
        return ackError('invalid-payload', 'room:state takes no arguments: send {} or nothing.');
      }
      const self = presence.get(roomId, socket.id);
      if (self === undefined) return ackError('unavailable', 'This connection is closing.');
      let saved = null;
      try {
        saved = await saveStatus.current(roomId, store);
      } catch (error) {
        logger.warn({ err: error, roomId }, 'stored state not readable');
      }
      return ackOk({ self, presence: presence.state(roomId), saved });
    });

    for (const feature of features) {
      feature.connection(socket, (event, fn) => handle(socket, event, fn));
    }

    // An event nobody handles would leave the client waiting on its ack forever.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (knownEvents.has(event) || featureEvents.has(event)) return;
      const ack = args[args.length - 1];
      if (isAck(ack)) ack(ackError('unknown-event', `There is no event "${event}".`));
    });

    socket.on('disconnect', () => {
      presence.leave(roomId, socket.id);
      for (const feature of features) feature.disconnect?.(socket);
      options.onConnectionsChanged(-1);
      broadcastPresence(roomId);
      if (presence.state(roomId).entries.length === 0) saveStatus.forget(roomId);
    });
  });

  return {
    disconnectMember(roomId, memberId, reason) {
      const channel = memberChannel(roomId, memberId);
      io.to(channel).emit('session:ended', reason);
      io.in(channel).disconnectSockets(true);
    },
    stored(roomId, clocks) {
      saveStatus.stored(roomId, clocks, Date.now());
    },
    connectionCount() {
      return io.of('/').sockets.size;
    },
    async close() {
      saveStatus.close();
      io.emit('session:ended', { code: 'shutdown', message: 'The server is shutting down.' });
      io.disconnectSockets(true);
      // Not io.close(): that would also close the HTTP server, which the app closes itself.
      io.engine.close();
    },
  };
}
