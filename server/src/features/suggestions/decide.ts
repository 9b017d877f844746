// Accepting and rejecting suggestions: who may decide on whose, the freeze and locks every edit
// respects, the change the server writes itself, and one audit entry per suggestion decided.
import type { MemberClaims } from '@parley/shared/protocol';
import { can } from '@parley/shared/permissions';
import { getClauseMap, readClauseOrder } from '@parley/shared/room';
import { listSuggestions } from '@parley/shared/suggestions';
import type {
  DecideSuggestionRequest,
  DecideSuggestionResult,
  Suggestion,
} from '@parley/shared/suggestions';
import { ServiceError } from '../../errors';
import { applyDecision } from './apply';
import { clauseBodyOf } from './bodies';
import type { SuggestionDeps } from './deps';

const AUDIT_TEXT = 200;

/** Every suggestion of the room, clause by clause in the document's clause order. */
export async function roomSuggestions(deps: SuggestionDeps, roomId: string): Promise<Suggestion[]> {
  const doc = await deps.rooms.getDoc(roomId);
  return readClauseOrder(doc).flatMap((id) => {
    const body = clauseBodyOf(doc, id);
    return body === null ? [] : listSuggestions(id, body);
  });
}

function refuse(status: number, code: string, message: string): never {
  throw new ServiceError(status, code, message);
}

/** Why `member` may not take `decision` on `suggestion`, or null when they may. */
function refusal(
  member: MemberClaims,
  suggestion: Suggestion,
  decision: DecideSuggestionRequest['decision'],
  singleText: boolean,
  facilitates: boolean,
): string | null {
  const author = suggestion.author;
  if (author.memberId === member.memberId) {
    return decision === 'reject'
      ? null
      : 'You cannot accept your own suggestion; another party (or the mediator) decides on it.';
  }
  if (singleText) {
    return facilitates
      ? null
      : 'Single-text mode is on: the mediator, who holds the pen, accepts or rejects suggestions.';
  }
  if (member.role === 'mediator') return null;
  if (author.partyId !== null && author.partyId === member.partyId) {
    return `${author.name}'s suggestion comes from your own party: another party decides on it.`;
  }
  return null;
}

export async function decideSuggestions(
  deps: SuggestionDeps,
  member: MemberClaims,
  request: DecideSuggestionRequest,
): Promise<DecideSuggestionResult> {
  const { roomId } = member;
  if (!can(member.role, 'edit')) {
    refuse(
      403,
      'forbidden',
      `A ${member.role} may not accept or reject suggestions; a party's organizer or negotiator, or the mediator, does.`,
    );
  }
  const state = await deps.governance(roomId);
  if (state.agreedAt !== null) {
    refuse(
      409,
      'agreement-frozen',
      'Every party has agreed to this term sheet, so it is frozen: reopen it before changing the text.',
    );
  }
  const doc = await deps.rooms.getDoc(roomId);
  const clause = getClauseMap(doc, request.clauseId);
  const body = clauseBodyOf(doc, request.clauseId);
  if (clause === undefined || body === null) {
    refuse(404, 'clause-not-found', `There is no clause "${request.clauseId}" in this room.`);
  }
  const title =
    typeof clause.get('title') === 'string' ? String(clause.get('title')) : request.clauseId;
  if (state.locks.includes(request.clauseId)) {
    refuse(
      409,
      'clause-locked',
      `Clause "${title}" is locked; unlock it before deciding on its suggestions.`,
    );
  }
  const all = listSuggestions(request.clauseId, body);
  const chosen =
    request.key !== undefined
      ? all.filter((s) => s.key === request.key)
      : all.filter((s) => s.author.partyId === (request.partyId ?? null));
  if (chosen.length === 0) {
    refuse(
      404,
      'suggestion-not-found',
      request.key !== undefined
        ? `Clause "${title}" has no such suggestion; it may have been decided already.`
        : `Clause "${title}" has no suggestions from that party.`,
    );
  }
  const singleText = state.mode === 'single-text';
  const facilitates = singleText ? await deps.facilitates(member) : false;
  for (const suggestion of chosen) {
    const why = refusal(member, suggestion, request.decision, singleText, facilitates);
    if (why !== null) refuse(403, 'forbidden', why);
  }
  const keys = new Set(chosen.map((s) => s.key));
  await deps.rooms.applyServerChange(
    roomId,
    (live) => {
      const liveBody = clauseBodyOf(live, request.clauseId);
      if (liveBody !== null) applyDecision(liveBody, keys, request.decision);
    },
    { memberId: member.memberId },
  );
  for (const suggestion of chosen) {
    const withdrawn = suggestion.author.memberId === member.memberId;
    await deps.audit.append(roomId, {
      actorId: member.memberId,
      action: withdrawn
        ? 'suggestion.withdrawn'
        : request.decision === 'accept'
          ? 'suggestion.accepted'
          : 'suggestion.rejected',
      target: request.clauseId,
      details: {
        key: suggestion.key,
        authorId: suggestion.author.memberId,
        partyId: suggestion.author.partyId,
        inserted: suggestion.inserted.slice(0, AUDIT_TEXT),
        deleted: suggestion.deleted.slice(0, AUDIT_TEXT),
      },
    });
  }
  return { clauseId: request.clauseId, decision: request.decision, keys: [...keys] };
}
