// Display of the analyses: terms named as the room names them, the tornado's rows in order of
// swing, break-even multiples in words, and chart axes that always show zero.
import { describe, expect, it } from 'vitest';
import { sensitivity } from '@parley/shared/analysis';
import type { DriverBreakEven } from '@parley/shared/analysis';
import { templates } from '@parley/shared/templates';
import { readSheet } from '../sheet';
import {
  breakEvenText,
  formatScale,
  niceRange,
  position,
  targetLabel,
  tornadoExtent,
  tornadoRows,
} from './analysisView';

const sheet = readSheet(templates.mhealth);
const entries = sensitivity(templates.mhealth, { partyId: 'csp', scenarioId: 'base' }).result!
  .entries;

describe('tornado rows', () => {
  it('names each term as the room does and keeps the largest swings first', () => {
    const rows = tornadoRows(entries, 'net', sheet, 8);
    expect(rows).toHaveLength(8);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!.swing).toBeGreaterThanOrEqual(rows[i]!.swing);
    const price = rows.find((r) => r.key === 'clauses.3.params.streams.0.unitPrice');
    expect(price?.label).toBe('Revenue streams · Monitoring subscriptions · Unit price');
    expect(price!.down).toBeLessThan(0);
    expect(price!.up).toBeGreaterThan(0);
  });

  it('orders by the NPV swing when asked for NPV', () => {
    const rows = tornadoRows(entries, 'npv', sheet, 50);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!.swing).toBeGreaterThanOrEqual(rows[i]!.swing);
    expect(rows.some((r) => r.label === 'Annual discount rate')).toBe(true);
    expect(
      tornadoRows(entries, 'net', sheet, 50).some((r) => r.label === 'Annual discount rate'),
    ).toBe(false);
  });

  it('scales to the largest change, and never to zero', () => {
    const rows = tornadoRows(entries, 'net', sheet, 5);
    expect(tornadoExtent(rows)).toBe(
      Math.max(...rows.flatMap((r) => [Math.abs(r.down!), Math.abs(r.up!)])),
    );
    expect(tornadoExtent([])).toBe(1);
  });

  it('names drivers and the discount rate', () => {
    expect(
      targetLabel(
        { kind: 'driver', scenarioId: 'base', driver: 'members', field: 'start' },
        sheet,
        '',
      ),
    ).toBe('Driver members (starting value)');
    expect(targetLabel({ kind: 'param', clauseId: 'gone', param: 'x' }, sheet, 'fallback')).toBe(
      'fallback',
    );
  });
});

describe('break-even in words', () => {
  const base = { driver: null, searchedUpTo: 1024 } as const;
  it('says never and always as such', () => {
    expect(breakEvenText({ ...base, status: 'never', crossings: [] })).toBe('never');
    expect(breakEvenText({ ...base, status: 'always', crossings: [] })).toBe('always');
  });

  it('gives each crossing as a multiple of the volumes', () => {
    const driver: DriverBreakEven = {
      ...base,
      status: 'crosses',
      crossings: [
        {
          scale: 0.2362,
          net: 0 as never,
          otherScale: 0.2361,
          otherNet: -1 as never,
          direction: 'rising',
        },
        {
          scale: 40.2,
          net: 0 as never,
          otherScale: 40.3,
          otherNet: -1 as never,
          direction: 'falling',
        },
      ],
    };
    expect(breakEvenText(driver)).toBe('profit from 0.24 ×, then loss from 40 ×');
    expect(formatScale(1.25)).toBe('1.3 ×');
    expect(formatScale(0.001)).toBe('< 0.01 ×');
  });
});

describe('chart axes', () => {
  it('always include zero and place values along the width', () => {
    expect(niceRange(100, 200).min).toBe(0);
    expect(niceRange(-200, -100).max).toBe(0);
    expect(niceRange(0, 0)).toEqual({ min: -1, max: 1 });
    const range = { min: -100, max: 100 };
    expect(position(0, range, 200)).toBe(100);
    expect(position(100, range, 200)).toBe(200);
  });
});
