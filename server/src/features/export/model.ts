// What every export format prints, built once: the sheet's clauses (clean, or as a redline
// against a chosen version), the value summary per scenario, and draft or agreed status.
import {
  NOW,
  asLooseSheet,
  clauseParagraphs,
  compareSheets,
  moneyText,
} from '@parley/shared/versions';
import type {
  LooseSheet,
  ParamComparison,
  RedlineSegment,
  VersionSummary,
} from '@parley/shared/versions';
import type { AgreedRecord } from './deps';

export interface ExportClause {
  number: number;
  title: string;
  /** The title it had in the version compared against, when it differs. */
  formerTitle: string | null;
  status: 'added' | 'removed' | 'changed' | 'unchanged' | 'clean';
  moved: boolean;
  /** Paragraphs of runs; in a clean export every run is `same`. */
  paragraphs: RedlineSegment[][];
  params: ParamComparison[];
}

export interface ValueRow {
  party: string;
  allocation: string;
  costs: string;
  net: string;
  npv: string;
  /** In a redline: the change in net since the version compared against. */
  netChange: string | null;
}

export interface ValueTable {
  scenario: string;
  rows: ValueRow[];
  total: ValueRow;
}

export interface ExportModel {
  title: string;
  status: 'draft' | 'agreed';
  generatedAt: number;
  currency: string;
  parties: string[];
  against: VersionSummary | null;
  clauses: ExportClause[];
  values: ValueTable[];
  /** Why there are no figures, when the engine found errors. */
  valueProblem: string | null;
  agreed: AgreedRecord | null;
}

interface LooseTotals {
  allocation?: number;
  costs?: number;
  net?: number;
  npv?: number;
}

interface LooseValue {
  issues?: { severity?: string; message?: string }[];
  scenarios?: { id: string; totals?: Record<string, LooseTotals> }[];
}

function splitParagraphs(segments: RedlineSegment[]): RedlineSegment[][] {
  const out: RedlineSegment[][] = [[]];
  for (const segment of segments) {
    const pieces = segment.text.split('\n');
    pieces.forEach((piece, index) => {
      if (index > 0) out.push([]);
      if (piece !== '') out[out.length - 1]!.push({ op: segment.op, text: piece });
    });
  }
  return out.filter((p) => p.length > 0);
}

function signed(sheet: LooseSheet, amount: number, withSign: boolean): string {
  const text = moneyText(sheet, amount);
  return withSign && amount > 0 ? `+${text}` : text;
}

function valueTables(sheet: LooseSheet, value: unknown, before: unknown): ValueTable[] {
  const result = value as LooseValue | null;
  const previous = before as LooseValue | null;
  const parties = sheet.parties ?? [];
  return (sheet.assumptions?.scenarios ?? []).flatMap((scenario) => {
    const totals = result?.scenarios?.find((s) => s.id === scenario.id)?.totals;
    if (totals === undefined) return [];
    const earlier = previous?.scenarios?.find((s) => s.id === scenario.id)?.totals;
    const sum = { allocation: 0, costs: 0, net: 0, npv: 0, change: 0 };
    const rows = parties.map((party) => {
      const t = totals[party.id] ?? {};
      const was = earlier?.[party.id];
      const change = was === undefined ? null : (t.net ?? 0) - (was.net ?? 0);
      sum.allocation += t.allocation ?? 0;
      sum.costs += t.costs ?? 0;
      sum.net += t.net ?? 0;
      sum.npv += t.npv ?? 0;
      sum.change += change ?? 0;
      return {
        party: party.name || party.id,
        allocation: moneyText(sheet, t.allocation ?? 0),
        costs: moneyText(sheet, t.costs ?? 0),
        net: moneyText(sheet, t.net ?? 0),
        npv: moneyText(sheet, t.npv ?? 0),
        netChange: before === undefined || change === null ? null : signed(sheet, change, true),
      };
    });
    return [
      {
        scenario: scenario.name || scenario.id,
        rows,
        total: {
          party: 'Total',
          allocation: moneyText(sheet, sum.allocation),
          costs: moneyText(sheet, sum.costs),
          net: moneyText(sheet, sum.net),
          npv: moneyText(sheet, sum.npv),
          netChange: before === undefined ? null : signed(sheet, sum.change, true),
        },
      },
    ];
  });
}

export function buildExportModel(input: {
  now: { termsheet: unknown; value: unknown };
  against: { version: VersionSummary; termsheet: unknown; value: unknown } | null;
  agreed: AgreedRecord | null;
  generatedAt: number;
}): ExportModel {
  const sheet = asLooseSheet(input.now.termsheet);
  const errors = ((input.now.value as LooseValue | null)?.issues ?? []).filter(
    (i) => i.severity === 'error',
  );
  let clauses: ExportClause[];
  if (input.against === null) {
    clauses = (sheet.clauses ?? []).map((clause, index) => ({
      number: index + 1,
      title: clause.title || clause.id,
      formerTitle: null,
      status: 'clean',
      moved: false,
      paragraphs: clauseParagraphs(sheet, clause).map((text) => [{ op: 'same', text }]),
      params: [],
    }));
  } else {
    const comparison = compareSheets(
      { termsheet: input.against.termsheet, value: input.against.value },
      input.now,
    );
    let number = 0;
    clauses = comparison.clauses.map((c) => {
      if (c.status !== 'removed') number += 1;
      const title = c.title.after ?? c.title.before ?? c.clauseId;
      return {
        number: c.status === 'removed' ? 0 : number,
        title,
        formerTitle: c.title.before !== null && c.title.before !== title ? c.title.before : null,
        status: c.status,
        moved: c.moved,
        paragraphs: splitParagraphs(c.text),
        params: c.params,
      };
    });
  }
  return {
    title: sheet.title || 'Term sheet',
    status: input.agreed === null ? 'draft' : 'agreed',
    generatedAt: input.generatedAt,
    currency: sheet.currency ?? '',
    parties: (sheet.parties ?? []).map((p) => p.name || p.id),
    against: input.against?.version ?? null,
    clauses,
    values:
      errors.length > 0
        ? []
        : valueTables(
            sheet,
            input.now.value,
            input.against === null ? undefined : input.against.value,
          ),
    valueProblem:
      errors.length > 0
        ? `The sheet has ${errors.length} error(s), so the calculator shows no figures: ${errors[0]?.message ?? ''}`
        : null,
    agreed: input.agreed,
  };
}

export { NOW };
