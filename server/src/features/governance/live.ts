// Live governance events, each to its audience: the state, drafts and disputes to everyone, the
// dispute queue to those who facilitate, a caucus message to its party and the mediator only.
import type { CaucusMessage, Dispute, Draft, MediationState } from '@parley/shared/mediation';
import { everyone, partyAudience, roleAudience } from '../../realtime';
import type { GovernanceDeps } from './deps';

export function announceState(deps: GovernanceDeps, roomId: string, state: MediationState): void {
  deps.broadcast.to(roomId, everyone).emit('mediation:changed', state);
}

export function announceDraft(deps: GovernanceDeps, roomId: string, draft: Draft): void {
  deps.broadcast.to(roomId, everyone).emit('drafts:changed', draft);
}

export function announceDispute(
  deps: GovernanceDeps,
  roomId: string,
  dispute: Dispute,
  queue: Dispute[],
): void {
  deps.broadcast.to(roomId, everyone).emit('disputes:changed', dispute);
  deps.broadcast
    .to(roomId, roleAudience('mediator'), roleAudience('organizer'))
    .emit('disputes:queue', { disputes: queue });
}

export function announceCaucus(deps: GovernanceDeps, roomId: string, message: CaucusMessage): void {
  // A party's channel holds only its members (observers belong to no party).
  deps.broadcast
    .to(roomId, partyAudience(message.partyId), roleAudience('mediator'))
    .emit('caucus:message', message);
}
