import { driverSeries } from './drivers';
import type { Issue, IssueCode } from './issues';
import { MAX_AMOUNT } from './primitives';
import type { Clause, ClauseOfKind, TermSheet } from './schema';
import { isCalculatorKind } from './schema';
import { HUNDRED_PERCENT_SCALED, roundHalfAway, scalePercent } from './units';

type Path = readonly (string | number)[];

/** Collects issues; clause-scoped ones carry clauseId and the param path inside the clause. */
class Issues {
  readonly list: Issue[] = [];

  add(severity: Issue['severity'], code: IssueCode, path: Path, message: string): void {
    this.list.push({ severity, code, path: path.join('.'), message });
  }

  inClause(
    severity: Issue['severity'],
    code: IssueCode,
    index: number,
    clause: Clause,
    param: Path,
    message: string,
  ): void {
    const paramPath = param.join('.');
    this.list.push({
      severity,
      code,
      path: ['clauses', index, 'params', ...param].join('.'),
      message,
      clauseId: clause.id,
      ...(paramPath === '' ? {} : { param: paramPath }),
    });
  }
}

function has(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function quoteList(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

function duplicates<T>(items: readonly T[], key: (item: T) => string): number[] {
  const seen = new Set<string>();
  const dup: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) dup.push(i);
    seen.add(k);
  });
  return dup;
}

interface Ctx {
  ts: TermSheet;
  out: Issues;
  partyIds: Set<string>;
  partyList: string;
  streamIds: Set<string>;
}

function checkParty(
  ctx: Ctx,
  index: number,
  clause: Clause,
  param: Path,
  id: string,
  what: string,
): void {
  if (!ctx.partyIds.has(id)) {
    ctx.out.inClause(
      'error',
      'unknown-party',
      index,
      clause,
      param,
      `${what} names party "${id}", which is not in this term sheet (parties: ${ctx.partyList})`,
    );
  }
}

function checkNonNegative(
  ctx: Ctx,
  index: number,
  clause: Clause,
  param: Path,
  value: number | null | undefined,
  what: string,
): void {
  if (typeof value === 'number' && value < 0) {
    ctx.out.inClause(
      'error',
      'negative-amount',
      index,
      clause,
      param,
      `${what} is ${value}; amounts may not be negative`,
    );
  }
}

/** Unknown parties in a `{ [partyId]: pct }` split and its sum, which must be exactly 100. */
function checkSplit(
  ctx: Ctx,
  index: number,
  clause: Clause,
  param: Path,
  split: Record<string, number>,
  what: string,
): void {
  let total = 0;
  for (const [id, pct] of Object.entries(split)) {
    checkParty(ctx, index, clause, [...param, id], id, what);
    total += scalePercent(pct);
  }
  if (total !== HUNDRED_PERCENT_SCALED) {
    ctx.out.inClause(
      'error',
      'split-not-100',
      index,
      clause,
      param,
      `${what} sums to ${total / 10_000} %; it must sum to exactly 100 %`,
    );
  }
}

function checkDriverDefined(
  ctx: Ctx,
  index: number,
  clause: Clause,
  param: Path,
  driver: string,
  what: string,
): void {
  ctx.ts.assumptions.scenarios.forEach((scenario) => {
    if (!has(scenario.drivers, driver)) {
      ctx.out.inClause(
        'error',
        'unknown-driver',
        index,
        clause,
        param,
        `${what} uses driver "${driver}", which scenario "${scenario.id}" does not define`,
      );
    }
  });
}

/** Reports every repeated id in a list of a clause's params (`listPath` points at the list). */
function checkUniqueIds(
  ctx: Ctx,
  index: number,
  clause: Clause,
  listPath: Path,
  items: readonly { id: string }[],
  label: string,
): void {
  for (const i of duplicates(items, (item) => item.id)) {
    ctx.out.inClause(
      'error',
      'duplicate-id',
      index,
      clause,
      [...listPath, i, 'id'],
      `${label} id "${items[i]?.id ?? ''}" is used twice`,
    );
  }
}

function checkRevenue(ctx: Ctx, index: number, clause: ClauseOfKind<'revenue'>): void {
  const streams = clause.params.streams;
  checkUniqueIds(ctx, index, clause, ['streams'], streams, 'Stream');
  streams.forEach((s, i) => {
    const what = `Stream "${s.id}"`;
    checkDriverDefined(ctx, index, clause, ['streams', i, 'driver'], s.driver, what);
    checkNonNegative(
      ctx,
      index,
      clause,
      ['streams', i, 'unitPrice'],
      s.unitPrice,
      `${what} unit price`,
    );
    (s.requires ?? []).forEach((p, j) =>
      checkParty(ctx, index, clause, ['streams', i, 'requires', j], p, what),
    );
  });
}

function checkCosts(ctx: Ctx, index: number, clause: ClauseOfKind<'costs'>): void {
  clause.params.costs.forEach((c, i) => {
    const what = `Cost "${c.name}"`;
    checkParty(ctx, index, clause, ['costs', i, 'party'], c.party, what);
    checkNonNegative(ctx, index, clause, ['costs', i, 'upfront'], c.upfront, `${what} upfront`);
    checkNonNegative(
      ctx,
      index,
      clause,
      ['costs', i, 'fixedPerPeriod'],
      c.fixedPerPeriod,
      `${what} fixed cost per period`,
    );
    if (c.perUnit) {
      checkNonNegative(
        ctx,
        index,
        clause,
        ['costs', i, 'perUnit', 'amount'],
        c.perUnit.amount,
        `${what} cost per unit`,
      );
      if (!ctx.streamIds.has(c.perUnit.stream)) {
        ctx.out.inClause(
          'error',
          'unknown-stream',
          index,
          clause,
          ['costs', i, 'perUnit', 'stream'],
          `${what} is per unit of stream "${c.perUnit.stream}", which no revenue clause defines`,
        );
      }
    }
  });
}

function checkValueSharing(ctx: Ctx, index: number, clause: ClauseOfKind<'value-sharing'>): void {
  const p = clause.params;
  const missing = (field: string) =>
    ctx.out.inClause(
      'error',
      'missing-field',
      index,
      clause,
      [field],
      `clauses.${index}.params.${field} is missing; the "${p.method}" method needs it`,
    );
  if (p.method === 'fixed') {
    if (!p.fixed) missing('fixed');
    else checkSplit(ctx, index, clause, ['fixed'], p.fixed, 'The fixed split');
  }
  if (p.method === 'tiered') {
    if (!p.tiers) missing('tiers');
    else {
      let previous: number | null = null;
      p.tiers.forEach((tier, k) => {
        const last = k === (p.tiers?.length ?? 0) - 1;
        checkNonNegative(ctx, index, clause, ['tiers', k, 'upTo'], tier.upTo, `Tier ${k + 1} upTo`);
        checkSplit(ctx, index, clause, ['tiers', k, 'split'], tier.split, `Tier ${k + 1} split`);
        if (last && tier.upTo !== null) {
          ctx.out.inClause(
            'error',
            'tiers-unordered',
            index,
            clause,
            ['tiers', k, 'upTo'],
            `The last tier must have upTo null (no limit)`,
          );
        } else if (!last && tier.upTo === null) {
          ctx.out.inClause(
            'error',
            'tiers-unordered',
            index,
            clause,
            ['tiers', k, 'upTo'],
            `Only the last tier may have upTo null; tier ${k + 1} is not the last`,
          );
        } else if (tier.upTo !== null && previous !== null && tier.upTo <= previous) {
          ctx.out.inClause(
            'error',
            'tiers-unordered',
            index,
            clause,
            ['tiers', k, 'upTo'],
            `Tier ${k + 1} upTo (${tier.upTo}) must be greater than tier ${k} upTo (${previous})`,
          );
        }
        if (tier.upTo !== null) previous = tier.upTo;
      });
    }
  }
  if (p.method === 'contribution' && !p.contribution) missing('contribution');
  if (p.contribution) {
    const dims = p.contribution.dimensions;
    checkUniqueIds(
      ctx,
      index,
      clause,
      ['contribution', 'dimensions'],
      dims,
      'Contribution dimension',
    );
    let usable = false;
    dims.forEach((d, i) => {
      let sum = 0;
      for (const [id, amount] of Object.entries(d.amounts)) {
        checkParty(
          ctx,
          index,
          clause,
          ['contribution', 'dimensions', i, 'amounts', id],
          id,
          `Contribution dimension "${d.id}"`,
        );
        sum += amount;
      }
      if (sum > 0 && d.weightPct > 0) usable = true;
    });
    if (p.method === 'contribution' && !usable) {
      ctx.out.inClause(
        'warning',
        'no-contribution',
        index,
        clause,
        ['contribution', 'dimensions'],
        'No contribution dimension has both a weight and non-zero amounts; the pool is split equally',
      );
    }
  }
}

function checkOutcomes(ctx: Ctx, index: number, clause: ClauseOfKind<'outcomes'>): void {
  const kpis = clause.params.kpis;
  checkUniqueIds(ctx, index, clause, ['kpis'], kpis, 'KPI');
  kpis.forEach((k, i) => {
    const what = `KPI "${k.id}"`;
    checkDriverDefined(ctx, index, clause, ['kpis', i, 'driver'], k.driver, what);
    checkParty(ctx, index, clause, ['kpis', i, 'funder'], k.funder, `${what} funder`);
    checkSplit(
      ctx,
      index,
      clause,
      ['kpis', i, 'beneficiaries'],
      k.beneficiaries,
      `${what} beneficiaries`,
    );
    checkNonNegative(
      ctx,
      index,
      clause,
      ['kpis', i, 'ratePerUnit'],
      k.ratePerUnit,
      `${what} rate per unit`,
    );
    checkNonNegative(
      ctx,
      index,
      clause,
      ['kpis', i, 'capPerPeriod'],
      k.capPerPeriod,
      `${what} cap per period`,
    );
  });
}

function checkExit(ctx: Ctx, index: number, clause: ClauseOfKind<'exit'>): void {
  clause.params.triggers.forEach((t, i) =>
    checkParty(ctx, index, clause, ['triggers', i, 'party'], t.party, 'An exit trigger'),
  );
  const settlement = clause.params.settlement;
  if (!settlement) return;
  const reimbursement = settlement.reimbursement;
  if (reimbursement?.split) {
    checkSplit(
      ctx,
      index,
      clause,
      ['settlement', 'reimbursement', 'split'],
      reimbursement.split,
      'The reimbursement split',
    );
  }
  const fee = settlement.terminationFee;
  if (fee) {
    checkNonNegative(
      ctx,
      index,
      clause,
      ['settlement', 'terminationFee', 'amount'],
      fee.amount,
      'The termination fee',
    );
    if (fee.split) {
      checkSplit(
        ctx,
        index,
        clause,
        ['settlement', 'terminationFee', 'split'],
        fee.split,
        'The termination fee split',
      );
    }
  }
}

/** Scenario probabilities are all or nothing, and when present they sum to exactly 100 %. */
function checkProbabilities(ctx: Ctx): void {
  const scenarios = ctx.ts.assumptions.scenarios;
  const given = scenarios.filter((s) => s.probabilityPct !== undefined);
  if (given.length === 0) return;
  let total = 0;
  scenarios.forEach((s, si) => {
    if (s.probabilityPct === undefined) {
      ctx.out.add(
        'error',
        'probability-missing',
        ['assumptions', 'scenarios', si, 'probabilityPct'],
        `Scenario "${s.id}" has no probabilityPct while ${given.length === 1 ? 'another scenario has one' : 'other scenarios have one'}; give every scenario a probability, or none`,
      );
    } else total += scalePercent(s.probabilityPct);
  });
  if (given.length === scenarios.length && total !== HUNDRED_PERCENT_SCALED) {
    ctx.out.add(
      'error',
      'probabilities-not-100',
      ['assumptions', 'scenarios'],
      `The scenario probabilities sum to ${total / 10_000} %; they must sum to exactly 100 %`,
    );
  }
}

function checkPartyAmounts(
  ctx: Ctx,
  index: number,
  clause: Clause,
  field: string,
  amounts: Record<string, number>,
  what: string,
): void {
  for (const [id, amount] of Object.entries(amounts)) {
    checkParty(ctx, index, clause, [field, id], id, what);
    checkNonNegative(ctx, index, clause, [field, id], amount, `${what} of "${id}"`);
  }
}

function checkClause(ctx: Ctx, index: number, clause: Clause): void {
  switch (clause.kind) {
    case 'revenue':
      return checkRevenue(ctx, index, clause);
    case 'costs':
      return checkCosts(ctx, index, clause);
    case 'value-sharing':
      return checkValueSharing(ctx, index, clause);
    case 'minimum-guarantee':
      return checkPartyAmounts(ctx, index, clause, 'floors', clause.params.floors, 'The floor');
    case 'cap':
      return checkPartyAmounts(ctx, index, clause, 'caps', clause.params.caps, 'The cap');
    case 'outcomes':
      return checkOutcomes(ctx, index, clause);
    case 'exit':
      return checkExit(ctx, index, clause);
    case 'legacy':
      clause.params.lines.forEach((l, i) => {
        checkParty(ctx, index, clause, ['lines', i, 'party'], l.party, 'A legacy line');
        checkNonNegative(
          ctx,
          index,
          clause,
          ['lines', i, 'ratePerFte'],
          l.ratePerFte,
          'The rate per FTE',
        );
      });
      return;
    default:
      return;
  }
}

function firstOf<K extends Clause['kind']>(
  ts: TermSheet,
  kind: K,
): { clause: ClauseOfKind<K>; index: number } | null {
  const index = ts.clauses.findIndex((c) => c.kind === kind);
  return index < 0 ? null : { clause: ts.clauses[index] as ClauseOfKind<K>, index };
}

function checkFloorsAgainstCaps(ctx: Ctx): void {
  const floors = firstOf(ctx.ts, 'minimum-guarantee');
  const caps = firstOf(ctx.ts, 'cap');
  if (!floors || !caps) return;
  for (const [id, floor] of Object.entries(floors.clause.params.floors)) {
    if (!has(caps.clause.params.caps, id)) continue;
    const cap = caps.clause.params.caps[id] ?? 0;
    if (floor > cap) {
      ctx.out.inClause(
        'error',
        'floor-above-cap',
        floors.index,
        floors.clause,
        ['floors', id],
        `The floor of "${id}" (${floor}) is above its cap (${cap})`,
      );
    }
  }
}

/**
 * Per-period magnitudes, so that every figure the engine derives stays an exact integer: drivers
 * must stay finite, stream volumes non-negative, and pool, costs and KPI transfers within range.
 */
function checkMagnitudes(ctx: Ctx): void {
  const { ts, out } = ctx;
  const periods = ts.assumptions.periods;
  const revenue = firstOf(ts, 'revenue');
  const costs = firstOf(ts, 'costs');
  const outcomes = firstOf(ts, 'outcomes');
  ts.assumptions.scenarios.forEach((scenario, si) => {
    const series = new Map<string, Float64Array>();
    for (const [name, driver] of Object.entries(scenario.drivers)) {
      const values = driverSeries(driver, periods);
      series.set(name, values);
      const bad = values.findIndex((v) => !(Math.abs(v) <= 1e15));
      if (bad >= 0) {
        out.add(
          'error',
          'amount-too-large',
          ['assumptions', 'scenarios', si, 'drivers', name],
          `Driver "${name}" in scenario "${scenario.id}" leaves the supported range in period ${bad + 1}`,
        );
        return;
      }
    }
    const tooLarge = (index: number, clause: Clause, param: Path, what: string, t: number) =>
      out.inClause(
        'error',
        'amount-too-large',
        index,
        clause,
        param,
        `${what} exceeds ${MAX_AMOUNT} minor units in period ${t + 1} of scenario "${scenario.id}"`,
      );
    const volumes = new Map<string, Float64Array>();
    if (revenue) {
      const pool = new Float64Array(periods);
      revenue.clause.params.streams.forEach((s, i) => {
        const v = series.get(s.driver);
        if (!v) return;
        volumes.set(s.id, v);
        const negative = v.findIndex((x) => x < 0);
        if (negative >= 0) {
          out.inClause(
            'error',
            'negative-volume',
            revenue.index,
            revenue.clause,
            ['streams', i, 'driver'],
            `Stream "${s.id}" has a negative volume in period ${negative + 1} of scenario "${scenario.id}" (driver "${s.driver}")`,
          );
        }
        for (let t = 0; t < periods; t++)
          pool[t] = (pool[t] ?? 0) + roundHalfAway((v[t] ?? 0) * s.unitPrice);
      });
      const t = pool.findIndex((x) => !(x <= MAX_AMOUNT));
      if (t >= 0) {
        tooLarge(revenue.index, revenue.clause, ['streams'], 'The revenue pool', t);
      }
    }
    if (costs) {
      const perParty = new Map<string, Float64Array>();
      costs.clause.params.costs.forEach((c) => {
        const acc = perParty.get(c.party) ?? new Float64Array(periods);
        perParty.set(c.party, acc);
        const v = c.perUnit ? volumes.get(c.perUnit.stream) : undefined;
        for (let t = 0; t < periods; t++) {
          acc[t] =
            (acc[t] ?? 0) +
            (t === 0 ? (c.upfront ?? 0) : 0) +
            (c.fixedPerPeriod ?? 0) +
            (v && c.perUnit ? roundHalfAway((v[t] ?? 0) * c.perUnit.amount) : 0);
        }
      });
      for (const [party, acc] of perParty) {
        const t = acc.findIndex((x) => !(x <= MAX_AMOUNT));
        if (t >= 0) tooLarge(costs.index, costs.clause, ['costs'], `The costs of "${party}"`, t);
      }
    }
    if (outcomes) {
      const total = new Float64Array(periods);
      outcomes.clause.params.kpis.forEach((k) => {
        const v = series.get(k.driver);
        if (!v) return;
        const cap = k.capPerPeriod ?? Infinity;
        for (let t = 0; t < periods; t++) {
          const transfer = Math.abs((v[t] ?? 0) - k.target) * k.ratePerUnit;
          total[t] = (total[t] ?? 0) + Math.min(cap, transfer);
        }
      });
      const t = total.findIndex((x) => !(x <= MAX_AMOUNT));
      if (t >= 0) tooLarge(outcomes.index, outcomes.clause, ['kpis'], 'The KPI transfers', t);
    }
  });
  const legacy = firstOf(ts, 'legacy');
  if (legacy) {
    let total = 0;
    for (const l of legacy.clause.params.lines) total += Math.abs(l.fte * l.ratePerFte);
    if (!(total <= MAX_AMOUNT)) {
      legacyTooLarge(out, legacy.index, legacy.clause);
    }
  }
}

function legacyTooLarge(out: Issues, index: number, clause: Clause): void {
  out.inClause(
    'error',
    'amount-too-large',
    index,
    clause,
    ['lines'],
    `The legacy payments exceed ${MAX_AMOUNT} minor units per period`,
  );
}

/** Every semantic rule of the format on a structurally valid term sheet. */
export function semanticIssues(ts: TermSheet): Issue[] {
  const out = new Issues();
  const partyIds = new Set(ts.parties.map((p) => p.id));
  const streamIds = new Set<string>();
  for (const c of ts.clauses) {
    if (c.kind === 'revenue') for (const s of c.params.streams) streamIds.add(s.id);
  }
  const ctx: Ctx = { ts, out, partyIds, partyList: quoteList([...partyIds]), streamIds };

  for (const i of duplicates(ts.parties, (p) => p.id)) {
    out.add(
      'error',
      'duplicate-id',
      ['parties', i, 'id'],
      `Party id "${ts.parties[i]?.id ?? ''}" is used twice`,
    );
  }
  ts.parties
    .map((p, i) => (p.lead === true ? i : -1))
    .filter((i) => i >= 0)
    .slice(1)
    .forEach((i) =>
      out.add(
        'warning',
        'multiple-leads',
        ['parties', i, 'lead'],
        `More than one party is marked lead; "${ts.parties.find((p) => p.lead)?.id ?? ''}", listed first, is the lead`,
      ),
    );

  const scenarios = ts.assumptions.scenarios;
  for (const i of duplicates(scenarios, (s) => s.id)) {
    out.add(
      'error',
      'duplicate-id',
      ['assumptions', 'scenarios', i, 'id'],
      `Scenario id "${scenarios[i]?.id ?? ''}" is used twice`,
    );
  }
  checkProbabilities(ctx);
  scenarios.forEach((s, si) => {
    for (const [name, driver] of Object.entries(s.drivers)) {
      if (
        typeof driver === 'object' &&
        'series' in driver &&
        driver.series.length !== ts.assumptions.periods
      ) {
        out.add(
          'error',
          'series-length',
          ['assumptions', 'scenarios', si, 'drivers', name, 'series'],
          `Driver "${name}" in scenario "${s.id}" has ${driver.series.length} values; it needs exactly ${ts.assumptions.periods} (one per period)`,
        );
      }
    }
  });

  for (const i of duplicates(ts.clauses, (c) => c.id)) {
    out.add(
      'error',
      'duplicate-id',
      ['clauses', i, 'id'],
      `Clause id "${ts.clauses[i]?.id ?? ''}" is used twice`,
    );
  }
  const seenKinds = new Set<string>();
  ts.clauses.forEach((c, i) => {
    if (isCalculatorKind(c.kind)) {
      if (seenKinds.has(c.kind)) {
        out.list.push({
          severity: 'error',
          code: 'duplicate-clause-kind',
          path: `clauses.${i}.kind`,
          message: `There is already a "${c.kind}" clause; a term sheet has at most one of each calculator kind`,
          clauseId: c.id,
        });
      }
      seenKinds.add(c.kind);
    }
    checkClause(ctx, i, c);
  });
  checkFloorsAgainstCaps(ctx);

  if (!seenKinds.has('revenue')) {
    out.add(
      'warning',
      'no-revenue',
      ['clauses'],
      'There is no revenue clause, so the pool is always 0',
    );
  }
  if (!seenKinds.has('value-sharing')) {
    out.add(
      'warning',
      'no-value-sharing',
      ['clauses'],
      'There is no value-sharing clause: the pool is split equally among the parties',
    );
  }
  // Sizes are only meaningful once references and series lengths are sound.
  if (!out.list.some((i) => i.severity === 'error')) checkMagnitudes(ctx);
  return out.list;
}
