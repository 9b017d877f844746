// "Since your last visit" on a real template: empty at first, then others' comments, mentions,
// changed clauses with who changed them, and how each party's totals moved.
import { describe, expect, it } from 'vitest';
import { computeValue } from '../engine';
import { createRoomDoc, exportTermSheet, setClauseText, setParam } from '../room';
import { templates } from '../templates';
import type { CommentThread } from './schemas';
import { captureVisitBaseline, changedPaths, summarizeSinceLastVisit } from './visits';

const ada = { memberId: 'm-ada', name: 'Ada', role: 'negotiator' as const, partyId: 'insurer' };
const bo = { memberId: 'm-bo', name: 'Bo', role: 'negotiator' as const, partyId: 'csp' };

function baselineOf(doc: ReturnType<typeof createRoomDoc>, at: number) {
  const termsheet = exportTermSheet(doc);
  return captureVisitBaseline(termsheet, computeValue(termsheet), at);
}

function thread(): CommentThread {
  const comment = (id: string, author: typeof ada, at: number, mentions: string[] = []) => ({
    id,
    threadId: 't1',
    author,
    body: `${id} @[Ada](member:m-ada)`,
    mentions,
    createdAt: at,
    editedAt: null,
    deletedAt: null,
  });
  return {
    id: 't1',
    roomId: 'r',
    clauseId: 'c-revenue',
    anchor: { type: 'param', clauseId: 'c-revenue', param: 'streams.0.unitPrice' },
    visibility: 'room',
    partyId: null,
    title: null,
    createdBy: ada,
    createdAt: 50,
    updatedAt: 300,
    status: 'open',
    statusChangedBy: null,
    statusChangedAt: null,
    comments: [
      comment('old', ada, 50),
      comment('mine', ada, 150),
      comment('reply', bo, 200, ['m-ada']),
      comment('plain', bo, 300),
    ],
  };
}

describe('since your last visit', () => {
  it('is empty on a first visit', () => {
    const doc = createRoomDoc(templates.mhealth);
    const summary = summarizeSinceLastVisit({
      memberId: 'm-ada',
      previous: null,
      current: baselineOf(doc, 1),
      threads: [thread()],
      changes: [],
      names: {},
    });
    expect(summary).toEqual({
      since: null,
      newComments: [],
      mentions: [],
      clauseChanges: [],
      valueEffect: [],
    });
  });

  it('lists others’ new comments, mentions, changed clauses with who changed them, and the effect on each party', () => {
    const doc = createRoomDoc(templates.mhealth);
    const previous = baselineOf(doc, 100);
    const price = templates.mhealth.clauses.find((c) => c.id === 'c-revenue')!.params as {
      streams: { unitPrice: number }[];
    };
    setParam(doc, 'c-revenue', ['streams', 0, 'unitPrice'], price.streams[0]!.unitPrice + 300);
    setClauseText(doc, 'c-scope', 'A narrower scope.');
    const summary = summarizeSinceLastVisit({
      memberId: 'm-ada',
      previous,
      current: baselineOf(doc, 400),
      threads: [thread()],
      changes: [
        { clauseId: 'c-scope', memberId: 'm-carol', at: 120 },
        { clauseId: 'c-revenue', memberId: 'm-bo', at: 130 },
        { clauseId: 'c-scope', memberId: 'm-bo', at: 140 },
        { clauseId: 'c-scope', memberId: 'm-carol', at: 160 },
        { clauseId: 'c-term', memberId: 'm-bo', at: 170 },
      ],
      names: { 'm-bo': 'Bo', 'm-carol': 'Carol' },
    });

    expect(summary.since).toBe(100);
    expect(summary.newComments.map((c) => [c.commentId, c.isReply, c.author.name])).toEqual([
      ['reply', true, 'Bo'],
      ['plain', true, 'Bo'],
    ]);
    expect(summary.newComments[0]?.excerpt).toBe('reply @Ada');
    expect(summary.mentions.map((c) => c.commentId)).toEqual(['reply']);

    // c-term was touched but reads the same as before, so it is not a change worth showing.
    expect(summary.clauseChanges).toEqual([
      {
        clauseId: 'c-scope',
        title: expect.any(String),
        textChanged: true,
        paramsChanged: false,
        changedParams: [],
        paramChanges: [],
        removed: false,
        added: false,
        changedBy: [
          { memberId: 'm-carol', name: 'Carol' },
          { memberId: 'm-bo', name: 'Bo' },
        ],
        lastChangedAt: 160,
      },
      {
        clauseId: 'c-revenue',
        title: expect.any(String),
        textChanged: false,
        paramsChanged: true,
        changedParams: ['streams.0.unitPrice'],
        paramChanges: [
          {
            path: 'streams.0.unitPrice',
            before: price.streams[0]!.unitPrice,
            after: price.streams[0]!.unitPrice + 300,
          },
        ],
        removed: false,
        added: false,
        changedBy: [{ memberId: 'm-bo', name: 'Bo' }],
        lastChangedAt: 130,
      },
    ]);

    // A higher price grows the pool: every scenario moves, and the parties' allocations add up
    // to exactly the extra revenue the engine computes.
    expect(summary.valueEffect.map((s) => s.scenarioId)).toEqual(
      templates.mhealth.assumptions.scenarios.map((s) => s.id),
    );
    for (const scenario of summary.valueEffect) {
      expect(scenario.parties.map((p) => p.partyId).sort()).toEqual(
        ['care', 'csp', 'device', 'insurer'].sort(),
      );
      const gained = scenario.parties.reduce((sum, p) => sum + (p.allocationDelta ?? 0), 0);
      expect(gained).toBeGreaterThan(0);
      for (const party of scenario.parties) {
        expect(party.netDelta).toBe(party.after!.net - party.before!.net);
      }
    }
  });

  it('reports no value effect when only text changed', () => {
    const doc = createRoomDoc(templates.mhealth);
    const previous = baselineOf(doc, 100);
    setClauseText(doc, 'c-scope', 'Reworded.');
    const summary = summarizeSinceLastVisit({
      memberId: 'm-ada',
      previous,
      current: baselineOf(doc, 200),
      threads: [],
      changes: [{ clauseId: 'c-scope', memberId: 'm-gone', at: 150 }],
      names: {},
    });
    expect(summary.valueEffect).toEqual([]);
    expect(summary.clauseChanges[0]?.changedBy).toEqual([
      { memberId: 'm-gone', name: 'A former member' },
    ]);
  });

  it('finds the changed paths between two params objects', () => {
    expect(
      changedPaths({ a: 1, b: [1, 2], c: { d: 1 } }, { a: 1, b: [1, 3, 4], c: {}, e: true }),
    ).toEqual(['b.1', 'b.2', 'c.d', 'e']);
  });
});
