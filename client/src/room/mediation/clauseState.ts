import { isFacilitator } from './MediationContext';
import type { MediationSnapshot } from './mediationStore';

/**
 * Whether this member may edit the clause now: the role may edit, the clause is not locked, and
 * in single-text mode only the mediator edits.
 */
export function clauseEditable(
  snapshot: MediationSnapshot | null,
  clauseId: string,
  role: string,
  canEdit: boolean,
): boolean {
  if (!canEdit) return false;
  if (!snapshot) return true;
  if (snapshot.state.locks.includes(clauseId)) return false;
  if (snapshot.state.mode === 'single-text' && !isFacilitator(role, snapshot.mediatorPresent)) {
    return false;
  }
  return true;
}
