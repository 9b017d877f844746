export { SinceLastVisitPanel, VisitButton } from './SinceLastVisit';
