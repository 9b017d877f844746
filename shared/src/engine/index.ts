export { computeValue } from './compute-value';

export type { ValueResult } from './result';
