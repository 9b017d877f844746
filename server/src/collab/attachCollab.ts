// The /collab upgrade handler: authenticates each upgrade, refuses with a plain HTTP error, and
// tracks connections so a revocation, even one racing authentication, closes them at once.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { canEditDocument } from '@parley/shared/permissions';
import {
  closeCodes,
  closeReason,
  MAX_COLLAB_CONNECTIONS_PER_MEMBER,
  MAX_MESSAGE_BYTES,
} from '@parley/shared/protocol';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { CollabConnection } from './connection';
import { awarenessIdentity, defaultMemberColor } from './identity';
import { countError } from '../metrics';
import type { CollabHandle, CollabOptions } from './types';
import type { MemberClaims } from '@parley/shared/protocol';
import { parseCollabTarget, refuseUpgrade } from './upgradeRequest';

export const COLLAB_DEFAULTS = {
  maxMessageBytes: MAX_MESSAGE_BYTES,
  rateLimitPerSecond: 200,
  rateLimitBurst: 400,
  byteRatePerSecond: 2 * 1024 * 1024,
  heartbeatMs: 30_000,
  connectionsPerMember: MAX_COLLAB_CONNECTIONS_PER_MEMBER,
} as const;

/**
 * Serves /collab/:roomId (the y-websocket protocol) on the HTTP server's upgrade requests.
 * Other upgrade paths (Socket.IO) are left to their own handlers.
 */
export function attachCollab(options: CollabOptions): CollabHandle {
  const limits = { ...COLLAB_DEFAULTS, ...options.limits };
  const logger = options.logger.child({ module: 'collab' });
  const memberColor = options.memberColor ?? defaultMemberColor;
  const connections = new Set<CollabConnection>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
  });
  let closing = false;
  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, limits.heartbeatMs);
  heartbeat.unref();

  // A revocation that lands while a connection of that member is still being authenticated
  // must reach it too: disconnectMember bumps an epoch the pending upgrade compares against.
  let epoch = 0;
  let upgradesInFlight = 0;
  const disconnectedAt = new Map<string, { epoch: number; code: number; reason: string }>();
  const memberKey = (roomId: string, memberId: string): string => `${roomId}\u0000${memberId}`;
  // Live connections per member of a room: each one costs the room a peer and a presence entry.
  const perMember = new Map<string, number>();
  const tooMany = (roomId: string, memberId: string): boolean =>
    (perMember.get(memberKey(roomId, memberId)) ?? 0) >= limits.connectionsPerMember;
  const tooManyMessage = `You already have ${limits.connectionsPerMember} live connections to this room; close a tab or device first.`;
  const upgradeSettled = (): void => {
    upgradesInFlight--;
    if (upgradesInFlight === 0) disconnectedAt.clear();
  };

  function startConnection(
    ws: WebSocket,
    member: MemberClaims,
    roomId: string,
    startedAt: number,
  ): void {
    if (closing) {
      ws.close(closeCodes.goingAway, 'server shutting down');
      return;
    }
    const ended = disconnectedAt.get(memberKey(roomId, member.memberId));
    if (ended !== undefined && ended.epoch > startedAt) {
      ws.close(ended.code, closeReason(ended.reason));
      return;
    }
    if (tooMany(roomId, member.memberId)) {
      // Two upgrades of the same member raced past the check below.
      ws.close(closeCodes.rateLimited, 'too many connections');
      return;
    }
    const key = memberKey(roomId, member.memberId);
    perMember.set(key, (perMember.get(key) ?? 0) + 1);
    const connection = new CollabConnection(ws, roomId, member, {
      rooms: options.rooms,
      logger,
      rateLimitPerSecond: limits.rateLimitPerSecond,
      rateLimitBurst: limits.rateLimitBurst,
      byteRatePerSecond: limits.byteRatePerSecond,
      byteBurst: 2 * limits.maxMessageBytes,
      canWrite: canEditDocument(member.role),
      identityFor: (room) => awarenessIdentity(member, room.doc, memberColor),
      onClosed: (closed) => {
        connections.delete(closed);
        const left = (perMember.get(key) ?? 1) - 1;
        if (left > 0) perMember.set(key, left);
        else perMember.delete(key);
      },
    });
    connections.add(connection);
    connection.start();
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const target = parseCollabTarget(request);
    if (target.kind === 'not-collab') return;
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    if (closing) {
      refuseUpgrade(socket, 503, 'shutting-down', 'The server is shutting down.');
      return;
    }
    if (target.kind === 'bad-room') {
      countError('auth');
      refuseUpgrade(socket, 404, 'room-not-found', 'No room has this id.');
      return;
    }
    const startedAt = epoch;
    upgradesInFlight++;
    options
      .authenticate(target.roomId, target.token, request.headers.origin, request.headers.host)
      .then((result) => {
        if (!result.ok) {
          countError('auth');
          refuseUpgrade(socket, result.status, result.code, result.message);
          return;
        }
        if (result.member.roomId !== target.roomId) {
          countError('auth');
          refuseUpgrade(socket, 403, 'wrong-room', 'The token is for another room.');
          return;
        }
        if (socket.destroyed) return;
        const { member } = result;
        if (tooMany(target.roomId, member.memberId)) {
          countError('rate-limit');
          refuseUpgrade(socket, 429, 'too-many-connections', tooManyMessage);
          return;
        }
        // Without verifyClient, ws completes the upgrade synchronously: the connection is
        // registered before this upgrade counts as settled.
        wss.handleUpgrade(request, socket, head, (ws) =>
          startConnection(ws, member, target.roomId, startedAt),
        );
      })
      .catch((error: unknown) => {
        countError('auth');
        logger.error({ err: error }, 'collab authentication failed');
        refuseUpgrade(socket, 500, 'internal', 'Authentication could not be checked.');
      })
      .finally(upgradeSettled);
  };
  options.server.on('upgrade', onUpgrade);

  return {
    disconnectMember(roomId, memberId, code = closeCodes.revoked, reason = 'membership revoked') {
      if (upgradesInFlight > 0) {
        disconnectedAt.set(memberKey(roomId, memberId), { epoch: ++epoch, code, reason });
      }
      for (const connection of [...connections]) {
        if (connection.roomId === roomId && connection.member.memberId === memberId) {
          connection.close(code, reason);
        }
      }
    },
    connections: () => connections.size,
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(heartbeat);
      options.server.off('upgrade', onUpgrade);
      const open = [...connections];
      for (const connection of open) connection.close(closeCodes.goingAway, 'server shutting down');
      // Give close frames a moment to leave, then drop whatever did not answer.
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
