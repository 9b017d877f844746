// @mentions: who a comment may mention (members who can see the thread) and who the
// autocomplete offers: only the people the caller may address, never another party's roster.
import { canSeeThread, parseMentions } from '@parley/shared/comments';
import type { CommentThread, MentionCandidate } from '@parley/shared/comments';
import { can } from '@parley/shared/permissions';
import type { MemberClaims } from '@parley/shared/protocol';
import { readRoomParties } from '@parley/shared/room';
import type { SeatedMember } from '../../store/types';
import { consentState, consentingParties } from '../members';
import { visibleThreads } from './access';
import type { CommentsContext } from './context';

/** Mentioned members who exist, are not revoked, may see the thread and are not the author. */
export async function mentionsFor(
  ctx: CommentsContext,
  member: MemberClaims,
  thread: Pick<CommentThread, 'visibility' | 'partyId'>,
  body: string,
): Promise<string[]> {
  const refs = parseMentions(body);
  if (refs.length === 0) return [];
  const members = await ctx.store.listMembers(member.roomId);
  return refs
    .map((ref) => members.find((m) => m.id === ref.memberId))
    .filter((m) => m !== undefined && m.revokedAt === null && m.id !== member.memberId)
    .filter((m) => canSeeThread(m!, thread))
    .map((m) => m!.id);
}

/**
 * The people the caller may address, for @mention autocomplete. A party's roster is its own
 * business, so the list never reveals who else a party seated:
 * - a party member is offered their own party, the mediator, and the members of other parties
 *   who wrote in a thread the caller can read (they spoke to the caller; naming them tells
 *   nothing new);
 * - the mediator, whom every party let in, is offered every party's members;
 * - an observer, who does not comment, no one.
 * A mediator still waiting for the parties' consent is nobody's to address yet, and observers
 * are never offered: they read, they do not answer.
 */
export async function mentionCandidates(
  ctx: CommentsContext,
  member: MemberClaims,
): Promise<MentionCandidate[]> {
  if (!can(member.role, 'comment')) return [];
  const [members, doc, consents, threads] = await Promise.all([
    ctx.store.listSeatedMembers(member.roomId),
    ctx.rooms.getDoc(member.roomId),
    ctx.store.listConsents(member.roomId),
    visibleThreads(ctx, member),
  ]);
  const parties = consentingParties(
    readRoomParties(doc).map((p) => p.id),
    members,
  );
  const admittedMediator = (m: SeatedMember) =>
    m.role === 'mediator' &&
    consentState(
      parties,
      consents.filter((c) => c.memberId === m.id),
    ) === 'granted';
  const spokeToCaller = new Set(
    threads.flatMap((t) => [t.createdBy.memberId, ...t.comments.map((c) => c.author.memberId)]),
  );
  const addressable = (m: SeatedMember) => {
    if (m.partyId === null) return admittedMediator(m);
    return member.role === 'mediator' || m.partyId === member.partyId || spokeToCaller.has(m.id);
  };
  return members
    .filter((m) => m.revokedAt === null && addressable(m))
    .map((m) => ({ memberId: m.id, name: m.name, role: m.role, partyId: m.partyId }));
}
