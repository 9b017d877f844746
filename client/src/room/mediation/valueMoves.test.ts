// Whether a parameter edit moves the figures: worked out on a copy of the sheet with the engine,
// so a price change does and a change to a clause the calculator does not read does not.
import { createRoomDoc } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import { describe, expect, it } from 'vitest';
import { applyParamEdit, valueMovesWith } from './valueMoves';

describe('applyParamEdit', () => {
  it('sets, pushes and removes by path as the document write does', () => {
    const params: Record<string, unknown> = { streams: [{ unitPrice: 1 }], fixed: { a: 1 } };
    expect(applyParamEdit(params, { op: 'set', path: ['streams', 0, 'unitPrice'], value: 2 })).toBe(
      true,
    );
    expect(applyParamEdit(params, { op: 'push', path: ['streams'], value: { unitPrice: 3 } })).toBe(
      true,
    );
    expect(applyParamEdit(params, { op: 'remove', path: ['fixed', 'a'] })).toBe(true);
    expect(applyParamEdit(params, { op: 'set', path: ['streams', 5, 'unitPrice'], value: 1 })).toBe(
      false,
    );
    expect(params).toEqual({ streams: [{ unitPrice: 2 }, { unitPrice: 3 }], fixed: {} });
  });
});

describe('valueMovesWith', () => {
  const sheet = templates.telematics;
  const doc = createRoomDoc(sheet);
  const revenue = sheet.clauses.find((c) => c.kind === 'revenue')!;
  const term = sheet.clauses.find((c) => c.kind === 'term')!;

  it('says a price change moves the figures', () => {
    expect(
      valueMovesWith(doc, revenue.id, {
        op: 'set',
        path: ['streams', 0, 'unitPrice'],
        value: 123_456,
      }),
    ).toBe(true);
  });

  it('says writing the same value again, or changing a clause the engine does not read, does not', () => {
    const price = (revenue.params as { streams: { unitPrice: number }[] }).streams[0]!.unitPrice;
    expect(
      valueMovesWith(doc, revenue.id, {
        op: 'set',
        path: ['streams', 0, 'unitPrice'],
        value: price,
      }),
    ).toBe(false);
    const [key, value] = Object.entries(term.params as Record<string, unknown>).find(
      ([, v]) => typeof v === 'number',
    )!;
    expect(
      valueMovesWith(doc, term.id, { op: 'set', path: [key], value: (value as number) + 1 }),
    ).toBe(false);
  });
});
