// Single-text mode: the mediator holds the pen, publishes numbered drafts, and each party votes.
import * as Y from 'yjs';
import type {
  Draft,
  DraftVoteValue,
  MediationMode,
  MediationState,
} from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import type { DraftVoteRecord } from './storeTypes';
import type { GovernanceDeps } from './deps';
import { announceDraft, announceState } from './live';
import { requireFacilitator, requirePartySpeaker } from './rules';

/**
 * Switches single-text mode (Fisher's one-text procedure) on or off. While it is on, the collab
 * endpoint accepts document writes only from the mediator.
 */
export async function setMode(
  deps: GovernanceDeps,
  member: MemberClaims,
  mode: MediationMode,
): Promise<MediationState> {
  await requireFacilitator(deps, member, 'switch single-text mode');
  const { roomId } = member;
  const changed = await deps.states.mutate(roomId, async (state) => {
    if (state.mode === mode) return false;
    await deps.states.saveModeAndAgenda(roomId, { ...state, mode }, deps.now());
    state.mode = mode;
    await deps.audit.append(roomId, {
      actorId: member.memberId,
      action: 'mode.changed',
      details: { mode },
    });
    return true;
  });
  const state = await deps.states.read(roomId);
  if (changed) announceState(deps, roomId, state);
  return state;
}

function withVotes(draft: Omit<Draft, 'votes'>, votes: readonly DraftVoteRecord[]): Draft {
  return {
    ...draft,
    votes: votes
      .filter((v) => v.number === draft.number)
      .map(({ partyId, vote, memberId, at }) => ({ partyId, vote, memberId, at })),
  };
}

export async function listDrafts(deps: GovernanceDeps, roomId: string): Promise<Draft[]> {
  const [drafts, votes] = await Promise.all([
    deps.store.listDrafts(roomId),
    deps.store.listDraftVotes(roomId),
  ]);
  return drafts.map((d) => withVotes(d, votes));
}

async function getDraft(deps: GovernanceDeps, roomId: string, number: number): Promise<Draft> {
  const draft = (await listDrafts(deps, roomId)).find((d) => d.number === number);
  if (draft === undefined) {
    throw new ServiceError(404, 'draft-not-found', `There is no draft ${number} in this room.`);
  }
  return draft;
}

/** Publishes the document as it stands as the next numbered draft, with the mediator's note. */
export async function publishDraft(
  deps: GovernanceDeps,
  member: MemberClaims,
  note: string,
): Promise<Draft> {
  await requireFacilitator(deps, member, 'publish a draft');
  const { roomId } = member;
  const { mode } = await deps.states.read(roomId);
  if (mode !== 'single-text') {
    throw new ServiceError(
      409,
      'not-single-text',
      'Drafts belong to single-text mode; switch it on first.',
    );
  }
  const doc = await deps.rooms.getDoc(roomId);
  const stateVector = Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  const number = await deps.store.addDraft(roomId, {
    note,
    stateVector,
    state: Y.encodeStateAsUpdate(doc),
    createdBy: member.memberId,
    createdAt: deps.now(),
  });
  await deps.audit.append(roomId, {
    actorId: member.memberId,
    action: 'draft.published',
    target: String(number),
    details: { note, stateVector },
  });
  const draft = await getDraft(deps, roomId, number);
  announceDraft(deps, roomId, draft);
  await deps.milestone?.({
    roomId,
    kind: 'draft',
    actor: member,
    label: note.trim() === '' ? `Draft ${number}` : `Draft ${number}: ${note.trim()}`,
  });
  return draft;
}

/** One yes/no per party and draft, cast by its organizer or a negotiator; a new vote replaces it. */
export async function voteDraft(
  deps: GovernanceDeps,
  member: MemberClaims,
  number: number,
  vote: DraftVoteValue,
): Promise<Draft> {
  const partyId = requirePartySpeaker(member, 'vote on a draft');
  const { roomId } = member;
  await getDraft(deps, roomId, number);
  await deps.store.putDraftVote(roomId, {
    number,
    partyId,
    vote,
    memberId: member.memberId,
    at: deps.now(),
  });
  await deps.audit.append(roomId, {
    actorId: member.memberId,
    action: 'draft.voted',
    target: String(number),
    details: { partyId, vote },
  });
  const draft = await getDraft(deps, roomId, number);
  announceDraft(deps, roomId, draft);
  return draft;
}
