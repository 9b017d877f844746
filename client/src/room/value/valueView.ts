// The engine's value result read for display: tolerant of fields a newer or older engine may add
// or leave out, so the panel never breaks on the shape.
export interface PartyTotals {
  allocation: number;
  costs: number;
  net: number;
  npv: number;
  allocationSharePct: number | null;
  shapleySharePct: number | null;
  contributionSharePct: number | null;
  exitTriggerPeriod: number | null;
  legacyNet: number | null;
}

export interface PeriodParty {
  allocation: number;
  net: number;
  costs: number;
}

export interface ScenarioView {
  id: string;
  periods: { t: number; pool: number; parties: Record<string, PeriodParty> }[];
  totals: Record<string, PartyTotals>;
}

const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const nn = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function readScenarios(value: unknown): ScenarioView[] {
  const scenarios = isRecord(value) && Array.isArray(value.scenarios) ? value.scenarios : [];
  return scenarios.filter(isRecord).map((s) => {
    const totals: Record<string, PartyTotals> = {};
    if (isRecord(s.totals))
      for (const [party, t] of Object.entries(s.totals)) {
        if (!isRecord(t)) continue;
        totals[party] = {
          allocation: n(t.allocation),
          costs: n(t.costs),
          net: n(t.net),
          npv: n(t.npv),
          allocationSharePct: nn(t.allocationSharePct),
          shapleySharePct: nn(t.shapleySharePct),
          contributionSharePct: nn(t.contributionSharePct),
          exitTriggerPeriod: nn(t.exitTriggerPeriod),
          legacyNet: nn(t.legacyNet),
        };
      }
    const periods = (Array.isArray(s.periods) ? s.periods : []).filter(isRecord).map((p) => {
      const parties: Record<string, PeriodParty> = {};
      if (isRecord(p.parties))
        for (const [party, v] of Object.entries(p.parties))
          if (isRecord(v))
            parties[party] = { allocation: n(v.allocation), net: n(v.net), costs: n(v.costs) };
      return { t: n(p.t), pool: n(p.pool), parties };
    });
    return { id: String(s.id ?? ''), periods, totals };
  });
}
