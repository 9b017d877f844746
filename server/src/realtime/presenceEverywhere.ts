// Who is in a room across every instance: the sockets of the room's channel wherever they are
// connected (through the adapter), each as a presence entry, in the order they connected.
import type { PresenceState } from '@parley/shared/protocol';
import { channelOf } from './channels';
import type { ParleyIo } from './io';

export function presenceEverywhere(io: ParleyIo): (roomId: string) => Promise<PresenceState> {
  return async (roomId) => {
    const sockets = await io.in(channelOf(roomId, { kind: 'room' })).fetchSockets();
    const entries = sockets
      .map((socket) => ({
        connectionId: socket.id,
        memberId: socket.data.member.memberId,
        name: socket.data.member.name,
        role: socket.data.member.role,
        partyId: socket.data.member.partyId,
        color: socket.data.color,
        focus: socket.data.focus,
        since: socket.handshake.issued,
      }))
      .sort((a, b) => a.since - b.since || (a.connectionId < b.connectionId ? -1 : 1))
      .map(({ since: _since, ...entry }) => entry);
    return { roomId, entries };
  };
}
