// Whether a clause takes edits from this member right now, from the role and the mediation state:
// the views turn read-only exactly where the server would refuse the write.
import { isFacilitator } from './MediationContext';
import type { MediationSnapshot } from './mediationState';

/**
 * Whether this member may edit the clause now: the role may edit, the sheet is not agreed (and
 * so frozen), the clause is not locked, and in single-text mode only the mediator edits.
 */
export function clauseEditable(
  snapshot: MediationSnapshot,
  clauseId: string,
  role: string,
  canEdit: boolean,
): boolean {
  if (!canEdit) return false;
  if (snapshot.state.agreedAt !== null) return false;
  if (snapshot.state.locks.includes(clauseId)) return false;
  if (snapshot.state.mode === 'single-text' && !isFacilitator(role, snapshot.mediatorPresent)) {
    return false;
  }
  return true;
}
