// @mentions: who a comment may mention (members who can see the thread) and who the
// autocomplete offers.
import { canSeeThread, parseMentions } from '@parley/shared/comments';
import type { CommentThread, MentionCandidate } from '@parley/shared/comments';
import type { MemberClaims } from '@parley/shared/protocol';
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

/** Everyone admitted to the room (not revoked), for @mention autocomplete. */
export async function mentionCandidates(
  ctx: CommentsContext,
  member: MemberClaims,
): Promise<MentionCandidate[]> {
  const members = await ctx.store.listMembers(member.roomId);
  return members
    .filter((m) => m.revokedAt === null)
    .map((m) => ({ memberId: m.id, name: m.name, role: m.role, partyId: m.partyId }));
}
