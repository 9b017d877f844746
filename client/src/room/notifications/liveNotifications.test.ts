// The bell's live news: what counts as news for whom, told once, never about oneself.
import type { CaucusMessage, ProposalView } from '@parley/shared/mediation';
import { describe, expect, it } from 'vitest';
import { added, caucusNews, presentMembers, proposalNews, voidedNews } from './liveNotifications';
import type { LiveState, LiveViewer } from './liveNotifications';

const ada: LiveViewer = { memberId: 'm-ada', partyId: 'csp', decides: true };
const mediator: LiveViewer = { memberId: 'm-mina', partyId: null, decides: false };
const title = (id: string) => (id === 'c-sharing' ? 'Value sharing' : 'a clause');

const message = (authorId: string): CaucusMessage => ({
  id: 'msg-1',
  partyId: 'csp',
  authorId,
  authorName: authorId === 'm-mina' ? 'Mina Ortega' : 'Ada Kestrel',
  authorRole: authorId === 'm-mina' ? 'mediator' : 'negotiator',
  body: 'Between us:\ncould you live with 45 %?',
  at: 10,
});

function proposal(overrides: Partial<ProposalView>): ProposalView {
  return {
    id: 'p-1',
    roomId: 'r',
    clauseId: 'c-sharing',
    params: [{ path: 'fixed.csp', value: 45 }],
    text: null,
    rationale: 'why',
    author: { memberId: 'm-ben', name: 'Ben Aldermoor', role: 'negotiator', partyId: 'insurer' },
    createdAt: 20,
    updatedAt: 20,
    baseHash: 'h',
    status: 'open',
    counterTo: null,
    counteredBy: null,
    decisions: [],
    appliedAt: null,
    appliedBy: null,
    staleAt: null,
    requiredParties: ['csp'],
    pendingParties: ['csp'],
    applyMode: 'automatic',
    impact: { ok: true, scenarios: [] },
    ...overrides,
  } as ProposalView;
}

describe('live notifications', () => {
  it('tell a caucus message to the other side only, with the party for the mediator', () => {
    expect(caucusNews(message('m-ada'), ada, () => 'Kestrel Mobile')).toBeNull();
    expect(caucusNews(message('m-mina'), ada, () => 'Kestrel Mobile')).toMatchObject({
      kind: 'caucus',
      actor: 'Mina Ortega',
      text: 'wrote in the caucus: “Between us: could you live with 45 %?”',
    });
    expect(caucusNews(message('m-ada'), mediator, () => 'Kestrel Mobile')?.text).toMatch(
      /^wrote in the caucus with Kestrel Mobile/,
    );
  });

  it('tell a proposal only to a party whose decision it awaits, not to its author', () => {
    expect(proposalNews(proposal({}), ada, title)).toMatchObject({
      id: 'proposal:p-1',
      text: 'proposed a change to Value sharing; your party’s decision is awaited',
      clauseId: 'c-sharing',
    });
    expect(proposalNews(proposal({ pendingParties: [] }), ada, title)).toBeNull();
    expect(proposalNews(proposal({ status: 'accepted' }), ada, title)).toBeNull();
    expect(proposalNews(proposal({}), mediator, title)).toBeNull();
    const own = proposal({
      author: { memberId: 'm-ada', name: 'Ada', role: 'negotiator', partyId: 'csp' },
    });
    expect(proposalNews(own, ada, title)).toBeNull();
  });

  it('keep each piece of news once, newest first, and count the unread', () => {
    let state: LiveState = { items: [], unread: 0 };
    const first = proposalNews(proposal({}), ada, title)!;
    state = added(state, first)!;
    // The same proposal changes again (another party decided): not news twice.
    expect(added(state, first)).toBeNull();
    const voided = voidedNews(
      {
        signOff: {
          clauseId: 'c-sharing',
          partyId: 'csp',
          voidedAt: 30,
        } as never,
        reason: 'value-changed',
      },
      title,
      30,
    );
    state = added(state, voided)!;
    expect(state.items.map((n) => n.kind)).toEqual(['voided', 'proposal']);
    expect(state.unread).toBe(2);
    expect(voided.text).toBe(
      'Your party’s sign-off on Value sharing was voided: the figures changed',
    );
  });

  it('see who is present apart from oneself, once per member', () => {
    const present = presentMembers(
      {
        roomId: 'r',
        entries: [
          {
            connectionId: '1',
            memberId: 'm-ada',
            name: 'Ada',
            role: 'negotiator',
            partyId: 'csp',
            color: '#000',
            focus: null,
          },
          {
            connectionId: '2',
            memberId: 'm-ben',
            name: 'Ben',
            role: 'negotiator',
            partyId: 'insurer',
            color: '#000',
            focus: null,
          },
          {
            connectionId: '3',
            memberId: 'm-ben',
            name: 'Ben',
            role: 'negotiator',
            partyId: 'insurer',
            color: '#000',
            focus: null,
          },
        ],
      },
      'm-ada',
    );
    expect([...present.entries()]).toEqual([['m-ben', 'Ben']]);
  });
});
