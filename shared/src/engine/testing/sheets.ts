/** Small hand-written term sheets for tests: three parties, one scenario, one stream. */

type Json = Record<string, unknown>;

export interface SheetOptions {
  parties?: Json[];
  periods?: number;
  periodUnit?: 'month' | 'quarter' | 'year';
  discountRatePct?: number;
  drivers?: Json;
  scenarios?: Json[];
  clauses?: Json[];
}

export const threeParties = [
  { id: 'csp', name: 'Northwind Telecom', role: 'network' },
  { id: 'insurer', name: 'Contoso Health', role: 'channel', lead: true },
  { id: 'device', name: 'Fabrikam Devices', role: 'device' },
];

export function clause(kind: string, params: Json, id = `c-${kind}`, text = ''): Json {
  return { id, kind, title: kind, text, params };
}

/** One stream "subs" of `unitPrice` per unit of driver "members". */
export function revenue(unitPrice = 100, requires?: string[]): Json {
  return clause('revenue', {
    streams: [
      {
        id: 'subs',
        name: 'Subscriptions',
        driver: 'members',
        unitPrice,
        ...(requires ? { requires } : {}),
      },
    ],
  });
}

export function fixedSplit(fixed: Json, costRecovery = false): Json {
  return clause('value-sharing', { costRecovery, method: 'fixed', fixed });
}

export function sheet(options: SheetOptions = {}): Json {
  return {
    format: 'parley.termsheet/v1',
    title: 'Test sheet',
    ecosystem: 'mhealth',
    currency: 'EUR',
    parties: options.parties ?? threeParties,
    assumptions: {
      periods: options.periods ?? 1,
      periodUnit: options.periodUnit ?? 'quarter',
      discountRatePct: options.discountRatePct ?? 0,
      scenarios: options.scenarios ?? [
        { id: 'base', name: 'Base', drivers: options.drivers ?? { members: 100 } },
      ],
    },
    clauses: options.clauses ?? [revenue(), fixedSplit({ csp: 40, insurer: 40, device: 20 })],
  };
}
