// Visits: when a member's last connection leaves, the room as it stood is remembered, so the next
// visit can say what changed since (clauses, who changed them, each party's numbers, threads).
import {
  captureVisitBaseline,
  summarizeSinceLastVisit,
  visitBaselineSchema,
} from '@parley/shared/comments';
import type { SinceLastVisit, VisitBaseline } from '@parley/shared/comments';
import { computeValue } from '@parley/shared/engine';
import type { MemberClaims } from '@parley/shared/protocol';
import { exportTermSheet } from '@parley/shared/room';
import { visibleThreads } from './access';
import type { CommentsContext } from './context';

async function currentBaseline(
  ctx: CommentsContext,
  roomId: string,
  at: number,
): Promise<VisitBaseline> {
  const termsheet = exportTermSheet(await ctx.rooms.getDoc(roomId));
  return captureVisitBaseline(termsheet, computeValue(termsheet), at);
}

/** Ends a visit: the next summary reports what changes after this moment. */
export async function markVisited(
  ctx: CommentsContext,
  member: MemberClaims,
): Promise<{ visitedAt: number }> {
  const at = ctx.tick();
  if (ctx.stopped) return { visitedAt: at };
  const baseline = await currentBaseline(ctx, member.roomId, at);
  await ctx.store.saveVisit(member.roomId, member.memberId, {
    visitedAt: at,
    baseline: JSON.stringify(baseline),
  });
  return { visitedAt: at };
}

function previousBaseline(stored: string): VisitBaseline | null {
  // An unreadable baseline (say, from an older format) counts as a first visit, not a failure.
  let raw: unknown = null;
  try {
    raw = JSON.parse(stored);
  } catch {
    raw = null;
  }
  const parsed = visitBaselineSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function sinceLastVisit(
  ctx: CommentsContext,
  member: MemberClaims,
): Promise<SinceLastVisit> {
  const visit = await ctx.store.getVisit(member.roomId, member.memberId);
  const previous = visit === undefined ? null : previousBaseline(visit.baseline);
  const current = await currentBaseline(ctx, member.roomId, ctx.tick());
  const [threads, changes, members] = await Promise.all([
    visibleThreads(ctx, member),
    previous === null ? [] : ctx.store.listClauseChanges(member.roomId, previous.at),
    ctx.store.listMembers(member.roomId),
  ]);
  const names: Record<string, string> = {};
  for (const m of members) names[m.id] = m.name;
  return summarizeSinceLastVisit({
    memberId: member.memberId,
    previous,
    current,
    threads,
    changes,
    names,
  });
}
