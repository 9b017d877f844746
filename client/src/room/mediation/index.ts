// What the rest of the room uses of mediation: the provider, the room-level strip, drawer and
// notices, and the per-clause pieces; everything else stays inside this folder.
export { ClauseBadges, ClauseMediation } from './ClauseMediation';
export { clauseEditable } from './clauseState';
export type { EditGuard } from './editGuard';
export { MediationBar } from './MediationBar';
export { MediationHeaderButton } from './MediationHeaderButton';
export { useMediation } from './MediationContext';
export { MediationPanel } from './MediationPanel';
export { MediationProvider } from './MediationProvider';
export { MediationToasts } from './MediationToasts';
export { valueMovesWith } from './valueMoves';
export type { ParamEdit } from './valueMoves';
export { VoidConfirmDialog } from './VoidConfirmDialog';
