/**
 * A defensive view of the exported room document. The document may be mid-edit and invalid,
 * so the UI reads it through these shapes and never assumes the engine has accepted it.
 */
export interface SheetParty {
  id: string;
  name: string;
  role: string;
  lead: boolean;
}

export interface SheetClause {
  id: string;
  kind: string;
  title: string;
  params: Record<string, unknown>;
}

export type SheetDriver =
  number | { start: number; growthPct: number } | { series: number[] } | unknown;

export interface SheetScenario {
  id: string;
  name: string;
  drivers: Record<string, SheetDriver>;
  /** How likely the scenario is, when the sheet says (all scenarios or none). */
  probabilityPct: number | null;
}

export interface SheetAssumptions {
  periods: number;
  periodUnit: string;
  discountRatePct: number;
  scenarios: SheetScenario[];
}

export interface Sheet {
  title: string;
  ecosystem: string;
  currency: string;
  parties: SheetParty[];
  assumptions: SheetAssumptions;
  clauses: SheetClause[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

export function readSheet(exported: unknown): Sheet {
  const root = isRecord(exported) ? exported : {};
  const parties = (Array.isArray(root.parties) ? root.parties : []).filter(isRecord).map((p) => ({
    id: str(p.id),
    name: str(p.name, str(p.id)),
    role: str(p.role),
    lead: p.lead === true,
  }));
  const a = isRecord(root.assumptions) ? root.assumptions : {};
  const scenarios = (Array.isArray(a.scenarios) ? a.scenarios : []).filter(isRecord).map((s) => ({
    id: str(s.id),
    name: str(s.name, str(s.id)),
    drivers: isRecord(s.drivers) ? s.drivers : {},
    probabilityPct: typeof s.probabilityPct === 'number' ? s.probabilityPct : null,
  }));
  const clauses = (Array.isArray(root.clauses) ? root.clauses : []).filter(isRecord).map((c) => ({
    id: str(c.id),
    kind: str(c.kind, 'custom'),
    title: str(c.title),
    params: isRecord(c.params) ? c.params : {},
  }));
  return {
    title: str(root.title, 'Untitled negotiation'),
    ecosystem: str(root.ecosystem),
    currency: str(root.currency, 'EUR'),
    parties,
    assumptions: {
      periods: num(a.periods, 0),
      periodUnit: str(a.periodUnit, 'quarter'),
      discountRatePct: num(a.discountRatePct, 0),
      scenarios,
    },
    clauses,
  };
}

/** Index of each party in the term sheet, for its colour. */
export function partyIndex(sheet: Sheet, partyId: string | null | undefined): number {
  if (!partyId) return -1;
  return sheet.parties.findIndex((p) => p.id === partyId);
}
