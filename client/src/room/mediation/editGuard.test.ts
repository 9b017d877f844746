// The question before voiding sign-offs: which sign-offs an edit voids, that an edit voiding none
// goes straight through, and that a confirmed edit runs once and is not asked about again.
import type { SignOff } from '@parley/shared/mediation';
import { describe, expect, it } from 'vitest';
import { affectedSignOffs, EditGuard } from './editGuard';

function signOff(id: string, clauseId: string, partyId: string, voided = false): SignOff {
  return {
    id,
    roomId: 'r',
    clauseId,
    partyId,
    memberId: `m-${partyId}`,
    memberName: partyId,
    contentHash: 'c',
    valueHash: 'v',
    headerHash: 'h',
    assumptionsHash: 'a',
    signedAt: 1,
    auditHead: null,
    voidedAt: voided ? 2 : null,
    voidReason: voided ? 'clause-changed' : null,
  };
}

const signOffs = [
  signOff('1', 'c-term', 'csp'),
  signOff('2', 'c-term', 'insurer'),
  signOff('3', 'c-share', 'csp'),
  signOff('4', 'c-share', 'insurer', true),
];

describe('affectedSignOffs', () => {
  it('voids the clause’s own sign-offs when only its content changes', () => {
    const ids = affectedSignOffs(signOffs, { clauseId: 'c-term', valueMoves: false });
    expect(ids.map((s) => s.id)).toEqual(['1', '2']);
  });

  it('voids every sign-off that holds when the figures move or the header or assumptions change', () => {
    expect(
      affectedSignOffs(signOffs, { clauseId: 'c-term', valueMoves: true }).map((s) => s.id),
    ).toEqual(['1', '2', '3']);
    expect(
      affectedSignOffs(signOffs, { clauseId: null, valueMoves: false }).map((s) => s.id),
    ).toEqual(['1', '2', '3']);
  });
});

describe('EditGuard', () => {
  it('lets an edit through at once when it voids nothing', () => {
    const guard = new EditGuard(() => signOffs);
    let ran = 0;
    expect(guard.request({ clauseId: 'c-exit', valueMoves: false }, () => ran++)).toBe(true);
    expect(ran).toBe(1);
    expect(guard.state.getState().pending).toBeNull();
  });

  it('holds an edit that voids sign-offs until confirmed, then does not ask again for them', () => {
    const guard = new EditGuard(() => signOffs);
    let ran = 0;
    expect(guard.request({ clauseId: 'c-term', valueMoves: false }, () => ran++)).toBe(false);
    expect(ran).toBe(0);
    expect(guard.state.getState().pending?.affected.map((s) => s.id)).toEqual(['1', '2']);
    guard.confirm();
    expect(ran).toBe(1);
    expect(guard.request({ clauseId: 'c-term', valueMoves: false }, () => ran++)).toBe(true);
    expect(ran).toBe(2);
    // Moving the figures would void more than was confirmed: asked again.
    expect(guard.request({ clauseId: 'c-term', valueMoves: true }, () => ran++)).toBe(false);
  });

  it('drops a cancelled edit', () => {
    const guard = new EditGuard(() => signOffs);
    let ran = 0;
    guard.request({ clauseId: 'c-share', valueMoves: false }, () => ran++);
    guard.cancel();
    expect(ran).toBe(0);
    expect(guard.state.getState().pending).toBeNull();
    expect(guard.request({ clauseId: 'c-share', valueMoves: false }, () => ran++)).toBe(false);
  });
});
