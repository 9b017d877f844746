// Comparing two states of a sheet (two versions, or a version and now): per clause a word-level
// redline, parameter changes old → new, clauses added, removed or moved, and what the figures of
// every party did in every scenario.
import { paramValueChanges } from '../room/param-changes';
import { asLooseSheet, paramNameText, paramValueText } from './paramText';
import type { LooseSheet } from './paramText';
import { clausePlainText } from './sheetText';
import { diffTokens, redline } from './wordDiff';
import type { RedlineSegment } from './wordDiff';

/** One side of a comparison: a term sheet and its value result (null when it has none). */
export interface SheetState {
  termsheet: unknown;
  value: unknown;
}

export interface ParamComparison {
  path: string;
  /** "Value sharing · fixed · Kestrel Mobile". */
  name: string;
  /** As a reader sees it; null where the parameter did not exist. */
  before: string | null;
  after: string | null;
}

export type ClauseStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ClauseComparison {
  clauseId: string;
  kind: string;
  status: ClauseStatus;
  /** Its place in the sheet, from 1; null on the side that does not have it. */
  position: { before: number | null; after: number | null };
  /** Whether it moved against the clauses around it. */
  moved: boolean;
  title: { before: string | null; after: string | null };
  textChanged: boolean;
  /** The text from before to after; all added for a new clause, all removed for a removed one. */
  text: RedlineSegment[];
  params: ParamComparison[];
}

export interface FieldComparison {
  field: string;
  before: string | null;
  after: string | null;
}

export interface Totals {
  allocation: number;
  net: number;
  npv: number;
}

export interface PartyValueComparison {
  partyId: string;
  name: string;
  before: Totals | null;
  after: Totals | null;
  /** after − before, where both exist. */
  delta: Totals | null;
}

export interface ScenarioComparison {
  scenarioId: string;
  name: string;
  parties: PartyValueComparison[];
}

export interface SheetComparison {
  /** The sheet's title, currency and parties. */
  header: FieldComparison[];
  /** Periods, discount rate, scenarios and their drivers. */
  assumptions: FieldComparison[];
  clauses: ClauseComparison[];
  value: { currency: string; scenarios: ScenarioComparison[] };
  /** Whether anything at all differs. */
  changed: boolean;
}

type LooseClause = NonNullable<LooseSheet['clauses']>[number];

function clausesOf(sheet: LooseSheet): LooseClause[] {
  return Array.isArray(sheet.clauses) ? sheet.clauses : [];
}

function compareClause(
  from: LooseSheet,
  to: LooseSheet,
  before: LooseClause | undefined,
  after: LooseClause | undefined,
): Omit<ClauseComparison, 'position' | 'moved'> {
  const any = (after ?? before)!;
  const textBefore = before ? clausePlainText(from, before) : '';
  const textAfter = after ? clausePlainText(to, after) : '';
  const params = paramValueChanges(before?.params ?? {}, after?.params ?? {}).map((change) => ({
    path: change.path,
    name: paramNameText(after ? to : from, any, change.path),
    before:
      before === undefined || !('before' in change)
        ? null
        : paramValueText(from, any.id, change.path, change.before),
    after:
      after === undefined || !('after' in change)
        ? null
        : paramValueText(to, any.id, change.path, change.after),
  }));
  const title = {
    before: before ? (before.title ?? '') : null,
    after: after ? (after.title ?? '') : null,
  };
  const textChanged = textBefore !== textAfter;
  const status: ClauseStatus =
    before === undefined
      ? 'added'
      : after === undefined
        ? 'removed'
        : textChanged || params.length > 0 || title.before !== title.after
          ? 'changed'
          : 'unchanged';
  return {
    clauseId: any.id,
    kind: any.kind,
    status,
    title,
    textChanged,
    text: redline(textBefore, textAfter),
    params,
  };
}

function partyNames(sheet: LooseSheet): string {
  return (sheet.parties ?? []).map((p) => p.name || p.id).join(', ');
}

function headerChanges(from: LooseSheet, to: LooseSheet): FieldComparison[] {
  const out: FieldComparison[] = [];
  const field = (name: string, a: string | null, b: string | null): void => {
    if (a !== b) out.push({ field: name, before: a, after: b });
  };
  field('Title', from.title ?? null, to.title ?? null);
  field('Currency', from.currency ?? null, to.currency ?? null);
  field('Parties', partyNames(from), partyNames(to));
  return out;
}

function show(value: unknown): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function assumptionChanges(from: LooseSheet, to: LooseSheet): FieldComparison[] {
  return paramValueChanges(from.assumptions ?? {}, to.assumptions ?? {}).map((c) => ({
    field: c.path,
    before: show(c.before),
    after: show(c.after),
  }));
}

interface LooseValue {
  scenarios?: { id: string; totals?: Record<string, Partial<Totals>> }[];
}

function totalsOf(value: unknown, scenarioId: string, partyId: string): Totals | null {
  const scenarios = (value as LooseValue | null)?.scenarios;
  const t = Array.isArray(scenarios)
    ? scenarios.find((s) => s.id === scenarioId)?.totals?.[partyId]
    : undefined;
  if (t === undefined) return null;
  return { allocation: t.allocation ?? 0, net: t.net ?? 0, npv: t.npv ?? 0 };
}

function valueChanges(
  from: SheetState,
  to: SheetState,
  a: LooseSheet,
  b: LooseSheet,
): ScenarioComparison[] {
  const scenarioIds: { id: string; name: string }[] = [];
  for (const sheet of [b, a])
    for (const s of sheet.assumptions?.scenarios ?? [])
      if (!scenarioIds.some((x) => x.id === s.id))
        scenarioIds.push({ id: s.id, name: s.name || s.id });
  const parties: { id: string; name: string }[] = [];
  for (const sheet of [b, a])
    for (const p of sheet.parties ?? [])
      if (!parties.some((x) => x.id === p.id)) parties.push({ id: p.id, name: p.name || p.id });
  return scenarioIds.map((scenario) => ({
    scenarioId: scenario.id,
    name: scenario.name,
    parties: parties.map((party) => {
      const before = totalsOf(from.value, scenario.id, party.id);
      const after = totalsOf(to.value, scenario.id, party.id);
      return {
        partyId: party.id,
        name: party.name,
        before,
        after,
        delta:
          before && after
            ? {
                allocation: after.allocation - before.allocation,
                net: after.net - before.net,
                npv: after.npv - before.npv,
              }
            : null,
      };
    }),
  }));
}

/** Everything that differs from `from` to `to`, clauses in the order of `to`, removed ones where they were. */
export function compareSheets(from: SheetState, to: SheetState): SheetComparison {
  const a = asLooseSheet(from.termsheet);
  const b = asLooseSheet(to.termsheet);
  const before = clausesOf(a);
  const after = clausesOf(b);
  const beforeIds = before.map((c) => c.id);
  const afterIds = after.map((c) => c.id);
  // The clauses both have, in each order: those outside the longest common order moved.
  const common = new Set(beforeIds.filter((id) => afterIds.includes(id)));
  const moved = new Set(
    diffTokens(
      beforeIds.filter((id) => common.has(id)),
      afterIds.filter((id) => common.has(id)),
    )
      .filter((op) => op.op === 'added')
      .map((op) => op.token),
  );
  const order: string[] = [];
  // Removed clauses appear after the clause that preceded them before.
  for (const id of afterIds) order.push(id);
  beforeIds.forEach((id, index) => {
    if (afterIds.includes(id)) return;
    const previous = beforeIds
      .slice(0, index)
      .reverse()
      .find((p) => order.includes(p));
    order.splice(previous === undefined ? 0 : order.indexOf(previous) + 1, 0, id);
  });
  const clauses = order.map((id) => {
    const was = before.find((c) => c.id === id);
    const is = after.find((c) => c.id === id);
    const result = compareClause(a, b, was, is);
    return {
      ...result,
      position: {
        before: was ? beforeIds.indexOf(id) + 1 : null,
        after: is ? afterIds.indexOf(id) + 1 : null,
      },
      moved: moved.has(id),
    };
  });
  const header = headerChanges(a, b);
  const assumptions = assumptionChanges(a, b);
  const value = valueChanges(from, to, a, b);
  const changed =
    header.length > 0 ||
    assumptions.length > 0 ||
    clauses.some((c) => c.status !== 'unchanged' || c.moved) ||
    value.some((s) =>
      s.parties.some(
        (p) =>
          p.delta === null || p.delta.allocation !== 0 || p.delta.net !== 0 || p.delta.npv !== 0,
      ),
    );
  return {
    header,
    assumptions,
    clauses,
    value: { currency: b.currency ?? a.currency ?? '', scenarios: value },
    changed,
  };
}
