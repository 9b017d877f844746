// Hooks every room runs whatever features are on: attribution and metrics.
export { touchedClausesHook } from './touchedClauses';
export { metricsHook } from './metrics';
