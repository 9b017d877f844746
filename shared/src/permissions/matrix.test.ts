// The permission matrix: every role reads, only some edit, invite, lock, propose, accept or sign
// off, observers stay silent; and each party keeps its colour.
import { describe, expect, it } from 'vitest';
import { can, canEditDocument, caucusScope } from './matrix';
import { memberColor, partyColor } from './colors';
import { roleIds } from './roles';

describe('permission matrix', () => {
  it('lets every role read but only organizers, negotiators and mediators edit', () => {
    for (const role of roleIds) expect(can(role, 'read')).toBe(true);
    expect(roleIds.filter((role) => canEditDocument(role))).toEqual([
      'organizer',
      'negotiator',
      'mediator',
    ]);
  });

  it('leaves invites, appointments and consent to the organizer alone', () => {
    expect(roleIds.filter((role) => can(role, 'manage-invites'))).toEqual(['organizer']);
    expect(roleIds.filter((role) => can(role, 'propose-appointment'))).toEqual(['organizer']);
    expect(roleIds.filter((role) => can(role, 'consent'))).toEqual(['organizer']);
  });

  it('lets an organizer lock clauses only while no mediator is in the room', () => {
    expect(can('organizer', 'lock')).toBe(true);
    expect(can('organizer', 'lock', { mediatorPresent: true })).toBe(false);
    expect(can('mediator', 'lock', { mediatorPresent: true })).toBe(true);
    expect(can('negotiator', 'lock')).toBe(false);
  });

  it('lets the mediator propose but not accept or sign off', () => {
    expect(can('mediator', 'propose')).toBe(true);
    expect(can('mediator', 'accept')).toBe(false);
    expect(can('mediator', 'sign-off')).toBe(false);
    expect(can('viewer', 'propose')).toBe(false);
  });

  it('keeps observers silent', () => {
    for (const action of ['comment', 'caucus', 'propose', 'edit'] as const) {
      expect(can('observer', action)).toBe(false);
    }
    expect(caucusScope('observer')).toBeNull();
    expect(caucusScope('mediator')).toBe('any-party');
    expect(caucusScope('viewer')).toBe('own-party');
  });
});

describe('colours', () => {
  it('gives each party a stable colour and neutral ones to members without a party', () => {
    expect(partyColor(0)).toBe(partyColor(16));
    expect(partyColor(0)).not.toBe(partyColor(1));
    expect(memberColor('negotiator', 2)).toBe(partyColor(2));
    expect(memberColor('mediator', null)).not.toBe(memberColor('observer', null));
  });
});
