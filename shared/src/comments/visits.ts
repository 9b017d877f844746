// "Since your last visit": what to remember of a room when a member leaves, and the comparison that
// tells them on return what others wrote and changed and what it did to each party's totals.
import type { ValueResult } from '../engine';
import { paramValueChanges } from '../room/param-changes';
import { commentExcerpt } from './mentions';
import type { CommentThread } from './schemas';
import type {
  ClauseChangeSummary,
  PartyEffect,
  ScenarioEffect,
  SinceLastVisit,
  VisitBaseline,
  VisitCommentEntry,
} from './visit-schemas';

/** 32-bit FNV-1a of a string, hex: enough to tell whether a clause text changed. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What to remember of the room at the end of a visit, from `exportTermSheet(doc)` and
 * `computeValue` of it. Reads the raw export defensively: a half-edited term sheet still has
 * clauses worth comparing, and its totals are simply absent when it has errors.
 */
export function captureVisitBaseline(
  termsheet: unknown,
  value: ValueResult,
  at: number,
): VisitBaseline {
  const clauses: VisitBaseline['clauses'] = {};
  const list = isRecord(termsheet) && Array.isArray(termsheet.clauses) ? termsheet.clauses : [];
  for (const clause of list) {
    if (!isRecord(clause) || typeof clause.id !== 'string') continue;
    clauses[clause.id] = {
      title: typeof clause.title === 'string' ? clause.title : '',
      textHash: textHash(typeof clause.text === 'string' ? clause.text : ''),
      params: clause.params ?? null,
    };
  }
  const totals: VisitBaseline['totals'] = {};
  for (const scenario of value.scenarios) {
    const parties: Record<string, { allocation: number; net: number; npv: number }> = {};
    for (const [partyId, t] of Object.entries(scenario.totals)) {
      parties[partyId] = { allocation: t.allocation, net: t.net, npv: t.npv };
    }
    totals[scenario.id] = parties;
  }
  return { at, clauses, totals };
}

/** Dotted paths at which two JSON values differ (added, removed or changed leaves). */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  const bothRecords = isRecord(before) && isRecord(after);
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  if (!bothRecords && !bothArrays) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
  }
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) =>
    bothArrays ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0,
  );
  return keys.flatMap((key) => changedPaths(a[key], b[key], prefix ? `${prefix}.${key}` : key));
}

/** Parameter changes per clause listed with their values; `changedParams` lists them all. */
export const MAX_VISIT_PARAM_CHANGES = 50;

export interface ClauseChangeInput {
  clauseId: string;
  memberId: string | null;
  at: number;
}

export interface SinceLastVisitInput {
  memberId: string;
  /** The baseline stored at the end of the previous visit; null on a first visit. */
  previous: VisitBaseline | null;
  /** The room as it is now. */
  current: VisitBaseline;
  /** Threads the member may see (already filtered). */
  threads: readonly CommentThread[];
  /** Attributed clause changes since the previous visit (store.listClauseChanges). */
  changes: readonly ClauseChangeInput[];
  /** Display names of room members by id. */
  names: Readonly<Record<string, string>>;
}

function commentEntries(
  threads: readonly CommentThread[],
  since: number,
  memberId: string,
): { all: VisitCommentEntry[]; mentions: VisitCommentEntry[] } {
  const all: VisitCommentEntry[] = [];
  const mentions: VisitCommentEntry[] = [];
  for (const thread of threads) {
    thread.comments.forEach((comment, index) => {
      if (comment.createdAt <= since || comment.deletedAt !== null) return;
      if (comment.author.memberId === memberId) return;
      const entry: VisitCommentEntry = {
        threadId: thread.id,
        clauseId: thread.clauseId,
        commentId: comment.id,
        author: comment.author,
        excerpt: commentExcerpt(comment.body),
        createdAt: comment.createdAt,
        isReply: index > 0,
      };
      all.push(entry);
      if (comment.mentions.includes(memberId)) mentions.push(entry);
    });
  }
  const order = (x: VisitCommentEntry, y: VisitCommentEntry) =>
    x.createdAt - y.createdAt || (x.commentId < y.commentId ? -1 : 1);
  return { all: all.sort(order), mentions: mentions.sort(order) };
}

function clauseSummaries(
  input: SinceLastVisitInput,
  previous: VisitBaseline,
): ClauseChangeSummary[] {
  const { current, changes, names } = input;
  const ids = [...new Set([...Object.keys(previous.clauses), ...Object.keys(current.clauses)])];
  const out: ClauseChangeSummary[] = [];
  for (const clauseId of ids) {
    const before = previous.clauses[clauseId];
    const after = current.clauses[clauseId];
    const added = before === undefined;
    const removed = after === undefined;
    const textChanged =
      !added && !removed && (before.textHash !== after.textHash || before.title !== after.title);
    const changedParams = added || removed ? [] : changedPaths(before.params, after.params);
    const paramChanges =
      added || removed || changedParams.length === 0
        ? []
        : paramValueChanges(before.params, after.params, MAX_VISIT_PARAM_CHANGES);
    if (!added && !removed && !textChanged && changedParams.length === 0) continue;
    const byClause = changes.filter((c) => c.clauseId === clauseId);
    const who: ClauseChangeSummary['changedBy'] = [];
    for (const change of byClause) {
      if (who.some((w) => w.memberId === change.memberId)) continue;
      const name =
        change.memberId === null ? 'Parley' : (names[change.memberId] ?? 'A former member');
      who.push({ memberId: change.memberId, name });
    }
    out.push({
      clauseId,
      title: after?.title ?? null,
      textChanged,
      paramsChanged: changedParams.length > 0,
      changedParams,
      paramChanges,
      removed,
      added,
      changedBy: who,
      lastChangedAt: byClause.reduce<number | null>((m, c) => Math.max(m ?? c.at, c.at), null),
    });
  }
  return out;
}

function valueEffect(previous: VisitBaseline, current: VisitBaseline): ScenarioEffect[] {
  const out: ScenarioEffect[] = [];
  const scenarioIds = [
    ...new Set([...Object.keys(previous.totals), ...Object.keys(current.totals)]),
  ];
  for (const scenarioId of scenarioIds) {
    const before = previous.totals[scenarioId] ?? {};
    const after = current.totals[scenarioId] ?? {};
    const partyIds = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    const parties: PartyEffect[] = partyIds.map((partyId) => {
      const b = before[partyId] ?? null;
      const a = after[partyId] ?? null;
      return {
        partyId,
        before: b,
        after: a,
        netDelta: a !== null && b !== null ? a.net - b.net : null,
        allocationDelta: a !== null && b !== null ? a.allocation - b.allocation : null,
      };
    });
    const moved = parties.some(
      (p) => p.netDelta !== 0 || p.allocationDelta !== 0 || p.before?.npv !== p.after?.npv,
    );
    if (moved) out.push({ scenarioId, parties });
  }
  return out;
}

/**
 * The "since your last visit" panel: comments by others in threads the member may see, the
 * ones that mention them, clauses whose text or params differ from the previous visit with who
 * changed them, and how every party's totals moved.
 */
export function summarizeSinceLastVisit(input: SinceLastVisitInput): SinceLastVisit {
  const { previous } = input;
  if (previous === null) {
    return { since: null, newComments: [], mentions: [], clauseChanges: [], valueEffect: [] };
  }
  const comments = commentEntries(input.threads, previous.at, input.memberId);
  return {
    since: previous.at,
    newComments: comments.all,
    mentions: comments.mentions,
    clauseChanges: clauseSummaries(input, previous),
    valueEffect: valueEffect(previous, input.current),
  };
}
