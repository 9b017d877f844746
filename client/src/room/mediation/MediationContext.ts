// The mediation store of the open room and this member's mediation rights, as every mediation
// view finds them; the views read the store's state with `useStore`.
import { createContext, useContext } from 'react';
import { useStore } from '../../lib/store';
import type { EditGuard } from './editGuard';
import type { MediationStore } from './mediationStore';

export interface MediationContextValue {
  store: MediationStore;
  /** Asks the member before an edit voids sign-offs. */
  guard: EditGuard;
  role: string;
  partyId: string | null;
  /** Organizer or negotiator of a party: decides, signs off and holds positions for it. */
  speaksForParty: boolean;
  isMediator: boolean;
  canPropose: boolean;
}

export const MediationContext = createContext<MediationContextValue | null>(null);

export function useMediation(): MediationContextValue {
  const value = useContext(MediationContext);
  if (!value) throw new Error('useMediation needs a MediationContext.');
  return value;
}

/**
 * Whether this member runs the procedure (locks, agenda, mode, drafts, dispute queue): the
 * mediator, or the organizer while the room has no mediator.
 */
export function useFacilitator(): boolean {
  const { role, store } = useMediation();
  return useStore(store.state, (s) => isFacilitator(role, s.mediatorPresent));
}

export function isFacilitator(role: string, mediatorPresent: boolean): boolean {
  return role === 'mediator' || (role === 'organizer' && !mediatorPresent);
}
