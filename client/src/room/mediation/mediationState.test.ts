// How the mediation a member sees changes with the server's events and the answers to their own
// actions: merged by the right key, the dispute queue kept honest, nothing counted twice.
import type {
  CaucusMessage,
  Dispute,
  Draft,
  OverlapPublication,
  ProposalView,
} from '@parley/shared/mediation';
import { describe, expect, it } from 'vitest';
import {
  actionAnswered,
  initialMediationSnapshot,
  mediationEvents,
  noticeAdded,
  noticeDismissed,
} from './mediationState';
import type { MediationSnapshot, MediationUpdate } from './mediationState';

function dispute(id: string, status: Dispute['status'] = 'open', openedAt = 100): Dispute {
  return {
    id,
    clauseId: 'c-split',
    partyId: 'ins',
    position: 'The insurer needs 45 %.',
    openedBy: 'm-ben',
    openedAt,
    status,
    closedBy: status === 'open' ? null : 'm-med',
    closedAt: status === 'open' ? null : 200,
    resolution: null,
  };
}

function draft(number: number, votes: Draft['votes'] = []): Draft {
  return {
    number,
    note: `Draft ${number}`,
    stateVector: 'AA==',
    createdBy: 'm-med',
    createdAt: 100,
    votes,
  };
}

function message(id: string, partyId: string): CaucusMessage {
  return {
    id,
    partyId,
    authorId: 'm-med',
    authorName: 'Mara',
    authorRole: 'mediator',
    body: 'Could you live with 40 %?',
    at: 100,
  };
}

function proposal(id: string, status: ProposalView['status'] = 'open'): ProposalView {
  return {
    id,
    roomId: 'room-1',
    clauseId: 'c-split',
    params: [{ path: 'fixed.csp', value: 40 }],
    text: null,
    rationale: 'Closer to each side’s contribution.',
    author: { memberId: 'm-ada', name: 'Ada', role: 'negotiator', partyId: 'csp' },
    createdAt: 100,
    updatedAt: 100,
    baseHash: 'h-1',
    status,
    counterTo: null,
    counteredBy: null,
    decisions: [],
    appliedAt: null,
    appliedBy: null,
    staleAt: null,
    requiredParties: ['csp', 'ins'],
    pendingParties: ['ins'],
    applyMode: 'automatic',
    impact: { ok: true, issues: [], scenarios: [] },
    blockedBy: [],
  };
}

function publication(param: string, overlap: boolean): OverlapPublication {
  return { clauseId: 'c-split', param, overlap, publishedAt: 100, publishedBy: 'm-med' };
}

/** Applies updates in turn, as the store does. */
function apply(
  snapshot: MediationSnapshot,
  ...changes: ((s: MediationSnapshot) => MediationUpdate)[]
): MediationSnapshot {
  return changes.reduce((s, change) => ({ ...s, ...change(s) }), snapshot);
}

const on = mediationEvents;

describe('mediation as the member sees it', () => {
  it('takes a dispute out of the queue as soon as it is withdrawn or resolved', () => {
    const start = apply(
      initialMediationSnapshot,
      (s) => on['disputes:queue'](s, { disputes: [dispute('d-1'), dispute('d-2', 'open', 150)] }),
      (s) => on['disputes:changed'](s, dispute('d-1')),
      (s) => on['disputes:changed'](s, dispute('d-2', 'open', 150)),
    );
    const resolved = apply(start, (s) => on['disputes:changed'](s, dispute('d-1', 'resolved')));
    expect(resolved.queue.map((d) => d.id)).toEqual(['d-2']);
    expect(resolved.disputes.map((d) => [d.id, d.status])).toEqual([
      ['d-1', 'resolved'],
      ['d-2', 'open'],
    ]);
    // A new open dispute joins the list; the queue's order is the server's, sent on its own.
    const opened = apply(resolved, (s) => on['disputes:changed'](s, dispute('d-3')));
    expect(opened.queue.map((d) => d.id)).toEqual(['d-2']);
    expect(opened.disputes.map((d) => d.id)).toEqual(['d-1', 'd-2', 'd-3']);
  });

  it('knows drafts by their number, so a vote updates the draft in place', () => {
    const state = apply(
      initialMediationSnapshot,
      (s) => on['drafts:changed'](s, draft(1)),
      (s) => on['drafts:changed'](s, draft(2)),
      (s) =>
        on['drafts:changed'](
          s,
          draft(1, [{ partyId: 'ins', vote: 'yes', memberId: 'm-ben', at: 150 }]),
        ),
    );
    expect(state.drafts.map((d) => [d.number, d.votes.length])).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });

  it('shows a caucus message once, though it comes both as the answer and as the event', () => {
    const sent = message('k-1', 'ins');
    const state = apply(
      initialMediationSnapshot,
      (s) => actionAnswered(s, 'caucus:send', sent),
      (s) => on['caucus:message'](s, sent),
      (s) => on['caucus:message'](s, message('k-2', 'csp')),
    );
    expect(state.caucus).toEqual({ ins: [sent], csp: [message('k-2', 'csp')] });
    expect(on['caucus:message'](state, sent)).toBeNull();
  });

  it('replaces a proposal by id whether the change is its own answer or news from others', () => {
    const state = apply(
      initialMediationSnapshot,
      (s) => actionAnswered(s, 'proposals:create', proposal('p-1')),
      (s) => on['proposals:changed'](s, proposal('p-2')),
      (s) => actionAnswered(s, 'proposals:decide', proposal('p-1', 'accepted')),
      (s) => on['proposals:changed'](s, proposal('p-2', 'withdrawn')),
    );
    expect(state.proposals.map((p) => [p.id, p.status])).toEqual([
      ['p-1', 'accepted'],
      ['p-2', 'withdrawn'],
    ]);
  });

  it('takes the new procedure from the answer to a lock, a mode switch or an agenda change', () => {
    const locked = { mode: 'normal' as const, locks: ['c-split'], agenda: [], current: null };
    const state = apply(initialMediationSnapshot, (s) =>
      actionAnswered(s, 'mediation:lock', locked),
    );
    expect(state.state).toEqual(locked);
    // Answers that carry nothing the views show change nothing.
    expect(actionAnswered(state, 'disputes:resolve', dispute('d-1', 'resolved'))).toBeNull();
  });

  it('keeps one published overlap per clause parameter, the latest', () => {
    const state = apply(
      initialMediationSnapshot,
      (s) => on['positions:published'](s, publication('fixed.csp', false)),
      (s) => on['positions:published'](s, publication('fixed.ins', true)),
      (s) => on['positions:published'](s, publication('fixed.csp', true)),
    );
    expect(state.published.map((p) => [p.param, p.overlap])).toEqual([
      ['fixed.csp', true],
      ['fixed.ins', true],
    ]);
  });

  it('shows the four latest notices and drops the one dismissed', () => {
    let state = initialMediationSnapshot;
    for (let id = 1; id <= 5; id++) {
      state = apply(state, (s) => noticeAdded(s, { id, tone: 'error', text: `Refused ${id}` }));
    }
    expect(state.notices.map((n) => n.id)).toEqual([2, 3, 4, 5]);
    state = apply(state, (s) => noticeDismissed(s, 3));
    expect(state.notices.map((n) => n.id)).toEqual([2, 4, 5]);
  });
});
