// Every registered clause kind gets editors that fit its parameters: amounts, percentages, party
// records and tables derived from the zod schemas.
import { clauseKinds } from '@parley/shared/termsheet';
import { describe, expect, it } from 'vitest';
import { emptyValue, specFromSchema } from './fieldSpec';
import type { FieldSpec } from './fieldSpec';

function field(spec: FieldSpec, key: string): FieldSpec {
  if (spec.type !== 'object') throw new Error('not an object spec');
  const found = spec.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found.spec;
}

describe('parameter editors from the clause-kind schemas', () => {
  it('edits a fixed split as one percentage per party', () => {
    const spec = specFromSchema(clauseKinds['value-sharing'].paramsSchema);
    expect(field(spec, 'method')).toMatchObject({
      type: 'enum',
      options: ['fixed', 'contribution', 'tiered', 'shapley'],
    });
    expect(field(spec, 'fixed')).toMatchObject({
      type: 'partyRecord',
      meaning: 'share',
      value: { type: 'number', unit: 'percent' },
    });
  });

  it('edits revenue streams as a table with money prices, driver and party pickers', () => {
    const spec = specFromSchema(clauseKinds.revenue.paramsSchema);
    const streams = field(spec, 'streams');
    expect(streams.type).toBe('array');
    if (streams.type !== 'array') return;
    expect(field(streams.item, 'unitPrice')).toMatchObject({ type: 'number', unit: 'money' });
    expect(field(streams.item, 'driver')).toEqual({ type: 'ref', refers: 'driver' });
    expect(field(streams.item, 'requires')).toEqual({ type: 'partyList' });
  });

  it('edits floors and caps as amounts per party', () => {
    expect(
      field(specFromSchema(clauseKinds['minimum-guarantee'].paramsSchema), 'floors'),
    ).toMatchObject({
      type: 'partyRecord',
      meaning: 'floor',
      value: { unit: 'money' },
    });
    expect(field(specFromSchema(clauseKinds.cap.paramsSchema), 'caps')).toMatchObject({
      meaning: 'cap',
    });
  });

  it('starts a new split evenly so that it sums to 100', () => {
    const spec = field(specFromSchema(clauseKinds['value-sharing'].paramsSchema), 'fixed');
    const split = emptyValue(spec, {
      parties: ['a', 'b', 'c'],
      streams: [],
      drivers: [],
    }) as Record<string, number>;
    const total = Object.values(split).reduce((s, v) => s + v, 0);
    expect(Math.round(total * 10000) / 10000).toBe(100);
  });

  it('gives every kind in the registry an editor description', () => {
    for (const def of Object.values(clauseKinds)) {
      expect(specFromSchema(def.paramsSchema).type).not.toBe('unknown');
    }
  });
});
