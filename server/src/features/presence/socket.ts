// Presence over Socket.IO: who is in the room and what each is looking at, and the room's state
// for a client that just connected (itself as others see it, who else is here, what is saved).
import type { Logger } from 'pino';
import type { PresenceState } from '@parley/shared/protocol';
import {
  ackError,
  ackOk,
  presenceFocusSchema,
  roomStateRequestSchema,
} from '@parley/shared/protocol';
import { everyone, invalidPayload } from '../../realtime';
import type { RoomBroadcaster, SocketHandlers } from '../../realtime';
import type { RateLimiter } from '../../limits';
import type { RoomRuntime } from '../../rooms';
import type { PresenceRegistry } from './registry';
import { currentSaveStatus } from './saveStatus';

export interface PresenceDeps {
  presence: PresenceRegistry;
  /** How often a member may move their focus: every move is broadcast to the whole room. */
  focusLimiter: RateLimiter;
  broadcast: RoomBroadcaster;
  rooms: Pick<RoomRuntime, 'hold'>;
  logger: Logger;
  now(): number;
  /**
   * Who is in the room on every instance, when several serve it; this instance's own
   * connections otherwise.
   */
  everywhere?: (roomId: string) => Promise<PresenceState>;
}

export function presenceSockets(deps: PresenceDeps): SocketHandlers {
  const { presence } = deps;
  const { everywhere } = deps;
  // Another instance that does not answer (Redis down, an instance dying) leaves this one's own
  // connections: a partial list beats none.
  const stateOf = (roomId: string): Promise<PresenceState> =>
    everywhere === undefined
      ? Promise.resolve(presence.state(roomId))
      : everywhere(roomId).catch((error: unknown) => {
          deps.logger.warn({ err: error, roomId }, 'presence of other instances not readable');
          return presence.state(roomId);
        });
  const announce = (roomId: string): void => {
    if (everywhere === undefined) {
      deps.broadcast.to(roomId, everyone).emit('presence:state', presence.state(roomId));
      return;
    }
    void stateOf(roomId).then((state) =>
      deps.broadcast.to(roomId, everyone).emit('presence:state', state),
    );
  };
  return {
    events: ['presence:focus', 'room:state'],
    connect(socket, on) {
      const { member } = socket.data;
      const { roomId } = member;
      presence.join(roomId, {
        connectionId: socket.id,
        memberId: member.memberId,
        name: member.name,
        role: member.role,
        partyId: member.partyId,
        color: socket.data.color,
        focus: null,
      });
      announce(roomId);

      on('presence:focus', async (payload) => {
        const parsed = presenceFocusSchema.safeParse(payload);
        if (!parsed.success) return invalidPayload('presence:focus', parsed.error);
        const waitMs = await deps.focusLimiter.take(`${roomId}\u0000${member.memberId}`);
        if (waitMs > 0) {
          return ackError(
            'rate-limited',
            `You are moving between clauses too fast for the room to follow; try again in ${Math.ceil(waitMs / 1000)} s.`,
          );
        }
        socket.data.focus = parsed.data.clauseId;
        presence.focus(roomId, socket.id, parsed.data.clauseId);
        announce(roomId);
        return ackOk(null);
      });

      on('room:state', async (payload) => {
        if (!roomStateRequestSchema.safeParse(payload).success) {
          return ackError('invalid-payload', 'room:state takes no arguments: send {} or nothing.');
        }
        const self = presence.get(roomId, socket.id);
        if (self === undefined) return ackError('unavailable', 'This connection is closing.');
        let saved = null;
        try {
          saved = await currentSaveStatus(deps.rooms, roomId, deps.now);
        } catch (error) {
          deps.logger.warn({ err: error, roomId }, 'stored state not readable');
        }
        return ackOk({ self, presence: await stateOf(roomId), saved });
      });
    },
    disconnect(socket) {
      const { roomId } = socket.data.member;
      presence.leave(roomId, socket.id);
      announce(roomId);
    },
  };
}
