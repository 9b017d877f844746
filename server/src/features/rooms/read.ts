// Reading a room as its members see it: the term sheet, its value, and who the caller is.
import { memberColor, partyColor } from '@parley/shared/permissions';
import { exportTermSheet, partyIndexOf, readRoomParties } from '@parley/shared/room';
import type { MeResponse, MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import { memberInfo } from '../members';
import type { RoomsDeps } from './deps';

/** The room as `parley.termsheet/v1`, read from its live document. */
export async function exportRoomTermSheet(ctx: RoomsDeps, caller: MemberClaims): Promise<unknown> {
  return exportTermSheet(await ctx.rooms.getDoc(caller.roomId));
}

export async function describeMember(ctx: RoomsDeps, caller: MemberClaims): Promise<MeResponse> {
  const [room, member, doc] = await Promise.all([
    ctx.store.getRoom(caller.roomId),
    ctx.store.getMember(caller.roomId, caller.memberId),
    ctx.rooms.getDoc(caller.roomId),
  ]);
  if (room === undefined || member === undefined) {
    throw new ServiceError(404, 'not-found', 'The room or the member no longer exists.');
  }
  const parties = readRoomParties(doc);
  return {
    member: {
      ...memberInfo(member),
      color: memberColor(member.role, partyIndexOf(parties, member.partyId)),
    },
    room: { id: room.id, title: room.title, createdAt: room.createdAt },
    parties: parties.map((party, index) => ({ ...party, color: partyColor(index) })),
  };
}
