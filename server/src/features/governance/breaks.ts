// Breaks: a party asks for a pause in the session, and whoever runs the session hears of it at
// once. The reason goes to the facilitator and the asking party only, never to the audit log,
// which another party's organizer may read.
import type { breakRequestSchema } from '@parley/shared/mediation';
import type { BreakRequested } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import type { z } from 'zod';
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import { partyAudience, roleAudience } from '../../realtime';
import { roomSlot } from '../../rooms';
import type { GovernanceDeps } from './deps';
import { mediatorPresent, requirePartySpeaker } from './rules';

/** A party may ask again only after this long, so a request cannot be used to flood. */
export const BREAK_REQUEST_INTERVAL_MS = 60_000;

/** When each party last asked, per room. */
const lastBreakSlot = roomSlot('governance-breaks', () => new Map<string, number>());

export async function requestBreak(
  deps: GovernanceDeps,
  member: MemberClaims,
  request: z.output<typeof breakRequestSchema>,
): Promise<BreakRequested> {
  const partyId = requirePartySpeaker(member, 'ask for a break');
  const at = deps.now();
  const requested: BreakRequested = {
    id: newId('b'),
    partyId,
    requestedBy: member.memberId,
    requestedByName: member.name,
    minutes: request.minutes,
    reason: request.reason,
    at,
  };
  await deps.rooms.hold(member.roomId, (room) => {
    const last = room.slot(lastBreakSlot);
    const previous = last.get(partyId);
    if (previous !== undefined && at - previous < BREAK_REQUEST_INTERVAL_MS) {
      const seconds = Math.ceil((BREAK_REQUEST_INTERVAL_MS - (at - previous)) / 1000);
      throw new ServiceError(
        429,
        'break-requested-recently',
        `Your party asked for a break a moment ago; you can ask again in ${seconds} s.`,
      );
    }
    last.set(partyId, at);
  });
  await deps.audit.append(member.roomId, {
    actorId: member.memberId,
    action: 'break.requested',
    details: { partyId, minutes: request.minutes },
  });
  const facilitator = (await mediatorPresent(deps, member.roomId))
    ? roleAudience('mediator')
    : roleAudience('organizer');
  deps.broadcast
    .to(member.roomId, facilitator, partyAudience(partyId))
    .emit('breaks:requested', requested);
  return requested;
}
