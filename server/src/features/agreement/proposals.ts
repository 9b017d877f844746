// Proposals: who may make, decide, counter, withdraw and apply them, their value impact on the
// live document, and staleness when their clause changes underneath them.
import {
  applyProposalChange,
  contentHash,
  decisionOutcome,
  pendingParties,
  proposalBlockers,
  proposalImpact,
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
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import { everyone } from '../../realtime';
import type { AgreementDeps } from './deps';
import { liveState } from './live';
import type { LiveState } from './live';
import { dryRun, writeChange } from './proposalChange';
import { inRoomQueue } from './roomState';
import type { AgreementRoom } from './roomState';

const OPEN_STATUSES: ReadonlySet<Proposal['status']> = new Set(['open', 'accepted']);

function notFound(proposalId: string): ServiceError {
  return new ServiceError(404, 'not-found', `There is no proposal "${proposalId}" in this room.`);
}

async function live(deps: AgreementDeps, roomId: string): Promise<LiveState> {
  return liveState(await deps.rooms.getDoc(roomId));
}

async function view(
  deps: AgreementDeps,
  proposal: Proposal,
  state: LiveState,
): Promise<ProposalView> {
  const { mode } = await deps.governance(proposal.roomId);
  const impact: ProposalImpact = OPEN_STATUSES.has(proposal.status)
    ? proposalImpact(state.termsheet, proposal, state.value)
    : { ok: true, issues: [], scenarios: [] };
  return {
    blockedBy: proposalBlockers(impact, state.value),
    ...proposal,
    requiredParties: requiredParties(state.partyIds, proposal.author.partyId),
    pendingParties: OPEN_STATUSES.has(proposal.status)
      ? pendingParties(proposal, state.partyIds)
      : [],
    applyMode: mode === 'single-text' ? 'mediator' : 'automatic',
    impact,
  };
}

/** Tells everyone in the room the proposal as it now stands. */
async function publish(
  deps: AgreementDeps,
  room: AgreementRoom,
  proposal: Proposal,
  state: LiveState,
): Promise<ProposalView> {
  const shown = await view(deps, proposal, state);
  room.lastImpact.set(proposal.id, contentHash(shown.impact));
  deps.broadcast.to(proposal.roomId, everyone).emit('proposals:changed', shown);
  return shown;
}

async function load(deps: AgreementDeps, roomId: string, proposalId: string): Promise<Proposal> {
  const proposal = await deps.store.getProposal(roomId, proposalId);
  if (proposal === undefined) throw notFound(proposalId);
  return proposal;
}

/** Refuses a change that would leave the sheet with an error it does not have now. */
function requireSound(
  state: LiveState,
  change: Parameters<typeof proposalImpact>[1],
  doing: string,
): void {
  const blockers = proposalBlockers(
    proposalImpact(state.termsheet, change, state.value),
    state.value,
  );
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

function requireClause(state: LiveState, clauseId: string): void {
  if (!(clauseId in state.hashes.clauses)) {
    throw new ServiceError(404, 'not-found', `There is no clause "${clauseId}" in this room.`);
  }
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
  const [proposals, state] = await Promise.all([
    deps.store.listProposals(member.roomId),
    live(deps, member.roomId),
  ]);
  return { proposals: await Promise.all(proposals.map((p) => view(deps, p, state))) };
}

/** The impact of a change before anyone proposes it. */
export async function previewProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  change: ProposalChange,
): Promise<ProposalImpact> {
  const state = await live(deps, member.roomId);
  requireClause(state, change.clauseId);
  return proposalImpact(state.termsheet, change, state.value);
}

async function makeProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  request: CreateProposalRequest,
  counterTo: string | null,
): Promise<{ proposal: Proposal; state: LiveState }> {
  const doc = await deps.rooms.getDoc(member.roomId);
  const state = liveState(doc);
  requireClause(state, request.clauseId);
  const change = {
    clauseId: request.clauseId,
    params: request.params,
    text: request.text ?? null,
  };
  const checked = applyProposalChange(state.termsheet, change);
  const problem =
    checked.termsheet === null
      ? checked.issues.map((i) => i.message).join('; ')
      : dryRun(doc, change);
  if (problem !== null) {
    throw new ServiceError(400, 'invalid-proposal', `This change cannot be made: ${problem}`);
  }
  requireSound(state, change, 'made');
  const at = deps.now();
  const proposal: Proposal = {
    id: newId('p'),
    roomId: member.roomId,
    ...change,
    rationale: request.rationale,
    author: actorOf(member),
    createdAt: at,
    updatedAt: at,
    baseHash: state.hashes.clauses[request.clauseId]!,
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
  await deps.store.saveProposal(proposal);
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
  return { proposal, state };
}

export async function createProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  request: CreateProposalRequest,
): Promise<ProposalView> {
  requireProposer(member);
  return inRoomQueue(deps, member.roomId, async (_room, room) => {
    const { proposal, state } = await makeProposal(deps, member, request, null);
    // With one party, or the mediator's proposal in a room of one, nobody is left to ask.
    return publish(deps, room, await settle(deps, room, proposal, state), state);
  });
}

export async function counterProposal(
  deps: AgreementDeps,
  member: MemberClaims,
  request: CounterProposalRequest,
): Promise<ProposalView> {
  requireProposer(member);
  return inRoomQueue(deps, member.roomId, async (_room, room) => {
    const original = await load(deps, member.roomId, request.proposalId);
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
    const { proposal, state } = await makeProposal(
      deps,
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
    await deps.store.saveProposal(countered);
    await publish(deps, room, countered, state);
    return publish(deps, room, await settle(deps, room, proposal, state), state);
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
  return inRoomQueue(deps, member.roomId, async (_room, room) => {
    const proposal = await load(deps, member.roomId, request.proposalId);
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
    const state = await live(deps, member.roomId);
    if (!state.partyIds.includes(partyId)) {
      throw new ServiceError(
        403,
        'forbidden',
        `Party "${partyId}" is not a party of this term sheet.`,
      );
    }
    if (request.decision === 'accept') requireSound(state, proposal, 'accepted');
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
    return publish(deps, room, await settle(deps, room, decided, state), state);
  });
}

/** Moves a proposal on after its decisions changed: rejected, still open, or accepted (and applied). */
async function settle(
  deps: AgreementDeps,
  room: AgreementRoom,
  proposal: Proposal,
  state: LiveState,
): Promise<Proposal> {
  const outcome = decisionOutcome(proposal, state.partyIds);
  if (outcome === 'open' || state.partyIds.length === 0) {
    await deps.store.saveProposal(proposal);
    return proposal;
  }
  if (outcome === 'rejected') {
    const rejected: Proposal = { ...proposal, status: 'rejected' };
    await deps.store.saveProposal(rejected);
    return rejected;
  }
  const accepted: Proposal = { ...proposal, status: 'accepted' };
  await deps.store.saveProposal(accepted);
  if ((await deps.governance(proposal.roomId)).mode === 'single-text') return accepted;
  // Written as the proposer's edit: it is their text everyone agreed to.
  return applyNow(deps, room, accepted, accepted.author);
}

/** Writes an accepted proposal into the document, unless its clause changed since. */
async function applyNow(
  deps: AgreementDeps,
  room: AgreementRoom,
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
  const doc = await deps.rooms.getDoc(proposal.roomId);
  const state = liveState(doc);
  if (state.hashes.clauses[proposal.clauseId] !== proposal.baseHash) {
    return markStale(deps, proposal);
  }
  const problem = dryRun(doc, proposal);
  if (problem !== null) {
    throw new ServiceError(
      409,
      'invalid-proposal',
      `The document no longer takes this change: ${problem}`,
    );
  }
  requireSound(state, proposal, 'applied');
  room.applying.add(proposal.id);
  try {
    await deps.rooms.applyServerChange(proposal.roomId, (d) => writeChange(d, proposal), {
      memberId: by.memberId,
    });
  } finally {
    room.applying.delete(proposal.id);
  }
  const at = deps.now();
  const applied: Proposal = {
    ...proposal,
    status: 'applied',
    appliedAt: at,
    appliedBy: by,
    updatedAt: at,
  };
  await deps.store.saveProposal(applied);
  await deps.audit.append(proposal.roomId, {
    actorId: by.memberId,
    action: 'proposal.applied',
    target: proposal.id,
    details: { clauseId: proposal.clauseId },
  });
  return applied;
}

async function markStale(deps: AgreementDeps, proposal: Proposal): Promise<Proposal> {
  const at = deps.now();
  const stale: Proposal = { ...proposal, status: 'stale', staleAt: at, updatedAt: at };
  await deps.store.saveProposal(stale);
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
  return inRoomQueue(deps, member.roomId, async (_room, room) => {
    const proposal = await load(deps, member.roomId, proposalId);
    if (proposal.status !== 'accepted') {
      throw new ServiceError(
        409,
        proposal.status === 'stale' ? 'stale' : 'not-accepted',
        proposal.status === 'stale'
          ? 'The clause changed after this proposal was made; it can no longer be applied.'
          : `This proposal is ${proposal.status}; only one every party accepted can be applied.`,
      );
    }
    const result = await applyNow(deps, room, proposal, actorOf(member));
    const shown = await publish(deps, room, result, await live(deps, member.roomId));
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
  return inRoomQueue(deps, member.roomId, async (_room, room) => {
    const proposal = await load(deps, member.roomId, proposalId);
    if (proposal.author.memberId !== member.memberId) {
      throw new ServiceError(403, 'forbidden', 'Only the member who made a proposal withdraws it.');
    }
    if (!OPEN_STATUSES.has(proposal.status)) {
      throw new ServiceError(
        409,
        'proposal-closed',
        `This proposal is ${proposal.status} already.`,
      );
    }
    const withdrawn: Proposal = { ...proposal, status: 'withdrawn', updatedAt: deps.now() };
    await deps.store.saveProposal(withdrawn);
    await deps.audit.append(member.roomId, {
      actorId: member.memberId,
      action: 'proposal.withdrawn',
      target: proposal.id,
    });
    return publish(deps, room, withdrawn, await live(deps, member.roomId));
  });
}

/** After a stored document change: stale proposals on touched clauses, fresh impacts soon. */
export async function recheckProposals(
  deps: AgreementDeps,
  roomId: string,
  clauseIds: readonly string[],
): Promise<void> {
  const touched = new Set(clauseIds);
  await inRoomQueue(deps, roomId, async (_room, room) => {
    const proposals = (await deps.store.listProposals(roomId)).filter(
      (p) => OPEN_STATUSES.has(p.status) && !room.applying.has(p.id),
    );
    if (proposals.length > 0) {
      const state = await live(deps, roomId);
      for (const proposal of proposals) {
        const current = state.hashes.clauses[proposal.clauseId];
        const changed = touched.has(proposal.clauseId) || current === undefined;
        if (changed && current !== proposal.baseHash) {
          await publish(deps, room, await markStale(deps, proposal), state);
        }
      }
    }
    room.impactRefresh.touch(() => {
      refreshImpacts(deps, roomId).catch((error: unknown) => {
        deps.logger.warn({ err: error, roomId }, 'proposal impacts not refreshed');
      });
    });
  });
}

/** Pushes each open proposal whose impact changed since it was last published. */
async function refreshImpacts(deps: AgreementDeps, roomId: string): Promise<void> {
  await inRoomQueue(deps, roomId, async (_room, room) => {
    const proposals = (await deps.store.listProposals(roomId)).filter((p) =>
      OPEN_STATUSES.has(p.status),
    );
    if (proposals.length === 0) return;
    const state = await live(deps, roomId);
    for (const proposal of proposals) {
      const shown = await view(deps, proposal, state);
      const hash = contentHash(shown.impact);
      if (room.lastImpact.get(proposal.id) === hash) continue;
      room.lastImpact.set(proposal.id, hash);
      deps.broadcast.to(roomId, everyone).emit('proposals:changed', shown);
    }
  });
}
