export { computeValidTermSheet, computeValue } from './compute-value';
export { nthRoot, npv, periodDiscountFactor, periodsPerYear } from './discount';
export { exactIntegerWeights, sharePct } from './exact-weights';
export type { PreparedWeights } from './largest-remainder';
export { largestRemainder, prepareWeights, splitByWeights } from './largest-remainder';
export type {
  PartyPeriodResult,
  PartyTotals,
  PeriodResult,
  ScenarioResult,
  ValueResult,
} from './result';
export {
  VALUE_FORMAT_V1,
  partyPeriodResultSchema,
  partyTotalsSchema,
  periodResultSchema,
  scenarioResultSchema,
  valueResultSchema,
} from './result';
export type { ExactShapley, UnanimityTerm } from './shapley';
export { UNANIMITY_SCALE, shapleyExact, unanimityGame, unanimityShapleyScaled } from './shapley';
