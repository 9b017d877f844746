// Proposals: the impact is the engine on the sheet against the sheet plus the change, bad changes
// are refused without touching the input, and one rejection closes a proposal.
import { describe, expect, it } from 'vitest';
import { templates } from '../templates';
import { computeValue } from '../engine';
import { applyProposalChange, decisionOutcome, pendingParties, proposalImpact } from './proposal';
import type { Proposal } from './proposal';

const sheet = templates.telematics;
const sharing = sheet.clauses.find((c) => c.kind === 'value-sharing')!;

describe('proposal impact', () => {
  it('is the difference between the engine on the sheet and on the sheet plus the change', () => {
    const change = { clauseId: sharing.id, params: [], text: 'New wording only.' };
    const impact = proposalImpact(sheet, change);
    expect(impact.ok).toBe(true);
    // Text alone moves no figure.
    for (const scenario of impact.scenarios) {
      for (const party of Object.values(scenario.parties)) {
        expect([party.allocation.delta, party.net.delta, party.npv.delta]).toEqual([0, 0, 0]);
      }
    }
    const proposed = applyProposalChange(sheet, change).termsheet;
    const after = computeValue(proposed);
    const first = impact.scenarios[0]!;
    const [partyId, party] = Object.entries(first.parties)[0]!;
    expect(party.npv.after).toBe(after.scenarios[0]!.totals[partyId]!.npv);
  });

  it('reports an invalid proposed sheet as issues', () => {
    const impact = proposalImpact(sheet, {
      clauseId: sharing.id,
      params: [{ path: 'method', value: 'nonsense' }],
    });
    expect(impact.ok).toBe(false);
    expect(impact.issues.length).toBeGreaterThan(0);
    expect(impact.scenarios).toEqual([]);
  });

  it('refuses paths through plain values and unknown clauses, without touching the input', () => {
    const before = JSON.stringify(sheet);
    const bad = applyProposalChange(sheet, {
      clauseId: sharing.id,
      params: [{ path: 'method.deeper', value: 1 }],
    });
    expect(bad.termsheet).toBeNull();
    expect(bad.issues[0]).toMatchObject({ clauseId: sharing.id, param: 'method.deeper' });
    expect(applyProposalChange(sheet, { clauseId: 'nope', params: [] }).termsheet).toBeNull();
    expect(JSON.stringify(sheet)).toBe(before);
  });
});

describe('decisions', () => {
  const base = {
    author: { memberId: 'm1', name: 'A', role: 'negotiator', partyId: 'a' },
    decisions: [],
  } as unknown as Pick<Proposal, 'decisions' | 'author'>;
  const accept = (partyId: string) => ({
    partyId,
    decision: 'accept' as const,
    memberId: partyId,
    name: partyId,
    at: 1,
    implicit: false,
  });

  it('needs every other party, and one rejection closes it', () => {
    expect(pendingParties(base, ['a', 'b', 'c'])).toEqual(['b', 'c']);
    expect(decisionOutcome({ ...base, decisions: [accept('b')] }, ['a', 'b', 'c'])).toBe('open');
    expect(
      decisionOutcome({ ...base, decisions: [accept('b'), accept('c')] }, ['a', 'b', 'c']),
    ).toBe('accepted');
    expect(
      decisionOutcome({ ...base, decisions: [{ ...accept('b'), decision: 'reject' }] }, ['a', 'b']),
    ).toBe('rejected');
    const byMediator = { ...base, author: { ...base.author, partyId: null } };
    expect(pendingParties(byMediator, ['a', 'b'])).toEqual(['a', 'b']);
  });
});
