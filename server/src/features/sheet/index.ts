// The sheet: the rules every write to the live term sheet must pass, whoever sends it.
import type { Feature } from '../../feature';
import { sheetRulesHook } from './rules';

export function createSheetFeature(): Feature {
  return { name: 'sheet', hooks: [sheetRulesHook()] };
}
