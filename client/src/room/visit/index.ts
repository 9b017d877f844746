// The visit summary and its header button are what the room needs of the visit feature.
export { SinceLastVisitPanel, VisitButton } from './SinceLastVisit';
