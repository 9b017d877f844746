// The agreement freeze: once every party has signed every clause the sheet takes no write, until
// the facilitator reopens it; both moments are in the audit log and announced to everyone.
import type { MediationState } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import type { GovernanceDeps } from './deps';
import { announceState } from './live';

/** Freezes the sheet as agreed at `at`; nothing happens if it already is. */
export async function freezeAgreed(
  deps: GovernanceDeps,
  roomId: string,
  at: number,
): Promise<void> {
  const changed = await deps.states.mutate(roomId, async (state) => {
    if (state.agreedAt !== null) return false;
    await deps.states.saveModeAndAgenda(roomId, { ...state, agreedAt: at }, at);
    state.agreedAt = at;
    await deps.audit.append(roomId, { actorId: null, action: 'agreement.reached' });
    return true;
  });
  if (changed) {
    announceState(deps, roomId, await deps.states.read(roomId));
    await deps.milestone?.({
      roomId,
      kind: 'agreement',
      actor: null,
      label: 'Agreed by every party',
    });
  }
}

/** Lifts the freeze so the parties can change the sheet again; their sign-offs stand until then. */
export async function reopenAgreement(
  deps: GovernanceDeps,
  member: MemberClaims,
): Promise<MediationState> {
  // Any party's organizer may reopen, mediator or not: a party must never be stuck with a frozen
  // sheet it wants to renegotiate because someone else holds the facilitation.
  if (member.role !== 'organizer' && member.role !== 'mediator') {
    throw new ServiceError(
      403,
      'forbidden',
      `A ${member.role} may not reopen the agreed term sheet; an organizer or the mediator does.`,
    );
  }
  const { roomId } = member;
  await deps.states.mutate(roomId, async (state) => {
    if (state.agreedAt === null) {
      throw new ServiceError(
        409,
        'not-agreed',
        'The term sheet is not agreed, so it is not frozen.',
      );
    }
    const at = deps.now();
    await deps.states.saveModeAndAgenda(roomId, { ...state, agreedAt: null }, at);
    state.agreedAt = null;
    await deps.audit.append(roomId, { actorId: member.memberId, action: 'agreement.reopened' });
  });
  const state = await deps.states.read(roomId);
  announceState(deps, roomId, state);
  await deps.milestone?.({
    roomId,
    kind: 'reopen',
    actor: member,
    label: 'Reopened after agreement',
  });
  return state;
}
