import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import {
  applyProposalChange,
  contentHash,
  decisionOutcome,
  pendingParties,
  proposalImpact,
  requiredParties,
} from '@parley/shared/mediation';
import { can } from '@parley/shared/permissions';
import { parsePath, setClauseText, setParam } from '@parley/shared/room';
import type {
  CounterProposalRequest,
  CreateProposalRequest,
  DecideProposalRequest,
  ParamChange,
  Proposal,
  ProposalActor,
  ProposalChange,
  ProposalImpact,
  ProposalView,
} from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../services/errors';
import { RoomDebounce, liveState, silentAgreementPublisher } from './agreementDeps';
import type { AgreementDeps, AgreementPublisher, LiveState, RoomQueue } from './agreementDeps';

const OPEN_STATUSES: ReadonlySet<Proposal['status']> = new Set(['open', 'accepted']);

function actorOf(member: MemberClaims): ProposalActor {
  return {
    memberId: member.memberId,
    name: member.name,
    role: member.role,
    partyId: member.partyId,
  };
}

function notFound(proposalId: string): ServiceError {
  return new ServiceError(404, 'not-found', `There is no proposal "${proposalId}" in this room.`);
}

/** Writes a proposal's change into a document; throws on a path the document cannot take. */
function writeChange(
  doc: Y.Doc,
  change: { clauseId: string; params: readonly ParamChange[]; text: string | null },
): void {
  doc.transact(() => {
    for (const { path, value } of change.params)
      setParam(doc, change.clauseId, parsePath(path), value);
    if (change.text !== null) setClauseText(doc, change.clauseId, change.text);
  });
}

/** Whether the change goes into a copy of the document without an error (nothing half-applied). */
function dryRun(doc: Y.Doc, change: Parameters<typeof writeChange>[1]): string | null {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  try {
    writeChange(copy, change);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    copy.destroy();
  }
}

/**
 * Proposals: who may make, decide, counter, withdraw and apply them, their value impact on the
 * live document, and staleness when their clause changes underneath them.
 */
export class ProposalsService {
  private publisher: AgreementPublisher = silentAgreementPublisher;
  /** Proposals being written into the document right now: their own edit does not make them stale. */
  private readonly applying = new Set<string>();
  /** Last impact published per proposal, to push only real changes after a document edit. */
  private readonly lastImpact = new Map<string, string>();
  private readonly impactRefresh: RoomDebounce;

  constructor(
    private readonly deps: AgreementDeps,
    private readonly queue: RoomQueue,
    refreshMs = 250,
  ) {
    this.impactRefresh = new RoomDebounce(refreshMs, (roomId) => {
      this.refreshImpacts(roomId).catch(() => undefined);
    });
  }

  setPublisher(publisher: AgreementPublisher): void {
    this.publisher = publisher;
  }

  close(): void {
    this.impactRefresh.close();
  }

  private async live(roomId: string): Promise<LiveState> {
    return liveState(await this.deps.getDoc(roomId));
  }

  private async view(proposal: Proposal, live: LiveState): Promise<ProposalView> {
    const mode = await this.deps.mediationMode(proposal.roomId);
    const impact: ProposalImpact = OPEN_STATUSES.has(proposal.status)
      ? proposalImpact(live.termsheet, proposal, live.value)
      : { ok: true, issues: [], scenarios: [] };
    return {
      ...proposal,
      requiredParties: requiredParties(live.partyIds, proposal.author.partyId),
      pendingParties: OPEN_STATUSES.has(proposal.status)
        ? pendingParties(proposal, live.partyIds)
        : [],
      applyMode: mode === 'single-text' ? 'mediator' : 'automatic',
      impact,
    };
  }

  private async publish(proposal: Proposal, live: LiveState): Promise<ProposalView> {
    const view = await this.view(proposal, live);
    this.lastImpact.set(proposal.id, contentHash(view.impact));
    this.publisher.proposalChanged(proposal.roomId, view);
    return view;
  }

  private async load(roomId: string, proposalId: string): Promise<Proposal> {
    const proposal = await this.deps.store.getProposal(roomId, proposalId);
    if (proposal === undefined) throw notFound(proposalId);
    return proposal;
  }

  async list(member: MemberClaims): Promise<{ proposals: ProposalView[] }> {
    const [proposals, live] = await Promise.all([
      this.deps.store.listProposals(member.roomId),
      this.live(member.roomId),
    ]);
    return { proposals: await Promise.all(proposals.map((p) => this.view(p, live))) };
  }

  /** The impact of a change before anyone proposes it. */
  async preview(member: MemberClaims, change: ProposalChange): Promise<ProposalImpact> {
    const live = await this.live(member.roomId);
    this.requireClause(live, change.clauseId);
    return proposalImpact(live.termsheet, change, live.value);
  }

  private requireProposer(member: MemberClaims): void {
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

  private requireClause(live: LiveState, clauseId: string): void {
    if (!(clauseId in live.hashes.clauses)) {
      throw new ServiceError(404, 'not-found', `There is no clause "${clauseId}" in this room.`);
    }
  }

  private async makeProposal(
    member: MemberClaims,
    request: CreateProposalRequest,
    counterTo: string | null,
  ): Promise<{ proposal: Proposal; live: LiveState }> {
    const live = await this.live(member.roomId);
    this.requireClause(live, request.clauseId);
    const change = {
      clauseId: request.clauseId,
      params: request.params,
      text: request.text ?? null,
    };
    const checked = applyProposalChange(live.termsheet, change);
    const problem =
      checked.termsheet === null
        ? checked.issues.map((i) => i.message).join('; ')
        : dryRun(await this.deps.getDoc(member.roomId), change);
    if (problem !== null) {
      throw new ServiceError(400, 'invalid-proposal', `This change cannot be made: ${problem}`);
    }
    const at = this.deps.now();
    const proposal: Proposal = {
      id: `p-${randomBytes(9).toString('base64url')}`,
      roomId: member.roomId,
      ...change,
      rationale: request.rationale,
      author: actorOf(member),
      createdAt: at,
      updatedAt: at,
      baseHash: live.hashes.clauses[request.clauseId]!,
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
    await this.deps.store.saveProposal(proposal);
    await this.deps.audit(member.roomId, {
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
    return { proposal, live };
  }

  async create(member: MemberClaims, request: CreateProposalRequest): Promise<ProposalView> {
    this.requireProposer(member);
    return this.queue.run(member.roomId, async () => {
      const { proposal, live } = await this.makeProposal(member, request, null);
      // With one party, or the mediator's proposal in a room of one, nobody is left to ask.
      return this.publish(await this.settle(proposal, live), live);
    });
  }

  async counter(member: MemberClaims, request: CounterProposalRequest): Promise<ProposalView> {
    this.requireProposer(member);
    return this.queue.run(member.roomId, async () => {
      const original = await this.load(member.roomId, request.proposalId);
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
      const { proposal, live } = await this.makeProposal(
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
      await this.deps.store.saveProposal(countered);
      await this.publish(countered, live);
      return this.publish(await this.settle(proposal, live), live);
    });
  }

  async decide(member: MemberClaims, request: DecideProposalRequest): Promise<ProposalView> {
    if (!can(member.role, 'accept') || member.partyId === null) {
      throw new ServiceError(
        403,
        'forbidden',
        "Only a party's organizer or negotiators accept or reject proposals; the mediator proposes only.",
      );
    }
    const partyId = member.partyId;
    return this.queue.run(member.roomId, async () => {
      const proposal = await this.load(member.roomId, request.proposalId);
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
      const live = await this.live(member.roomId);
      if (!live.partyIds.includes(partyId)) {
        throw new ServiceError(
          403,
          'forbidden',
          `Party "${partyId}" is not a party of this term sheet.`,
        );
      }
      const at = this.deps.now();
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
      await this.deps.audit(member.roomId, {
        actorId: member.memberId,
        action: request.decision === 'accept' ? 'proposal.accepted' : 'proposal.rejected',
        target: proposal.id,
        details: { partyId },
      });
      return this.publish(await this.settle(decided, live), live);
    });
  }

  /** Moves a proposal on after its decisions changed: rejected, still open, or accepted (and applied). */
  private async settle(proposal: Proposal, live: LiveState): Promise<Proposal> {
    const outcome = decisionOutcome(proposal, live.partyIds);
    if (outcome === 'open' || live.partyIds.length === 0) {
      await this.deps.store.saveProposal(proposal);
      return proposal;
    }
    if (outcome === 'rejected') {
      const rejected: Proposal = { ...proposal, status: 'rejected' };
      await this.deps.store.saveProposal(rejected);
      return rejected;
    }
    const accepted: Proposal = { ...proposal, status: 'accepted' };
    await this.deps.store.saveProposal(accepted);
    if ((await this.deps.mediationMode(proposal.roomId)) === 'single-text') return accepted;
    // Written as the proposer's edit: it is their text everyone agreed to.
    return this.applyNow(accepted, accepted.author);
  }

  /** Writes an accepted proposal into the document, unless its clause changed since. */
  private async applyNow(proposal: Proposal, by: ProposalActor): Promise<Proposal> {
    const doc = await this.deps.getDoc(proposal.roomId);
    const live = liveState(doc);
    if (live.hashes.clauses[proposal.clauseId] !== proposal.baseHash) {
      return this.markStale(proposal);
    }
    const problem = dryRun(doc, proposal);
    if (problem !== null) {
      throw new ServiceError(
        409,
        'invalid-proposal',
        `The document no longer takes this change: ${problem}`,
      );
    }
    this.applying.add(proposal.id);
    try {
      await this.deps.applyServerChange(proposal.roomId, (d) => writeChange(d, proposal), {
        memberId: by.memberId,
      });
    } finally {
      this.applying.delete(proposal.id);
    }
    const at = this.deps.now();
    const applied: Proposal = {
      ...proposal,
      status: 'applied',
      appliedAt: at,
      appliedBy: by,
      updatedAt: at,
    };
    await this.deps.store.saveProposal(applied);
    await this.deps.audit(proposal.roomId, {
      actorId: by.memberId,
      action: 'proposal.applied',
      target: proposal.id,
      details: { clauseId: proposal.clauseId },
    });
    return applied;
  }

  private async markStale(proposal: Proposal): Promise<Proposal> {
    const at = this.deps.now();
    const stale: Proposal = { ...proposal, status: 'stale', staleAt: at, updatedAt: at };
    await this.deps.store.saveProposal(stale);
    await this.deps.audit(proposal.roomId, {
      actorId: null,
      action: 'proposal.stale',
      target: proposal.id,
      details: { clauseId: proposal.clauseId },
    });
    return stale;
  }

  /** The mediator applies an accepted proposal (the way of single-text mode). */
  async apply(member: MemberClaims, proposalId: string): Promise<ProposalView> {
    if (member.role !== 'mediator') {
      throw new ServiceError(403, 'forbidden', 'Only the mediator applies accepted proposals.');
    }
    return this.queue.run(member.roomId, async () => {
      const proposal = await this.load(member.roomId, proposalId);
      if (proposal.status !== 'accepted') {
        throw new ServiceError(
          409,
          proposal.status === 'stale' ? 'stale' : 'not-accepted',
          proposal.status === 'stale'
            ? 'The clause changed after this proposal was made; it can no longer be applied.'
            : `This proposal is ${proposal.status}; only one every party accepted can be applied.`,
        );
      }
      const result = await this.applyNow(proposal, actorOf(member));
      const live = await this.live(member.roomId);
      const view = await this.publish(result, live);
      if (result.status === 'stale') {
        throw new ServiceError(
          409,
          'stale',
          'The clause changed after this proposal was made; it can no longer be applied.',
        );
      }
      return view;
    });
  }

  async withdraw(member: MemberClaims, proposalId: string): Promise<ProposalView> {
    return this.queue.run(member.roomId, async () => {
      const proposal = await this.load(member.roomId, proposalId);
      if (proposal.author.memberId !== member.memberId) {
        throw new ServiceError(
          403,
          'forbidden',
          'Only the member who made a proposal withdraws it.',
        );
      }
      if (!OPEN_STATUSES.has(proposal.status)) {
        throw new ServiceError(
          409,
          'proposal-closed',
          `This proposal is ${proposal.status} already.`,
        );
      }
      const withdrawn: Proposal = { ...proposal, status: 'withdrawn', updatedAt: this.deps.now() };
      await this.deps.store.saveProposal(withdrawn);
      await this.deps.audit(member.roomId, {
        actorId: member.memberId,
        action: 'proposal.withdrawn',
        target: proposal.id,
      });
      return this.publish(withdrawn, await this.live(member.roomId));
    });
  }

  /** After a stored document change: stale proposals on touched clauses, fresh impacts soon. */
  async docChanged(roomId: string, clauseIds: readonly string[]): Promise<void> {
    const touched = new Set(clauseIds);
    await this.queue.run(roomId, async () => {
      const proposals = (await this.deps.store.listProposals(roomId)).filter(
        (p) => OPEN_STATUSES.has(p.status) && !this.applying.has(p.id),
      );
      if (proposals.length === 0) return;
      const live = await this.live(roomId);
      for (const proposal of proposals) {
        const current = live.hashes.clauses[proposal.clauseId];
        const changed = touched.has(proposal.clauseId) || current === undefined;
        if (changed && current !== proposal.baseHash) {
          await this.publish(await this.markStale(proposal), live);
        }
      }
    });
    this.impactRefresh.touch(roomId);
  }

  private async refreshImpacts(roomId: string): Promise<void> {
    await this.queue.run(roomId, async () => {
      const proposals = (await this.deps.store.listProposals(roomId)).filter((p) =>
        OPEN_STATUSES.has(p.status),
      );
      if (proposals.length === 0) return;
      const live = await this.live(roomId);
      for (const proposal of proposals) {
        const view = await this.view(proposal, live);
        const hash = contentHash(view.impact);
        if (this.lastImpact.get(proposal.id) === hash) continue;
        this.lastImpact.set(proposal.id, hash);
        this.publisher.proposalChanged(roomId, view);
      }
    });
  }
}
