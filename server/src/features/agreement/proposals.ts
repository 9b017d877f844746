// Proposals: who may make, decide, counter, withdraw and apply them, their value impact on the
// live document (computed on the engine threads), and staleness when their clause changes
// underneath them.
import {
  contentHash,
  decisionOutcome,
  pendingParties,
  requiredParties,
} from '@parley/shared/mediation';
import type {
  CounterProposalRequest,
  CreateProposalRequest,
  DecideProposalRequest,
  Proposal,
  ProposalActor,
  ProposalChange,
  ProposalImpact,
  ProposalView,
} from '@parley/shared/mediation';
import { can } from '@parley/shared/permissions';
import { actorOf } from '@parley/shared/protocol';
import type { MemberClaims } from '@parley/shared/protocol';
import { writeChange } from '@parley/shared/room';
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import { everyone } from '../../realtime';
import type { RoomContext } from '../../rooms';
import type { AgreementDeps } from './deps';
import { checkedNow } from './live';
import type { Checked, ProposalCheck } from './live';
import { inLoadedRoomQueue, inRoomQueue, roomProposals, saveProposal } from './roomState';
import type { AgreementRoom } from './roomState';

const OPEN_STATUSES: ReadonlySet<Proposal['status']> = new Set(['open', 'accepted']);
const NO_IMPACT: ProposalImpact = { ok: true, issues: [], scenarios: [] };

function notFound(proposalId: string): ServiceError {
  return new ServiceError(404, 'not-found', `There is no proposal "${proposalId}" in this room.`);
}

function isOpen(proposal: Proposal): boolean {
  return OPEN_STATUSES.has(proposal.status);
}

async function view(
  deps: AgreementDeps,
  proposal: Proposal,
  checked: Checked,
): Promise<ProposalView> {
  const { mode } = await deps.governance(proposal.roomId);
  const check = isOpen(proposal) ? checked.checks.get(proposal.id) : undefined;
  const { partyIds } = checked.summary;
  return {
    ...proposal,
    requiredParties: requiredParties(partyIds, proposal.author.partyId),
    pendingParties: isOpen(proposal) ? pendingParties(proposal, partyIds) : [],
    applyMode: mode === 'single-text' ? 'mediator' : 'automatic',
    impact: check?.impact ?? NO_IMPACT,
    blockedBy: check?.blockedBy ?? [],
  };
}

/** Tells everyone in the room the proposal as it now stands. */
async function publish(
  deps: AgreementDeps,
  state: AgreementRoom,
  proposal: Proposal,
  checked: Checked,
): Promise<ProposalView> {
  const shown = await view(deps, proposal, checked);
  state.lastImpact.set(proposal.id, contentHash(shown.impact));
  deps.broadcast.to(proposal.roomId, everyone).emit('proposals:changed', shown);
  return shown;
}

async function load(
  deps: AgreementDeps,
  room: RoomContext,
  state: AgreementRoom,
  proposalId: string,
): Promise<Proposal> {
  const proposal = (await roomProposals(deps, room, state)).find((p) => p.id === proposalId);
  if (proposal === undefined) throw notFound(proposalId);
  return proposal;
}

function requireClause(checked: Checked, clauseId: string): void {
  if (!(clauseId in checked.summary.hashes.clauses)) {
    throw new ServiceError(404, 'not-found', `There is no clause "${clauseId}" in this room.`);
  }
}

/** Refuses a change the document cannot take, or one that would add an error to the sheet. */
function requireSound(check: ProposalCheck | undefined, doing: string): void {
  if (check === undefined) return;
  if (check.unwritable !== null) {
    throw new ServiceError(
      doing === 'made' ? 400 : 409,
      'invalid-proposal',
      `${doing === 'made' ? 'This change cannot be made' : 'The document no longer takes this change'}: ${check.unwritable}`,
    );
  }
  const blockers = check.blockedBy;
  if (blockers.length === 0) return;
  throw new ServiceError(
    409,
    'proposal-breaks-sheet',
    `This proposal cannot be ${doing}: it would leave the term sheet with ${
      blockers.length === 1 ? 'an error' : `${blockers.length} errors`
    } (${blockers.map((i) => i.message).join('; ')}).`,
    { issues: blockers },
  );
}

function requireProposer(member: MemberClaims): void {
  if (!can(member.role, 'propose')) {
    throw new ServiceError(
      403,
      'forbidden',
      'Only organizers, negotiators and the mediator make proposals; viewers and observers follow them.',
    );
  }
  if (member.role !== 'mediator' && member.partyId === null) {
    throw new ServiceError(
      403,
      'forbidden',
      'You belong to no party, so you cannot propose for one.',
    );
  }
}

export async function listProposals(
  deps: AgreementDeps,
  member: MemberClaims,
): Promise<{ proposals: ProposalView[] }> {
  return inRoomQueue(deps, member.roomId, async (room, state) => {
    const proposals = await roomProposals(deps, room, state);
    const checked = await checkedNow(deps, room, proposals.filter(isOpen));
    return { proposals: await Promise.all(proposals.map((p) => view(deps, p, checked))) };
  });
}

/** The impact of a change before anyone proposes it. */
export async function previewProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  change: ProposalChange,
): Promise<ProposalImpact> {
  return deps.rooms.hold(member.roomId, async (room) => {
    const checked = await checkedNow(deps, room, [
      {
        id: 'preview',
        clauseId: change.clauseId,
        params: change.params,
        text: change.text ?? null,
      },
    ]);
    requireClause(checked, change.clauseId);
    return checked.checks.get('preview')!.impact;
  });
}

async function makeProposal(
  deps: AgreementDeps,
  room: RoomContext,
  state: AgreementRoom,
  member: MemberClaims,
  request: CreateProposalRequest,
  counterTo: string | null,
): Promise<{ proposal: Proposal; checked: Checked }> {
  const at = deps.now();
  const draft = {
    id: newId('p'),
    clauseId: request.clauseId,
    params: request.params,
    text: request.text ?? null,
  };
  const checked = await checkedNow(deps, room, [...(await openOf(deps, room, state)), draft]);
  requireClause(checked, request.clauseId);
  requireSound(checked.checks.get(draft.id), 'made');
  const proposal: Proposal = {
    ...draft,
    roomId: member.roomId,
    rationale: request.rationale,
    author: actorOf(member),
    createdAt: at,
    updatedAt: at,
    baseHash: checked.summary.hashes.clauses[request.clauseId]!,
    status: 'open',
    counterTo,
    counteredBy: null,
    decisions:
      member.partyId === null
        ? []
        : [
            {
              partyId: member.partyId,
              decision: 'accept',
              memberId: member.memberId,
              name: member.name,
              at,
              implicit: true,
            },
          ],
    appliedAt: null,
    appliedBy: null,
    staleAt: null,
  };
  await saveProposal(deps, state, proposal);
  await deps.audit.append(member.roomId, {
    actorId: member.memberId,
    action: counterTo === null ? 'proposal.created' : 'proposal.countered',
    target: proposal.id,
    details: {
      clauseId: proposal.clauseId,
      params: proposal.params.map((p) => p.path),
      text: proposal.text !== null,
      ...(counterTo === null ? {} : { counterTo }),
    },
  });
  return { proposal, checked };
}

async function openOf(
  deps: AgreementDeps,
  room: RoomContext,
  state: AgreementRoom,
): Promise<Proposal[]> {
  return (await roomProposals(deps, room, state)).filter(isOpen);
}

export async function createProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  request: CreateProposalRequest,
): Promise<ProposalView> {
  requireProposer(member);
  return inRoomQueue(deps, member.roomId, async (room, state) => {
    const { proposal, checked } = await makeProposal(deps, room, state, member, request, null);
    // With one party, or the mediator's proposal in a room of one, nobody is left to ask.
    return publish(deps, state, await settle(deps, room, state, proposal, checked), checked);
  });
}

export async function counterProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  request: CounterProposalRequest,
): Promise<ProposalView> {
  requireProposer(member);
  return inRoomQueue(deps, member.roomId, async (room, state) => {
    const original = await load(deps, room, state, request.proposalId);
    if (original.status !== 'open') {
      throw new ServiceError(
        409,
        'proposal-closed',
        `This proposal is ${original.status}; only an open one can be countered.`,
      );
    }
    if (member.partyId !== null && member.partyId === original.author.partyId) {
      throw new ServiceError(
        409,
        'own-proposal',
        'Your party made this proposal: withdraw it and propose again instead.',
      );
    }
    const { proposal, checked } = await makeProposal(
      deps,
      room,
      state,
      member,
      {
        clauseId: original.clauseId,
        params: request.params,
        text: request.text,
        rationale: request.rationale,
      },
      original.id,
    );
    const countered: Proposal = {
      ...original,
      status: 'countered',
      counteredBy: proposal.id,
      updatedAt: proposal.createdAt,
    };
    await saveProposal(deps, state, countered);
    await publish(deps, state, countered, checked);
    return publish(deps, state, await settle(deps, room, state, proposal, checked), checked);
  });
}

export async function decideProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  request: DecideProposalRequest,
): Promise<ProposalView> {
  if (!can(member.role, 'accept') || member.partyId === null) {
    throw new ServiceError(
      403,
      'forbidden',
      "Only a party's organizer or negotiators accept or reject proposals; the mediator proposes only.",
    );
  }
  const partyId = member.partyId;
  return inRoomQueue(deps, member.roomId, async (room, state) => {
    const proposal = await load(deps, room, state, request.proposalId);
    if (proposal.status !== 'open') {
      throw new ServiceError(
        409,
        'proposal-closed',
        `This proposal is ${proposal.status}; it takes no more decisions.`,
      );
    }
    if (proposal.author.partyId === partyId) {
      throw new ServiceError(
        409,
        'own-proposal',
        'Your party made this proposal and accepted it by proposing.',
      );
    }
    const checked = await checkedNow(deps, room, await openOf(deps, room, state));
    if (!checked.summary.partyIds.includes(partyId)) {
      throw new ServiceError(
        403,
        'forbidden',
        `Party "${partyId}" is not a party of this term sheet.`,
      );
    }
    if (request.decision === 'accept') requireSound(checked.checks.get(proposal.id), 'accepted');
    const at = deps.now();
    const decided: Proposal = {
      ...proposal,
      updatedAt: at,
      decisions: [
        ...proposal.decisions.filter((d) => d.partyId !== partyId),
        {
          partyId,
          decision: request.decision,
          memberId: member.memberId,
          name: member.name,
          at,
          implicit: false,
        },
      ],
    };
    await deps.audit.append(member.roomId, {
      actorId: member.memberId,
      action: request.decision === 'accept' ? 'proposal.accepted' : 'proposal.rejected',
      target: proposal.id,
      details: { partyId },
    });
    return publish(deps, state, await settle(deps, room, state, decided, checked), checked);
  });
}

/** Moves a proposal on after its decisions changed: rejected, still open, or accepted (and applied). */
async function settle(
  deps: AgreementDeps,
  room: RoomContext,
  state: AgreementRoom,
  proposal: Proposal,
  checked: Checked,
): Promise<Proposal> {
  const { partyIds } = checked.summary;
  const outcome = decisionOutcome(proposal, partyIds);
  if (outcome === 'open' || partyIds.length === 0) {
    await saveProposal(deps, state, proposal);
    return proposal;
  }
  if (outcome === 'rejected') {
    const rejected: Proposal = { ...proposal, status: 'rejected' };
    await saveProposal(deps, state, rejected);
    return rejected;
  }
  const accepted: Proposal = { ...proposal, status: 'accepted' };
  await saveProposal(deps, state, accepted);
  if ((await deps.governance(proposal.roomId)).mode === 'single-text') return accepted;
  // Written as the proposer's edit: it is their text everyone agreed to.
  return applyNow(deps, room, state, accepted, accepted.author);
}

/** Writes an accepted proposal into the document, unless its clause changed since. */
async function applyNow(
  deps: AgreementDeps,
  room: RoomContext,
  state: AgreementRoom,
  proposal: Proposal,
  by: ProposalActor,
): Promise<Proposal> {
  if ((await deps.governance(proposal.roomId)).agreedAt !== null) {
    throw new ServiceError(
      409,
      'agreement-frozen',
      'The term sheet is agreed and frozen; reopen it before applying a proposal.',
    );
  }
  const checked = await checkedNow(deps, room, [proposal]);
  if (checked.summary.hashes.clauses[proposal.clauseId] !== proposal.baseHash) {
    return markStale(deps, state, proposal);
  }
  requireSound(checked.checks.get(proposal.id), 'applied');
  state.applying.add(proposal.id);
  try {
    await deps.rooms.applyServerChange(proposal.roomId, (d) => writeChange(d, proposal), {
      memberId: by.memberId,
    });
  } finally {
    state.applying.delete(proposal.id);
  }
  const at = deps.now();
  const applied: Proposal = {
    ...proposal,
    status: 'applied',
    appliedAt: at,
    appliedBy: by,
    updatedAt: at,
  };
  await saveProposal(deps, state, applied);
  await deps.audit.append(proposal.roomId, {
    actorId: by.memberId,
    action: 'proposal.applied',
    target: proposal.id,
    details: { clauseId: proposal.clauseId },
  });
  return applied;
}

async function markStale(
  deps: AgreementDeps,
  state: AgreementRoom,
  proposal: Proposal,
): Promise<Proposal> {
  const at = deps.now();
  const stale: Proposal = { ...proposal, status: 'stale', staleAt: at, updatedAt: at };
  await saveProposal(deps, state, stale);
  await deps.audit.append(proposal.roomId, {
    actorId: null,
    action: 'proposal.stale',
    target: proposal.id,
    details: { clauseId: proposal.clauseId },
  });
  return stale;
}

/** The mediator applies an accepted proposal (the way of single-text mode). */
export async function applyProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  proposalId: string,
): Promise<ProposalView> {
  if (member.role !== 'mediator') {
    throw new ServiceError(403, 'forbidden', 'Only the mediator applies accepted proposals.');
  }
  return inRoomQueue(deps, member.roomId, async (room, state) => {
    const proposal = await load(deps, room, state, proposalId);
    if (proposal.status !== 'accepted') {
      throw new ServiceError(
        409,
        proposal.status === 'stale' ? 'stale' : 'not-accepted',
        proposal.status === 'stale'
          ? 'The clause changed after this proposal was made; it can no longer be applied.'
          : `This proposal is ${proposal.status}; only one every party accepted can be applied.`,
      );
    }
    const result = await applyNow(deps, room, state, proposal, actorOf(member));
    const shown = await publish(deps, state, result, await checkedNow(deps, room));
    if (result.status === 'stale') {
      throw new ServiceError(
        409,
        'stale',
        'The clause changed after this proposal was made; it can no longer be applied.',
      );
    }
    return shown;
  });
}

export async function withdrawProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  proposalId: string,
): Promise<ProposalView> {
  return inRoomQueue(deps, member.roomId, async (room, state) => {
    const proposal = await load(deps, room, state, proposalId);
    if (proposal.author.memberId !== member.memberId) {
      throw new ServiceError(403, 'forbidden', 'Only the member who made a proposal withdraws it.');
    }
    if (!isOpen(proposal)) {
      throw new ServiceError(
        409,
        'proposal-closed',
        `This proposal is ${proposal.status} already.`,
      );
    }
    const withdrawn: Proposal = { ...proposal, status: 'withdrawn', updatedAt: deps.now() };
    await saveProposal(deps, state, withdrawn);
    await deps.audit.append(member.roomId, {
      actorId: member.memberId,
      action: 'proposal.withdrawn',
      target: proposal.id,
    });
    return publish(deps, state, withdrawn, await checkedNow(deps, room));
  });
}

/**
 * After stored changes (coalesced): open proposals on clauses that changed become stale, and
 * every open proposal whose impact moved is published again.
 */
export async function recheckProposals(deps: AgreementDeps, roomId: string): Promise<void> {
  await inRoomQueue(deps, roomId, (room, state) => recheck(deps, room, state, true));
}

/**
 * The same in a room about to unload, with nobody left in it: proposals go stale, but nothing is
 * announced (announcing reads the room's governance, which takes the room that is leaving).
 */
export async function recheckProposalsIn(deps: AgreementDeps, room: RoomContext): Promise<void> {
  await inLoadedRoomQueue(room, (held, state) => recheck(deps, held, state, false));
}

async function recheck(
  deps: AgreementDeps,
  room: RoomContext,
  state: AgreementRoom,
  announce: boolean,
): Promise<void> {
  const roomId = room.id;
  const touched = new Set(state.touched);
  state.touched.clear();
  const open = (await openOf(deps, room, state)).filter((p) => !state.applying.has(p.id));
  if (open.length === 0) return;
  const checked = await checkedNow(deps, room, open);
  for (const proposal of open) {
    const current = checked.summary.hashes.clauses[proposal.clauseId];
    const changed = touched.has(proposal.clauseId) || current === undefined;
    if (changed && current !== proposal.baseHash) {
      const stale = await markStale(deps, state, proposal);
      if (announce) await publish(deps, state, stale, checked);
      continue;
    }
    if (!announce) continue;
    const shown = await view(deps, proposal, checked);
    const hash = contentHash(shown.impact);
    if (state.lastImpact.get(proposal.id) === hash) continue;
    state.lastImpact.set(proposal.id, hash);
    deps.broadcast.to(roomId, everyone).emit('proposals:changed', shown);
  }
}
