import { describe, expect, it } from 'vitest';
import type { SeatedMember } from '../../store/types';
import { consentState, consentingParties } from './consentState';

function member(
  id: string,
  partyId: string | null,
  joined: boolean,
  revoked = false,
): SeatedMember {
  return {
    id,
    roomId: 'r',
    name: id,
    role: partyId === null ? 'mediator' : 'negotiator',
    partyId,
    createdAt: 1,
    revokedAt: revoked ? 2 : null,
    seat: {
      invitedBy: null,
      creator: false,
      joinedAt: joined ? 3 : null,
      sessionId: joined ? 's' : null,
      reuseRefusedAt: null,
    },
  };
}

describe('whose consent an appointment needs', () => {
  it('is every party of the sheet, in its order', () => {
    expect(consentingParties(['b', 'a'], [])).toEqual(['b', 'a']);
  });

  it('keeps a party with joined members that was taken off the sheet', () => {
    const members = [member('m1', 'gone', true), member('m2', 'unused', false)];
    expect(consentingParties(['a'], members)).toEqual(['a', 'gone']);
    // A revoked member no longer holds the party in the room.
    expect(consentingParties(['a'], [member('m3', 'gone', true, true)])).toEqual(['a']);
  });
});

describe('where an appointment stands', () => {
  it('is granted only once every party accepted', () => {
    expect(consentState(['a', 'b'], [{ partyId: 'a', decision: 'accept' }])).toBe('pending');
    expect(
      consentState(
        ['a', 'b'],
        [
          { partyId: 'a', decision: 'accept' },
          { partyId: 'b', decision: 'accept' },
        ],
      ),
    ).toBe('granted');
  });

  it('is declined while any party declines, whatever the others said', () => {
    expect(
      consentState(
        ['a', 'b'],
        [
          { partyId: 'a', decision: 'accept' },
          { partyId: 'b', decision: 'decline' },
        ],
      ),
    ).toBe('declined');
  });

  it('needs a party added later, and ignores decisions of parties that do not count', () => {
    const decisions = [
      { partyId: 'a', decision: 'accept' as const },
      { partyId: 'x', decision: 'decline' as const },
    ];
    expect(consentState(['a'], decisions)).toBe('granted');
    expect(consentState(['a', 'c'], decisions)).toBe('pending');
  });
});
