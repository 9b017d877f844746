// Proposals to change a clause: their schemas, applying one to a term sheet, its value impact per
// party and scenario, and which parties must still accept it.
import { z } from 'zod';
import { computeValue } from '../engine';
import type { ValueResult } from '../engine';
import { issueSchema } from '../termsheet/issues';
import type { Issue } from '../termsheet/issues';
import { MAX_ID_LENGTH } from '../protocol/limits';
import { actorSchema } from '../protocol/tokens';

export const MAX_PROPOSAL_PARAM_CHANGES = 50;
export const MAX_PROPOSAL_TEXT_LENGTH = 20_000;
export const MAX_RATIONALE_LENGTH = 4000;
export const MAX_PROPOSAL_PATH_LENGTH = 200;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);

/** One parameter of a clause set to a new value: `path` is dotted inside the clause's params. */
export const paramChangeSchema = z.object({
  path: z
    .string()
    .min(1)
    .max(MAX_PROPOSAL_PATH_LENGTH)
    .regex(
      /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/,
      'a dotted path inside the clause params, e.g. fixed.csp or streams.0.unitPrice',
    ),
  value: z.json(),
});

const changeFields = {
  params: z.array(paramChangeSchema).max(MAX_PROPOSAL_PARAM_CHANGES).default([]),
  /** The clause's new body as Markdown; absent or null leaves the text as it is. */
  text: z.string().max(MAX_PROPOSAL_TEXT_LENGTH).nullable().optional(),
};

const somethingChanges = (change: { params: unknown[]; text?: string | null | undefined }) =>
  change.params.length > 0 || (change.text !== undefined && change.text !== null);
const nothingMessage = {
  message: 'a proposal changes at least one parameter (params) or the clause text (text)',
};

/** What a proposal would change in one clause. */
export const proposalChangeSchema = z
  .object({ clauseId: idSchema, ...changeFields })
  .refine(somethingChanges, nothingMessage);

export const createProposalRequestSchema = z
  .object({
    clauseId: idSchema,
    ...changeFields,
    rationale: z.string().trim().min(1).max(MAX_RATIONALE_LENGTH),
  })
  .refine(somethingChanges, nothingMessage);

/** A counter-proposal: a new proposal on the same clause that replaces `proposalId`. */
export const counterProposalRequestSchema = z
  .object({
    proposalId: idSchema,
    ...changeFields,
    rationale: z.string().trim().min(1).max(MAX_RATIONALE_LENGTH),
  })
  .refine(somethingChanges, nothingMessage);

export const proposalRefRequestSchema = z.object({ proposalId: idSchema });

export const proposalDecisionValues = ['accept', 'reject'] as const;

export const decideProposalRequestSchema = z.object({
  proposalId: idSchema,
  decision: z.enum(proposalDecisionValues),
});

export const proposalActorSchema = actorSchema;

export const proposalDecisionSchema = z.object({
  partyId: z.string(),
  decision: z.enum(proposalDecisionValues),
  memberId: z.string(),
  name: z.string(),
  at: z.number(),
  /** The proposer's own party accepts by proposing. */
  implicit: z.boolean(),
});

export const proposalStatuses = [
  'open',
  'accepted',
  'applied',
  'rejected',
  'countered',
  'stale',
  'withdrawn',
] as const;

export const proposalStatusSchema = z.enum(proposalStatuses);

export const proposalSchema = z.object({
  id: z.string(),
  roomId: z.string(),
  clauseId: z.string(),
  params: z.array(paramChangeSchema),
  text: z.string().nullable(),
  rationale: z.string(),
  author: proposalActorSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Content hash of the clause when the proposal was made; a different hash makes it stale. */
  baseHash: z.string(),
  status: proposalStatusSchema,
  counterTo: z.string().nullable(),
  counteredBy: z.string().nullable(),
  decisions: z.array(proposalDecisionSchema),
  appliedAt: z.number().nullable(),
  appliedBy: proposalActorSchema.nullable(),
  staleAt: z.number().nullable(),
});

const figureDeltaSchema = z.object({
  before: z.number().nullable(),
  after: z.number(),
  delta: z.number().nullable(),
});

export const partyImpactSchema = z.object({
  allocation: figureDeltaSchema,
  net: figureDeltaSchema,
  npv: figureDeltaSchema,
});

export const scenarioImpactSchema = z.object({
  id: z.string(),
  name: z.string(),
  parties: z.record(z.string(), partyImpactSchema),
});

/**
 * What a proposal does to every party in every scenario (totals over the term). `ok` is false
 * when the proposed sheet has errors: they are in `issues` and `scenarios` is empty.
 */
export const proposalImpactSchema = z.object({
  ok: z.boolean(),
  issues: z.array(issueSchema),
  scenarios: z.array(scenarioImpactSchema),
});

/** A proposal as members see it: with its live impact and who still has to decide. */
export const proposalViewSchema = proposalSchema.extend({
  requiredParties: z.array(z.string()),
  pendingParties: z.array(z.string()),
  /** Who applies it once every party accepted: the server at once, or the mediator. */
  applyMode: z.enum(['automatic', 'mediator']),
  impact: proposalImpactSchema,
  /** Errors the proposal would add to the sheet: while there is one it cannot be accepted. */
  blockedBy: z.array(issueSchema).default([]),
});

export type ParamChange = z.infer<typeof paramChangeSchema>;
export type ProposalChange = z.infer<typeof proposalChangeSchema>;
export type CreateProposalRequest = z.infer<typeof createProposalRequestSchema>;
export type CounterProposalRequest = z.infer<typeof counterProposalRequestSchema>;
export type ProposalRefRequest = z.infer<typeof proposalRefRequestSchema>;
export type DecideProposalRequest = z.infer<typeof decideProposalRequestSchema>;
export type ProposalDecisionValue = (typeof proposalDecisionValues)[number];
export type ProposalActor = z.infer<typeof proposalActorSchema>;
export type ProposalDecision = z.infer<typeof proposalDecisionSchema>;
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type PartyImpact = z.infer<typeof partyImpactSchema>;
export type ScenarioImpact = z.infer<typeof scenarioImpactSchema>;
export type ProposalImpact = z.infer<typeof proposalImpactSchema>;
export type ProposalView = z.infer<typeof proposalViewSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issue(code: Issue['code'], path: string, message: string, clauseId: string): Issue {
  return { severity: 'error', code, path, message, clauseId };
}

function segmentsOf(path: string): (string | number)[] {
  return path.split('.').map((seg) => (/^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : seg));
}

/**
 * Sets `value` at `path` inside `params` the way the room document does (missing objects and
 * lists are created; a list index may be at most the list's length). Returns a problem or null.
 */
function setInParams(params: Record<string, unknown>, path: string, value: unknown): string | null {
  const segments = segmentsOf(path);
  let current: unknown = params;
  for (let i = 0; i < segments.length; i += 1) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    const where = segments.slice(0, i + 1).join('.');
    if (Array.isArray(current)) {
      if (typeof seg !== 'number' || seg > current.length) {
        return `${where}: index out of range (the list has ${current.length} items)`;
      }
    } else if (!isRecord(current)) {
      return `${segments.slice(0, i).join('.')} holds a value, not an object or list`;
    }
    const container = current as Record<string | number, unknown>;
    if (last) {
      container[seg] = value;
      return null;
    }
    let child = container[seg];
    if (child === undefined || child === null) {
      child = typeof segments[i + 1] === 'number' ? [] : {};
      container[seg] = child;
    }
    current = child;
  }
  return null;
}

/**
 * The raw term sheet (an `exportTermSheet` result) with the proposal applied, or null with the
 * reasons when it cannot be applied (no such clause, a path through a plain value...).
 */
export function applyProposalChange(
  termsheet: unknown,
  change: { clauseId: string; params: readonly ParamChange[]; text?: string | null },
): { termsheet: unknown; issues: Issue[] } {
  const copy = JSON.parse(JSON.stringify(termsheet ?? null)) as unknown;
  const clauses = isRecord(copy) && Array.isArray(copy.clauses) ? copy.clauses : [];
  const index = clauses.findIndex((c) => isRecord(c) && c.id === change.clauseId);
  if (index < 0) {
    return {
      termsheet: null,
      issues: [
        issue(
          'missing-field',
          'clauses',
          `There is no clause "${change.clauseId}".`,
          change.clauseId,
        ),
      ],
    };
  }
  const clause = clauses[index] as Record<string, unknown>;
  if (!isRecord(clause.params)) clause.params = {};
  const params = clause.params as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const { path, value } of change.params) {
    const problem = setInParams(params, path, value);
    if (problem !== null) {
      issues.push({
        ...issue('invalid-field', `clauses.${index}.params.${path}`, problem, change.clauseId),
        param: path,
      });
    }
  }
  if (change.text !== undefined && change.text !== null) clause.text = change.text;
  return issues.length > 0 ? { termsheet: null, issues } : { termsheet: copy, issues: [] };
}

function delta(before: number | undefined, after: number) {
  return before === undefined
    ? { before: null, after, delta: null }
    : { before, after, delta: after - before };
}

/** Δ allocation, Δ net and Δ NPV per scenario and party between two value results. */
export function impactBetween(before: ValueResult, after: ValueResult): ProposalImpact {
  const errors = after.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: errors, scenarios: [] };
  const beforeUsable = !before.issues.some((i) => i.severity === 'error');
  const scenarios = after.scenarios.map((scenario) => {
    const old = beforeUsable ? before.scenarios.find((s) => s.id === scenario.id) : undefined;
    const parties: Record<string, PartyImpact> = {};
    for (const [partyId, totals] of Object.entries(scenario.totals)) {
      const was = old?.totals[partyId];
      parties[partyId] = {
        allocation: delta(was?.allocation, totals.allocation),
        net: delta(was?.net, totals.net),
        npv: delta(was?.npv, totals.npv),
      };
    }
    return { id: scenario.id, name: scenario.name, parties };
  });
  return { ok: true, issues: after.issues, scenarios };
}

/**
 * What a proposal does to the value: the engine run on the current term sheet and on the
 * current term sheet plus the proposal. Never throws; problems come back as issues.
 */
export function proposalImpact(
  termsheet: unknown,
  change: { clauseId: string; params: readonly ParamChange[]; text?: string | null },
  current: ValueResult = computeValue(termsheet),
): ProposalImpact {
  const proposed = applyProposalChange(termsheet, change);
  if (proposed.termsheet === null) return { ok: false, issues: proposed.issues, scenarios: [] };
  return impactBetween(current, computeValue(proposed.termsheet));
}

/** The parties that must accept: every party but the proposer's own (mediators have none). */
export function requiredParties(
  partyIds: readonly string[],
  authorPartyId: string | null,
): string[] {
  return partyIds.filter((id) => id !== authorPartyId);
}

/** Parties that must still accept: required ones without an acceptance on record. */
export function pendingParties(
  proposal: Pick<Proposal, 'decisions' | 'author'>,
  partyIds: readonly string[],
): string[] {
  return requiredParties(partyIds, proposal.author.partyId).filter(
    (id) => !proposal.decisions.some((d) => d.partyId === id && d.decision === 'accept'),
  );
}

/** Where the decisions leave an open proposal: a rejection closes it, all acceptances carry it. */
export function decisionOutcome(
  proposal: Pick<Proposal, 'decisions' | 'author'>,
  partyIds: readonly string[],
): 'open' | 'accepted' | 'rejected' {
  if (proposal.decisions.some((d) => d.decision === 'reject')) return 'rejected';
  return pendingParties(proposal, partyIds).length === 0 ? 'accepted' : 'open';
}

/** Read the party ids of a raw term sheet export. */
export function partyIdsOf(termsheet: unknown): string[] {
  const parties = isRecord(termsheet) && Array.isArray(termsheet.parties) ? termsheet.parties : [];
  return parties
    .filter((p): p is Record<string, unknown> => isRecord(p) && typeof p.id === 'string')
    .map((p) => p.id as string);
}

/** One problem, named so that the same problem before and after a change compares equal. */
function problemKey(issue: Issue): string {
  return issue.clauseId === undefined
    ? `${issue.code} ${issue.path}`
    : `${issue.code} ${issue.clauseId} ${issue.param ?? ''}`;
}

/** The errors of `after` that `before` did not have. */
export function newErrors(before: readonly Issue[], after: readonly Issue[]): Issue[] {
  const known = new Set(before.filter((i) => i.severity === 'error').map(problemKey));
  return after.filter((i) => i.severity === 'error' && !known.has(problemKey(i)));
}

/**
 * The errors a proposal would add to the sheet, read from its impact (those the sheet already has
 * do not count, so a sheet with a problem can still be negotiated towards a fix).
 */
export function proposalBlockers(impact: ProposalImpact, current: ValueResult): Issue[] {
  return impact.ok ? [] : newErrors(current.issues, impact.issues);
}
