// Clause locks: a locked clause refuses every document write that touches it.
import type { MediationState } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import type { GovernanceDeps } from './deps';
import { announceState } from './live';
import { requireClause, requireFacilitator } from './rules';

/**
 * Locks a clause: from then on the collab endpoint refuses every document write that touches
 * it. Locking a locked clause changes nothing and logs nothing.
 */
export async function lockClause(
  deps: GovernanceDeps,
  member: MemberClaims,
  clauseId: string,
): Promise<MediationState> {
  await requireFacilitator(deps, member, 'lock a clause');
  await requireClause(deps, member.roomId, clauseId);
  return setLock(deps, member, clauseId, true);
}

/** Unlocks a clause; a clause that no longer exists may be unlocked too. */
export async function unlockClause(
  deps: GovernanceDeps,
  member: MemberClaims,
  clauseId: string,
): Promise<MediationState> {
  await requireFacilitator(deps, member, 'unlock a clause');
  return setLock(deps, member, clauseId, false);
}

async function setLock(
  deps: GovernanceDeps,
  member: MemberClaims,
  clauseId: string,
  locked: boolean,
): Promise<MediationState> {
  const { roomId } = member;
  const changed = await deps.states.mutate(roomId, async (state) => {
    if (state.locks.has(clauseId) === locked) return false;
    const at = deps.now();
    if (locked) {
      await deps.store.addLock(roomId, { clauseId, lockedBy: member.memberId, lockedAt: at });
      state.locks.add(clauseId);
    } else {
      await deps.store.removeLock(roomId, clauseId);
      state.locks.delete(clauseId);
    }
    await deps.audit.append(roomId, {
      actorId: member.memberId,
      action: locked ? 'clause.locked' : 'clause.unlocked',
      target: clauseId,
    });
    return true;
  });
  const state = await deps.states.read(roomId);
  if (changed) announceState(deps, roomId, state);
  return state;
}
