import { describe, expect, it } from 'vitest';
import { paramValueChanges } from './param-changes';

describe('parameter value changes', () => {
  it('lists each changed leaf with its value before and after', () => {
    expect(
      paramValueChanges(
        { fixed: { csp: 30, app: 15 }, method: 'fixed', costRecovery: true },
        { fixed: { csp: 45, app: 15 }, method: 'shapley', costRecovery: true },
      ),
    ).toEqual([
      { path: 'fixed.csp', before: 30, after: 45 },
      { path: 'method', before: 'fixed', after: 'shapley' },
    ]);
  });

  it('shows added and removed rows leaf by leaf, and lists of names as one value', () => {
    expect(
      paramValueChanges(
        { streams: [{ id: 's', unitPrice: 900, requires: ['csp'] }] },
        {
          streams: [
            { id: 's', unitPrice: 900, requires: ['csp', 'app'] },
            { id: 't', unitPrice: 100 },
          ],
        },
      ),
    ).toEqual([
      { path: 'streams.0.requires', before: ['csp'], after: ['csp', 'app'] },
      { path: 'streams.1.id', after: 't' },
      { path: 'streams.1.unitPrice', after: 100 },
    ]);
    expect(paramValueChanges({ caps: { app: 5 } }, { caps: {} })).toEqual([
      { path: 'caps.app', before: 5 },
    ]);
  });

  it('treats null as a value and stops at the limit', () => {
    expect(paramValueChanges({ cap: 5 }, { cap: null })).toEqual([
      { path: 'cap', before: 5, after: null },
    ]);
    const after: Record<string, number> = {};
    for (let i = 0; i < 10; i += 1) after[`k${i}`] = i;
    expect(paramValueChanges({}, after, 3)).toHaveLength(3);
    expect(paramValueChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
