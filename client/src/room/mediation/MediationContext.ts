import { createContext, useContext, useSyncExternalStore } from 'react';
import type { MediationSnapshot, MediationStore } from './mediationStore';

export interface MediationContextValue {
  store: MediationStore;
  role: string;
  partyId: string | null;
  /** Organizer or negotiator of a party: decides, signs off and holds positions for it. */
  speaksForParty: boolean;
  isMediator: boolean;
  canPropose: boolean;
  panel: { open: boolean; tab: MediationTab };
  /** Opens the mediation panel on one of its tabs. */
  openPanel(tab: MediationTab): void;
  setPanelOpen(open: boolean): void;
}

export type MediationTab =
  'agreement' | 'proposals' | 'disputes' | 'caucus' | 'agenda' | 'positions';

export const MediationContext = createContext<MediationContextValue | null>(null);

export function useMediation(): MediationContextValue {
  const value = useContext(MediationContext);
  if (!value) throw new Error('useMediation needs a MediationContext.');
  return value;
}

/** The mediation context when one is mounted (clause blocks also render without one in tests). */
export function useOptionalMediation(): MediationContextValue | null {
  return useContext(MediationContext);
}

const noop = () => () => undefined;
const none = () => null;

export function useMediationSnapshot(): MediationSnapshot {
  const { store } = useMediation();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * Whether this member runs the procedure (locks, agenda, mode, drafts, dispute queue): the
 * mediator, or the organizer while the room has no mediator.
 */
export function useFacilitator(): boolean {
  const { role } = useMediation();
  const { mediatorPresent } = useMediationSnapshot();
  return isFacilitator(role, mediatorPresent);
}

export function isFacilitator(role: string, mediatorPresent: boolean): boolean {
  return role === 'mediator' || (role === 'organizer' && !mediatorPresent);
}

/** The snapshot, or null without a mediation context. */
export function useOptionalMediationSnapshot(): MediationSnapshot | null {
  const context = useOptionalMediation();
  return useSyncExternalStore(context?.store.subscribe ?? noop, context?.store.getSnapshot ?? none);
}
