// The typed way services push live events: to a room's audiences (everyone, a party, a role, a
// member), never to a socket they picked themselves. Built on the Socket.IO server before any
// service exists, so no service waits for a publisher to be plugged in later.
import type { MemberClaims, ServerToClientEvents } from '@parley/shared/protocol';
import type { Audience } from './channels';
import { channelOf } from './channels';
import type { ParleyIo } from './io';

type EventName = keyof ServerToClientEvents;

export interface RoomEmitter {
  emit<E extends EventName>(event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
}

export interface RoomBroadcaster {
  /** Every socket of the room in at least one of the audiences, each once. */
  to(roomId: string, ...audiences: Audience[]): RoomEmitter;
  /**
   * The same, among the sockets connected to this instance only: for what each instance tells
   * its own clients from its own knowledge (with one instance, the same as `to`).
   */
  local(roomId: string, ...audiences: Audience[]): RoomEmitter;
  /** The members with at least one socket in the room right now, each once. */
  present(roomId: string): Promise<MemberClaims[]>;
  /** Tells the member's sockets why, then disconnects them. */
  endSessions(roomId: string, memberId: string, reason: { code: string; message: string }): void;
}

export function createBroadcaster(io: ParleyIo): RoomBroadcaster {
  return {
    to(roomId, ...audiences) {
      const channels = audiences.map((audience) => channelOf(roomId, audience));
      return {
        emit(event, ...args) {
          if (channels.length === 0) return;
          io.to(channels).emit(event, ...args);
        },
      };
    },
    local(roomId, ...audiences) {
      const channels = audiences.map((audience) => channelOf(roomId, audience));
      return {
        emit(event, ...args) {
          if (channels.length === 0) return;
          io.local.to(channels).emit(event, ...args);
        },
      };
    },
    async present(roomId) {
      const sockets = await io.in(channelOf(roomId, { kind: 'room' })).fetchSockets();
      const members = new Map<string, MemberClaims>();
      for (const socket of sockets) members.set(socket.data.member.memberId, socket.data.member);
      return [...members.values()];
    },
    endSessions(roomId, memberId, reason) {
      const channel = channelOf(roomId, { kind: 'member', memberId });
      io.to(channel).emit('session:ended', reason);
      io.in(channel).disconnectSockets(true);
    },
  };
}
