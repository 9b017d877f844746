import { describe, expect, it } from 'vitest';
import { fixedSplit, revenue, sheet } from '../engine/testing/sheets';
import { checkTermSheetFully } from './check-all';
import { validateTermSheet } from './validate';

describe('checkTermSheetFully', () => {
  it('lists structural and rule problems in one pass', () => {
    // The stream's price is not a number (structure); the split sums to 90 % (a rule).
    const broken = revenue();
    (broken.params as { streams: { unitPrice: unknown }[] }).streams[0]!.unitPrice = 'ten';
    const doc = sheet({ clauses: [broken, fixedSplit({ csp: 40, insurer: 30, device: 20 })] });
    const structureOnly = validateTermSheet(doc).issues;
    expect(structureOnly.map((i) => i.path)).toEqual(['clauses.0.params.streams.0.unitPrice']);
    const all = checkTermSheetFully(doc);
    expect(all.termsheet).toBeNull();
    expect(all.issues.map((i) => i.path)).toEqual([
      'clauses.0.params.streams.0.unitPrice',
      'clauses.1.params.fixed',
    ]);
  });

  it('answers as validateTermSheet does when the structure holds or the sheet itself is broken', () => {
    expect(checkTermSheetFully(sheet())).toEqual(validateTermSheet(sheet()));
    const broken = sheet();
    delete broken.currency;
    expect(checkTermSheetFully(broken)).toEqual(validateTermSheet(broken));
  });
});
