// Plain-text reports of value and analysis results, for terminals and logs.
export { formatValueTable } from './valueTable';
export { formatSensitivityTable } from './sensitivityTable';
export { formatBreakEvenTable } from './breakEvenTable';
export { formatRiskTable } from './riskTable';
export { formatSeparationTable } from './separationTable';
