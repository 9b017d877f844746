// Change marks: the last change someone else made to each value, with what it was before.
import type { ActivityChanged } from '@parley/shared/protocol';
import { describe, expect, it } from 'vitest';
import { markKey, marksAfter } from './activityStore';

function event(overrides: Partial<ActivityChanged>): ActivityChanged {
  return {
    memberId: 'm-ada',
    name: 'Ada Kestrel',
    partyId: 'csp',
    at: 1_000,
    clauseIds: ['c-sharing'],
    params: [{ clauseId: 'c-sharing', path: 'fixed.csp', old: 30, new: 45 }],
    truncated: false,
    ...overrides,
  };
}

describe('change marks', () => {
  it('mark a value someone else changed, with its value before', () => {
    const marks = marksAfter({}, event({}), 'm-ben', 1, 5)!;
    expect(marks[markKey('c-sharing', 'fixed.csp')]).toEqual({
      memberId: 'm-ada',
      name: 'Ada Kestrel',
      partyId: 'csp',
      old: 30,
      new: 45,
      at: 1_000,
      receivedAt: 5,
      seq: 1,
    });
  });

  it('ignore this member’s own changes and changes to text only', () => {
    expect(marksAfter({}, event({}), 'm-ada', 1, 5)).toBeNull();
    expect(marksAfter({}, event({ params: [] }), 'm-ben', 1, 5)).toBeNull();
  });

  it('keep the value from before a quick run of edits by the same person', () => {
    const first = marksAfter({}, event({}), 'm-ben', 1, 5)!;
    const second = marksAfter(
      first,
      event({
        at: 3_000,
        params: [{ clauseId: 'c-sharing', path: 'fixed.csp', old: 45, new: 50 }],
      }),
      'm-ben',
      2,
      6,
    )!;
    expect(second[markKey('c-sharing', 'fixed.csp')]).toMatchObject({ old: 30, new: 50, seq: 2 });
    const other = marksAfter(
      second,
      event({
        memberId: 'm-cy',
        name: 'Cy',
        at: 4_000,
        params: [{ clauseId: 'c-sharing', path: 'fixed.csp', old: 50, new: 40 }],
      }),
      'm-ben',
      3,
      7,
    )!;
    expect(other[markKey('c-sharing', 'fixed.csp')]).toMatchObject({ name: 'Cy', old: 50 });
  });
});
