// Restoring a version never overwrites anything: it proposes, clause by clause, to bring the text
// and parameters back to the version, and the parties decide as on any proposal.
import type { CreateProposalRequest, ProposalView } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import { asLooseSheet } from '@parley/shared/versions';
import type { LooseSheet } from '@parley/shared/versions';
import { ServiceError } from '../../errors';
import type { VersionDeps } from './deps';
import { currentSheet, getVersion } from './versions';

export interface RestoreResult {
  proposals: ProposalView[];
  /** Clauses a proposal cannot bring back, and why. */
  skipped: { clauseId: string; title: string; reason: string }[];
}

type Clause = NonNullable<LooseSheet['clauses']>[number];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The proposal that brings `now` back to `then`, or null when they already agree. */
function changeBack(then: Clause, now: Clause, rationale: string): CreateProposalRequest | null {
  const was = record(then.params);
  const is = record(now.params);
  const params = Object.keys(was)
    .filter((key) => JSON.stringify(was[key]) !== JSON.stringify(is[key]))
    .map((key) => ({ path: key, value: was[key] as never }));
  const text = (then.text ?? '') !== (now.text ?? '') ? (then.text ?? '') : null;
  if (params.length === 0 && text === null) return null;
  return { clauseId: now.id, params, text, rationale };
}

export async function restoreVersion(
  deps: VersionDeps,
  member: MemberClaims,
  versionId: string,
): Promise<RestoreResult> {
  const version = await getVersion(deps, member.roomId, versionId);
  const then = asLooseSheet(version.termsheet);
  const now = asLooseSheet((await currentSheet(deps, member.roomId)).termsheet);
  const rationale = `Restore version ${version.number}: ${version.name}`.slice(0, 4000);
  const result: RestoreResult = { proposals: [], skipped: [] };
  for (const clause of then.clauses ?? []) {
    const current = now.clauses?.find((c) => c.id === clause.id);
    if (current === undefined) {
      result.skipped.push({
        clauseId: clause.id,
        title: clause.title ?? clause.id,
        reason: 'The clause was removed since; add it again to restore it.',
      });
      continue;
    }
    const request = changeBack(clause, current, rationale);
    if (request === null) continue;
    try {
      result.proposals.push(await deps.propose(member, request));
    } catch (error) {
      if (!(error instanceof ServiceError) || error.status === 403) throw error;
      result.skipped.push({
        clauseId: clause.id,
        title: current.title ?? clause.id,
        reason: error.message,
      });
    }
  }
  for (const clause of now.clauses ?? []) {
    if (!(then.clauses ?? []).some((c) => c.id === clause.id)) {
      result.skipped.push({
        clauseId: clause.id,
        title: clause.title ?? clause.id,
        reason: 'The clause was added since the version; remove it to restore the version.',
      });
    }
  }
  if (result.proposals.length === 0 && result.skipped.length === 0) {
    throw new ServiceError(
      409,
      'nothing-to-restore',
      `The sheet already reads as version ${version.number}.`,
    );
  }
  return result;
}
