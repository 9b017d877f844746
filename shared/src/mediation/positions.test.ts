// The zone of possible agreement: bounds overlap when the highest minimum is at most the lowest
// maximum; the mediator sees shared values only, and the gap only when all are shared.
import { describe, expect, it } from 'vitest';
import { overlapViews, zopa } from './positions';
import type { Position } from './positions';

const position = (
  partyId: string,
  bound: 'min' | 'max',
  value: number,
  shared: boolean,
): Position => ({
  partyId,
  clauseId: 'c',
  param: 'fixed.csp',
  bound,
  value,
  shared,
  updatedAt: 1,
  updatedBy: 'm',
});

describe('zone of possible agreement', () => {
  it('overlaps when the highest minimum is at most the lowest maximum', () => {
    expect(
      zopa([
        { bound: 'min', value: 30 },
        { bound: 'max', value: 30 },
      ]),
    ).toEqual({ overlap: true, gap: 0 });
    expect(
      zopa([
        { bound: 'min', value: 30 },
        { bound: 'min', value: 20 },
        { bound: 'max', value: 25 },
      ]),
    ).toEqual({
      overlap: false,
      gap: 5,
    });
    expect(zopa([{ bound: 'min', value: 30 }])).toEqual({ overlap: true, gap: 0 });
  });

  it('gives the mediator shared values only, and the gap only when all are shared', () => {
    const [partly] = overlapViews([
      position('b', 'max', 25, false),
      position('a', 'min', 30, true),
    ]);
    expect(partly).toEqual({
      clauseId: 'c',
      param: 'fixed.csp',
      overlap: false,
      gap: null,
      positions: [
        { partyId: 'a', bound: 'min', shared: true, value: 30 },
        { partyId: 'b', bound: 'max', shared: false, value: null },
      ],
    });
    const [all] = overlapViews([position('b', 'max', 25, true), position('a', 'min', 30, true)]);
    expect(all!.gap).toBe(5);
  });
});
