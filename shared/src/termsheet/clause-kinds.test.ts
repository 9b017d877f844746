import { describe, expect, it } from 'vitest';
import { threeParties } from '../engine/testing/sheets';
import { clauseKinds, equalSplit } from './clause-kinds';
import { findParamRefs, resolveParamPath } from './param-refs';
import type { Party } from './schema';
import { calculatorKinds, clauseKindIds, clauseSchema, textOnlyKinds } from './schema';

const parties = threeParties as Party[];

describe('clause kinds', () => {
  it('registers every kind of the format, calculator-bound or not', () => {
    expect(Object.keys(clauseKinds).sort()).toEqual([...clauseKindIds].sort());
    for (const kind of calculatorKinds) expect(clauseKinds[kind].calculator).toBe(true);
    for (const kind of textOnlyKinds) expect(clauseKinds[kind].calculator).toBe(false);
  });

  it.each(clauseKindIds)(
    '%s: default params are valid and the default text only names them',
    (kind) => {
      const def = clauseKinds[kind];
      expect(def.kind).toBe(kind);
      expect(def.label.length).toBeGreaterThan(0);
      expect(def.description.length).toBeGreaterThan(0);
      expect(def.defaultText.length).toBeGreaterThan(0);
      const params = def.defaultParams(parties);
      expect(def.paramsSchema.safeParse(params).success).toBe(true);
      const parsed = clauseSchema.safeParse({
        id: 'c1',
        kind,
        title: def.label,
        text: def.defaultText,
        params,
      });
      expect(parsed.success).toBe(true);
      for (const ref of findParamRefs(def.defaultText)) {
        expect(resolveParamPath(params, ref), `${kind}: {{param:${ref}}}`).not.toBeUndefined();
      }
    },
  );

  it('proposes an equal fixed split that sums to exactly 100', () => {
    // 100 / 3 = 33.3333 with one 0.0001 left over, given to the first party.
    expect(equalSplit(parties)).toEqual({ csp: 33.3334, insurer: 33.3333, device: 33.3333 });
    const six = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, name: 'P', role: '' }));
    const total = Object.values(equalSplit(six)).reduce((a, b) => a + Math.round(b * 10_000), 0);
    expect(total).toBe(1_000_000);
  });
});
