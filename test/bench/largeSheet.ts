/**
 * The largest deal the term sheet format allows (16 parties, 120 monthly periods, 5 scenarios,
 * Shapley split), built deterministically so every bench run measures the same sheet.
 */

/** Deterministic pseudo-random numbers (LCG). */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The largest deal the format allows: 16 parties, 120 monthly periods, 5 scenarios, Shapley. */
export function largeShapleySheet(): unknown {
  const random = lcg(20260101);
  const partyIds = Array.from({ length: 16 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
  const pick = (n: number) => {
    const chosen = new Set<string>(['p01']);
    while (chosen.size < n) chosen.add(partyIds[Math.floor(random() * partyIds.length)] as string);
    return [...chosen];
  };
  const streams = Array.from({ length: 24 }, (_, i) => ({
    id: `s${i + 1}`,
    name: `Stream ${i + 1}`,
    driver: `volume${i + 1}`,
    unitPrice: 100 + Math.floor(random() * 5000),
    requires: pick(2 + Math.floor(random() * 5)),
  }));
  const scenarios = ['low', 'base', 'high', 'stress', 'upside'].map((id, k) => ({
    id,
    name: id,
    drivers: {
      ...Object.fromEntries(
        streams.map((s) => [
          s.driver,
          {
            start: 1000 + Math.floor(random() * 20000) * (k + 1),
            growthPct: Math.round(random() * 300) / 100,
          },
        ]),
      ),
      uptime: { series: Array.from({ length: 120 }, () => 99 + Math.round(random() * 99) / 100) },
    },
  }));
  return {
    format: 'parley.termsheet/v1',
    title: 'Sixteen-party benchmark deal',
    ecosystem: 'custom',
    currency: 'EUR',
    parties: partyIds.map((id, i) => ({
      id,
      name: `Party ${i + 1}`,
      role: 'partner',
      lead: i === 0,
    })),
    assumptions: { periods: 120, periodUnit: 'month', discountRatePct: 8, scenarios },
    clauses: [
      { id: 'rev', kind: 'revenue', title: 'Revenue', text: '', params: { streams } },
      {
        id: 'costs',
        kind: 'costs',
        title: 'Costs',
        text: '',
        params: {
          costs: partyIds.map((party, i) => ({
            party,
            name: `Costs of ${party}`,
            upfront: 100000 * (i + 1),
            fixedPerPeriod: 20000 + 1000 * i,
            perUnit: { stream: `s${(i % streams.length) + 1}`, amount: 10 + i },
          })),
        },
      },
      {
        id: 'share',
        kind: 'value-sharing',
        title: 'Value sharing',
        text: '',
        params: { costRecovery: true, method: 'shapley' },
      },
      {
        id: 'kpis',
        kind: 'outcomes',
        title: 'Outcomes',
        text: '',
        params: {
          kpis: [
            {
              id: 'uptime',
              name: 'Uptime',
              unit: '%',
              driver: 'uptime',
              target: 99.5,
              betterWhen: 'higher',
              ratePerUnit: 100000,
              capPerPeriod: 50000,
              funder: 'p01',
              beneficiaries: { p02: 50, p03: 50 },
            },
          ],
        },
      },
      {
        id: 'exit',
        kind: 'exit',
        title: 'Exit',
        text: '',
        params: {
          noticePeriods: 3,
          triggers: partyIds.map((party) => ({ party, netBelow: 0, forPeriods: 6 })),
        },
      },
      {
        id: 'legacy',
        kind: 'legacy',
        title: 'Legacy',
        text: '',
        params: {
          lines: partyIds.slice(1).map((party) => ({
            party,
            fte: 2,
            ratePerFte: 800000,
            slaCreditPct: 5,
            expectedBreaches: 1,
          })),
        },
      },
    ],
  };
}
