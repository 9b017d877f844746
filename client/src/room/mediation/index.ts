export { ClauseBadges, ClauseMediation } from './ClauseMediation';
export { clauseEditable } from './clauseState';
export { MediationBar } from './MediationBar';
export { useOptionalMediation, useOptionalMediationSnapshot } from './MediationContext';
export type { MediationTab } from './MediationContext';
export { MediationPanel } from './MediationPanel';
export { MediationProvider } from './MediationProvider';
export { MediationToasts } from './MediationToasts';
