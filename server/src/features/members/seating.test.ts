import { describe, expect, it } from 'vitest';
import type { Role } from '@parley/shared/permissions';
import type { SeatedMember } from '../../store/types';
import { Seating } from './seating';

function seated(
  id: string,
  role: Role,
  partyId: string | null,
  seat: Partial<SeatedMember['seat']> = {},
): SeatedMember {
  return {
    id,
    roomId: 'r',
    name: id,
    role,
    partyId,
    createdAt: 1,
    revokedAt: null,
    seat: {
      invitedBy: null,
      creator: false,
      joinedAt: 2,
      sessionId: 's',
      reuseRefusedAt: null,
      ...seat,
    },
  };
}

const parties = [
  { id: 'lead', name: 'Lead', role: 'channel' },
  { id: 'csp', name: 'CSP', role: 'network' },
  { id: 'device', name: 'Device', role: 'device' },
];

describe('who manages which seats', () => {
  const creator = seated('creator', 'organizer', 'lead', { creator: true });
  const cspOrganizer = seated('carla', 'organizer', 'csp', { invitedBy: 'creator' });
  const pendingDevice = seated('dev', 'organizer', 'device', { joinedAt: null, sessionId: null });
  const seating = new Seating('r', [creator, cspOrganizer, pendingDevice], parties, []);

  it('gives each party its own seats, and the creator those of parties nobody joined yet', () => {
    expect(seating.invitableParties(creator)).toEqual(['lead', 'device']);
    expect(seating.invitableParties(cspOrganizer)).toEqual(['csp']);
    expect(seating.visibleTo(creator, cspOrganizer)).toBe(false);
    expect(seating.visibleTo(creator, pendingDevice)).toBe(true);
    expect(seating.managersOf(cspOrganizer).map((m) => m.id)).toEqual(['carla']);
    expect(seating.managersOf(pendingDevice).map((m) => m.id)).toEqual(['creator', 'dev']);
  });

  it('takes the privilege from a creator who is no longer an organizer', () => {
    const demoted = { ...creator, role: 'negotiator' as const };
    expect(seating.managesParty(demoted, 'device')).toBe(false);
    expect(seating.managesParty(demoted, 'lead')).toBe(false);
  });

  it('keeps a party in control of its seats once anyone of it joined, even if revoked since', () => {
    const revoked = { ...cspOrganizer, revokedAt: 5 };
    const after = new Seating('r', [creator, revoked], parties, []);
    expect(after.partyJoined('csp')).toBe(true);
    expect(after.managesParty(creator, 'csp')).toBe(false);
  });
});
