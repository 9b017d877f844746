// The room document: term sheets go in and come back out unchanged and byte-stable, bad input
// writes nothing, and edits create missing parts field by field.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TermSheet } from '../termsheet';
import { validateTermSheet } from '../termsheet';
import { templateIds, templates } from '../templates';
import {
  addScenario,
  createRoomDoc,
  deleteParam,
  exportTermSheet,
  getClauseMap,
  insertClause,
  insertParamItem,
  moveClause,
  populateRoomDoc,
  readClauseOrder,
  removeClause,
  removeParamItem,
  removeScenario,
  setAssumption,
  setDriver,
  setDriverField,
  setMeta,
  setParam,
  setPartyField,
} from './index';

const everyConstruct = [
  '# Heading one',
  '## Heading two',
  '### Heading three',
  'Text with **bold**, *italic*, ~~strike~~, `code` and ***both***.',
  'A reference to {{param:fixed.csp}} and a line\\\nbreak.',
  '- bullet one\n- bullet two\n  - nested',
  'Between lists.',
  '1. first\n2. second',
  '> A quotation\n>\n> in two paragraphs',
  'Literal \\*stars\\* and 5 * 3.',
].join('\n\n');

export const fixture: TermSheet = {
  format: 'parley.termsheet/v1',
  title: 'Fixture deal',
  ecosystem: 'custom',
  currency: 'EUR',
  parties: [
    { id: 'csp', name: 'Operator', role: 'network' },
    { id: 'app', name: 'App Maker', role: 'app', lead: true },
  ],
  assumptions: {
    periods: 4,
    periodUnit: 'quarter',
    discountRatePct: 8,
    scenarios: [
      {
        id: 'base',
        name: 'Base',
        drivers: {
          users: { start: 1000, growthPct: 5 },
          flat: 12,
          uptime: { series: [99.9, 99.5, 99.95, 99.9] },
        },
      },
    ],
  },
  clauses: [
    { id: 'c-scope', kind: 'scope', title: 'Scope', text: everyConstruct, params: {} },
    {
      id: 'c-rev',
      kind: 'revenue',
      title: 'Revenue',
      text: 'Each user pays {{param:streams.0.unitPrice}}.',
      params: {
        streams: [
          { id: 'subs', name: 'Subscriptions', driver: 'users', unitPrice: 500, requires: [] },
        ],
      },
    },
    {
      id: 'c-share',
      kind: 'value-sharing',
      title: '',
      text: '',
      params: {
        costRecovery: false,
        method: 'tiered',
        tiers: [
          { upTo: 100000, split: { csp: 60, app: 40 } },
          { upTo: null, split: { csp: 50, app: 50 } },
        ],
      },
    },
  ],
} as TermSheet;

function roundTrip(termsheet: TermSheet): unknown {
  const doc = createRoomDoc(termsheet);
  // Through an update, as a peer would receive the room.
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  return exportTermSheet(peer);
}

describe('room document import and export', () => {
  it.each(templateIds)('gives back the %s template unchanged', (id) => {
    expect(roundTrip(templates[id])).toEqual(templates[id]);
  });

  it('gives back a term sheet using every Markdown construct and driver form unchanged', () => {
    expect(validateTermSheet(fixture).issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(roundTrip(fixture)).toEqual(fixture);
  });

  it('gives back scenario probabilities, driver volatility and exit settlement terms unchanged', () => {
    const decision = structuredClone(fixture) as TermSheet;
    decision.assumptions.scenarios = [
      {
        id: 'low',
        name: 'Low',
        probabilityPct: 30,
        drivers: {
          users: { start: 800, growthPct: 3, volatilityPct: 12.5 },
          flat: 12,
          uptime: { series: [99.9, 99.5, 99.95, 99.9], volatilityPct: 0.1 },
        },
      },
      {
        ...(decision.assumptions.scenarios[0] as TermSheet['assumptions']['scenarios'][number]),
        probabilityPct: 70,
      },
    ];
    decision.clauses.push({
      id: 'c-exit',
      kind: 'exit',
      title: 'Exit',
      text: 'Notice of {{param:noticePeriods}} periods.',
      params: {
        noticePeriods: 2,
        settlement: {
          reimbursement: { sharePct: 80, split: { app: 100 } },
          streamsOnExit: 'continue',
          terminationFee: { amount: 250000, split: { app: 50, csp: 50 }, waivedOnTrigger: true },
        },
        triggers: [{ party: 'csp', netBelow: 0, forPeriods: 2 }],
      },
    });
    expect(validateTermSheet(decision).issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(roundTrip(decision)).toEqual(decision);
    expect(validateTermSheet(roundTrip(decision)).termsheet).toEqual(
      validateTermSheet(decision).termsheet,
    );
  });

  it('gives back a payment terms clause unchanged', () => {
    const withPayment = structuredClone(fixture) as TermSheet;
    withPayment.clauses.push({
      id: 'c-pay',
      kind: 'payment-terms',
      title: 'Payment terms',
      text: 'Within {{param:daysToPay}} days, in {{param:invoiceCurrency}}.',
      params: { daysToPay: 45, invoiceCurrency: 'USD', lateInterestPct: 9.5 },
    } as TermSheet['clauses'][number]);
    expect(validateTermSheet(withPayment).issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(roundTrip(withPayment)).toEqual(withPayment);
  });

  it('exports the same bytes whatever order peers inserted keys in', () => {
    const a = createRoomDoc(fixture);
    const b = createRoomDoc(fixture);
    setParam(a, 'c-rev', ['streams', 0, 'name'], 'Plans');
    setParam(a, 'c-rev', ['streams', 0, 'zeta'], 1);
    setParam(b, 'c-rev', ['streams', 0, 'zeta'], 1);
    setParam(b, 'c-rev', ['streams', 0, 'name'], 'Plans');
    expect(JSON.stringify(exportTermSheet(a))).toBe(JSON.stringify(exportTermSheet(b)));
    const exported = exportTermSheet(a) as TermSheet;
    expect(Object.keys(exported)).toEqual([
      'format',
      'title',
      'ecosystem',
      'currency',
      'parties',
      'assumptions',
      'clauses',
    ]);
    expect(Object.keys(exported.clauses[0] as object)).toEqual([
      'id',
      'kind',
      'title',
      'text',
      'params',
    ]);
  });

  it('stores params, parties and drivers as nested maps and lists, never whole objects', () => {
    const doc = createRoomDoc(fixture);
    const params = getClauseMap(doc, 'c-rev')?.get('params');
    expect(params).toBeInstanceOf(Y.Map);
    const streams = (params as Y.Map<unknown>).get('streams');
    expect(streams).toBeInstanceOf(Y.Array);
    expect((streams as Y.Array<unknown>).get(0)).toBeInstanceOf(Y.Map);
    expect(getClauseMap(doc, 'c-rev')?.get('body')).toBeInstanceOf(Y.XmlFragment);
    const parties = doc.getMap('meta').get('parties') as Y.Array<unknown>;
    expect(parties.get(0)).toBeInstanceOf(Y.Map);
    const scenario = (doc.getMap('assumptions').get('scenarios') as Y.Array<Y.Map<unknown>>).get(0);
    const drivers = scenario.get('drivers') as Y.Map<unknown>;
    expect(drivers.get('users')).toBeInstanceOf(Y.Map);
    expect((drivers.get('uptime') as Y.Map<unknown>).get('series')).toBeInstanceOf(Y.Array);
    expect(drivers.get('flat')).toBe(12);
  });

  it('replaces the whole document in one transaction when populating again', () => {
    const doc = createRoomDoc(fixture);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    populateRoomDoc(doc, templates.mhealth);
    expect(transactions).toBe(1);
    expect(exportTermSheet(doc)).toEqual(templates.mhealth);
  });

  it('refuses malformed input before writing anything', () => {
    const doc = createRoomDoc(fixture);
    const bad = {
      ...fixture,
      clauses: [...fixture.clauses, { ...fixture.clauses[0], params: { x: () => 1 } }],
    } as unknown as TermSheet;
    expect(() => populateRoomDoc(doc, bad)).toThrow(/clauses\.3\.params\.x is not JSON|clauses\.3/);
    const dup = { ...fixture, clauses: [fixture.clauses[0], fixture.clauses[0]] } as TermSheet;
    expect(() => populateRoomDoc(doc, dup)).toThrow(/used by an earlier clause/);
    expect(exportTermSheet(doc)).toEqual(fixture);
  });

  it('ignores repeated and dangling ids in the clause order', () => {
    const doc = createRoomDoc(fixture);
    doc.getArray<string>('clauseOrder').insert(0, ['c-share', 'c-gone']);
    doc.getArray<string>('clauseOrder').push(['c-rev']);
    expect(readClauseOrder(doc)).toEqual(['c-share', 'c-scope', 'c-rev']);
    const ids = (exportTermSheet(doc) as TermSheet).clauses.map((c) => c.id);
    expect(ids).toEqual(['c-share', 'c-scope', 'c-rev']);
  });
});

describe('room document edits', () => {
  it('inserts a clause with the kind defaults at a position, with a fresh id', () => {
    const doc = createRoomDoc(fixture);
    const id = insertClause(doc, { kind: 'cap', index: 1 });
    expect(id).toMatch(/^c-[0-9a-z]{8}$/);
    expect(readClauseOrder(doc)).toEqual(['c-scope', id, 'c-rev', 'c-share']);
    const clause = (exportTermSheet(doc) as TermSheet).clauses[1];
    expect(clause?.kind).toBe('cap');
    expect(clause?.title).toBe('Cap');
    expect(
      validateTermSheet(exportTermSheet(doc)).issues.filter((i) => i.severity === 'error'),
    ).toEqual([]);
  });

  it('never reuses an id, even when the random source repeats', () => {
    const doc = createRoomDoc(fixture);
    const a = insertClause(doc, { kind: 'custom', random: () => 0.5 });
    let calls = 0;
    const b = insertClause(doc, { kind: 'custom', random: () => (calls++ < 8 ? 0.5 : 0.25) });
    expect(a).not.toBe(b);
  });

  it('refuses a second calculator clause of the same kind and unknown kinds', () => {
    const doc = createRoomDoc(fixture);
    expect(() => insertClause(doc, { kind: 'revenue' })).toThrow(/already has a "revenue" clause/);
    expect(() => insertClause(doc, { kind: 'nope' as never })).toThrow(/unknown clause kind/);
  });

  it('moves and removes clauses', () => {
    const doc = createRoomDoc(fixture);
    moveClause(doc, 'c-share', 0);
    expect(readClauseOrder(doc)).toEqual(['c-share', 'c-scope', 'c-rev']);
    moveClause(doc, 'c-share', 99);
    expect(readClauseOrder(doc)).toEqual(['c-scope', 'c-rev', 'c-share']);
    moveClause(doc, 'c-scope', 1);
    expect(readClauseOrder(doc)).toEqual(['c-rev', 'c-scope', 'c-share']);
    removeClause(doc, 'c-scope');
    expect(readClauseOrder(doc)).toEqual(['c-rev', 'c-share']);
    expect(doc.getArray('clauseOrder').toArray()).toEqual(['c-rev', 'c-share']);
    expect(() => moveClause(doc, 'c-scope', 0)).toThrow(/no clause "c-scope"/);
  });

  it('sets, adds and removes params, creating missing maps and lists', () => {
    const doc = createRoomDoc(fixture);
    setParam(doc, 'c-share', ['tiers', 0, 'split', 'csp'], 55);
    setParam(doc, 'c-share', ['fixed', 'csp'], 70);
    setParam(doc, 'c-scope', ['services', 0], 'parking');
    insertParamItem(doc, 'c-rev', ['streams'], {
      id: 'ads',
      name: 'Ads',
      driver: 'flat',
      unitPrice: 3,
      requires: ['app'],
    });
    insertParamItem(doc, 'c-share', ['tiers'], { upTo: 5, split: { csp: 100 } }, 0);
    removeParamItem(doc, 'c-share', ['tiers'], 2);
    deleteParam(doc, 'c-share', ['fixed', 'csp']);
    const out = exportTermSheet(doc) as TermSheet;
    const share = out.clauses[2]?.params as Record<string, unknown>;
    expect(share.tiers).toEqual([
      { upTo: 5, split: { csp: 100 } },
      { upTo: 100000, split: { csp: 55, app: 40 } },
    ]);
    expect(share.fixed).toEqual({});
    expect(out.clauses[0]?.params).toEqual({ services: ['parking'] });
    expect((out.clauses[1]?.params as { streams: unknown[] }).streams).toHaveLength(2);
    expect(() => setParam(doc, 'c-rev', ['streams', 5, 'name'], 'x')).toThrow(/out of range/);
    expect(() => setParam(doc, 'c-rev', ['streams', 0, 'unitPrice', 'x'], 1)).toThrow(
      /holds a value/,
    );
    expect(() => setParam(doc, 'c-none', ['a'], 1)).toThrow(/no clause "c-none"/);
  });

  it('edits meta, parties, scenarios and drivers field by field', () => {
    const doc = createRoomDoc(fixture);
    setMeta(doc, 'title', 'Renamed');
    setPartyField(doc, 'csp', 'name', 'Carrier');
    setAssumption(doc, ['periods'], 8);
    setDriverField(doc, 'base', 'users', ['growthPct'], 7);
    setDriverField(doc, 'base', 'uptime', ['series', 1], 98);
    setDriver(doc, 'base', 'flat', { start: 1, growthPct: 2 });
    addScenario(doc, { id: 'low', name: 'Low', drivers: { users: 10, flat: 1, uptime: 99 } });
    const out = exportTermSheet(doc) as TermSheet;
    expect(out.title).toBe('Renamed');
    expect(out.parties[0]?.name).toBe('Carrier');
    expect(out.assumptions.periods).toBe(8);
    expect(out.assumptions.scenarios[0]?.drivers).toEqual({
      users: { start: 1000, growthPct: 7 },
      flat: { start: 1, growthPct: 2 },
      uptime: { series: [99.9, 98, 99.95, 99.9] },
    });
    expect(out.assumptions.scenarios.map((s) => s.id)).toEqual(['base', 'low']);
    removeScenario(doc, 'low');
    expect((exportTermSheet(doc) as TermSheet).assumptions.scenarios).toHaveLength(1);
    expect(() => removeScenario(doc, 'low')).toThrow(/no scenario "low"/);
  });
});
