import { overlapViews, zopa } from '@parley/shared/mediation';
import { can } from '@parley/shared/permissions';
import { getClauseMap, readParams } from '@parley/shared/room';
import { resolveParamPath } from '@parley/shared/termsheet';
import type {
  OverlapPublication,
  OverlapView,
  ParameterRef,
  Position,
  PositionKey,
  PositionList,
  SetPositionRequest,
  SharePositionRequest,
} from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../services/errors';
import { silentAgreementPublisher } from './agreementDeps';
import type { AgreementDeps, AgreementPublisher, RoomQueue } from './agreementDeps';

/**
 * Confidential walk-away positions. The rules that keep a party's numbers to itself:
 * - a party member reads and writes only its own party's rows (the store query is by party);
 * - a refusal depends only on the caller's role, the public document and the caller's own rows,
 *   never on whether another party holds a position;
 * - the overlap across parties is recomputed after the answer is sent and goes to the mediator
 *   only, so nothing on a party's request path reads other parties' positions;
 * - the mediator sees a value only when its party shared it, and the gap only when every
 *   position on the parameter is shared (else gap + a shared number could reveal another one);
 * - the audit log, which the organizer of one party may read, records only who changed a
 *   position, not which parameter or bound, let alone the value.
 */
export class PositionsService {
  private publisher: AgreementPublisher = silentAgreementPublisher;

  constructor(
    private readonly deps: AgreementDeps,
    private readonly queue: RoomQueue,
  ) {}

  setPublisher(publisher: AgreementPublisher): void {
    this.publisher = publisher;
  }

  private requireRecorder(member: MemberClaims): string {
    if (!can(member.role, 'accept') || member.partyId === null) {
      throw new ServiceError(
        403,
        'forbidden',
        "Only a party's organizer or negotiators record that party's confidential positions.",
      );
    }
    return member.partyId;
  }

  private requireMediator(member: MemberClaims): void {
    if (member.role !== 'mediator') {
      throw new ServiceError(403, 'forbidden', 'Only the mediator sees and publishes overlaps.');
    }
  }

  /** A position names a numeric parameter that exists in the (public) document. */
  private async requireNumericParam(roomId: string, ref: ParameterRef): Promise<void> {
    const doc = await this.deps.getDoc(roomId);
    if (getClauseMap(doc, ref.clauseId) === undefined) {
      throw new ServiceError(
        404,
        'not-found',
        `There is no clause "${ref.clauseId}" in this room.`,
      );
    }
    const value = resolveParamPath(readParams(doc, ref.clauseId), ref.param);
    if (typeof value !== 'number') {
      throw new ServiceError(
        400,
        'invalid-position',
        `Clause "${ref.clauseId}" has no numeric parameter "${ref.param}".`,
      );
    }
  }

  private async ownList(roomId: string, partyId: string | null): Promise<PositionList> {
    const [positions, published] = await Promise.all([
      partyId === null ? Promise.resolve([]) : this.deps.store.listPositions(roomId, partyId),
      this.deps.store.listOverlapPublications(roomId),
    ]);
    return { positions, published };
  }

  /** The caller's own party's positions (none without a party) and what the mediator published. */
  async list(member: MemberClaims): Promise<PositionList> {
    // Observers and mediators belong to no party and get the same shape with no positions.
    return this.ownList(member.roomId, member.partyId);
  }

  async set(member: MemberClaims, request: SetPositionRequest): Promise<{ position: Position }> {
    const partyId = this.requireRecorder(member);
    await this.requireNumericParam(member.roomId, request);
    const existing = await this.ownPosition(member.roomId, partyId, request);
    const position: Position = {
      partyId,
      clauseId: request.clauseId,
      param: request.param,
      bound: request.bound,
      value: request.value,
      shared: existing?.shared ?? false,
      updatedAt: this.deps.now(),
      updatedBy: member.memberId,
    };
    await this.deps.store.savePosition(member.roomId, position);
    await this.deps.audit(member.roomId, {
      actorId: member.memberId,
      action: 'position.set',
    });
    this.afterChange(member.roomId, partyId);
    return { position };
  }

  async remove(member: MemberClaims, key: PositionKey): Promise<{ deleted: boolean }> {
    const partyId = this.requireRecorder(member);
    const deleted = await this.deps.store.deletePosition(member.roomId, partyId, key);
    if (deleted) {
      await this.deps.audit(member.roomId, {
        actorId: member.memberId,
        action: 'position.deleted',
      });
      this.afterChange(member.roomId, partyId);
    }
    return { deleted };
  }

  async share(
    member: MemberClaims,
    request: SharePositionRequest,
  ): Promise<{ position: Position }> {
    const partyId = this.requireRecorder(member);
    const existing = await this.ownPosition(member.roomId, partyId, request);
    if (existing === undefined) {
      throw new ServiceError(
        404,
        'not-found',
        `Your party has no ${request.bound} position on "${request.param}" of clause "${request.clauseId}".`,
      );
    }
    const position: Position = { ...existing, shared: request.shared, updatedAt: this.deps.now() };
    await this.deps.store.savePosition(member.roomId, position);
    await this.deps.audit(member.roomId, {
      actorId: member.memberId,
      action: request.shared ? 'position.shared' : 'position.unshared',
    });
    this.afterChange(member.roomId, partyId);
    return { position };
  }

  private async ownPosition(
    roomId: string,
    partyId: string,
    key: PositionKey,
  ): Promise<Position | undefined> {
    const own = await this.deps.store.listPositions(roomId, partyId);
    return own.find(
      (p) => p.clauseId === key.clauseId && p.param === key.param && p.bound === key.bound,
    );
  }

  /** Pushes the party's own list to its members and the new overlaps to the mediator, later. */
  private afterChange(roomId: string, partyId: string): void {
    setImmediate(() => {
      void this.queue
        .run(roomId, async () => {
          this.publisher.positionsChanged(roomId, partyId, await this.ownList(roomId, partyId));
          this.publisher.overlapsChanged(roomId, await this.computeOverlaps(roomId));
        })
        .catch(() => undefined);
    });
  }

  private async computeOverlaps(roomId: string): Promise<OverlapView[]> {
    return overlapViews(await this.deps.store.listPositions(roomId, null));
  }

  async overlaps(member: MemberClaims): Promise<{ overlaps: OverlapView[] }> {
    this.requireMediator(member);
    return { overlaps: await this.computeOverlaps(member.roomId) };
  }

  async publish(member: MemberClaims, ref: ParameterRef): Promise<OverlapPublication> {
    this.requireMediator(member);
    return this.queue.run(member.roomId, async () => {
      const positions = (await this.deps.store.listPositions(member.roomId, null)).filter(
        (p) => p.clauseId === ref.clauseId && p.param === ref.param,
      );
      if (positions.length === 0) {
        throw new ServiceError(
          404,
          'not-found',
          `No party holds a position on "${ref.param}" of clause "${ref.clauseId}".`,
        );
      }
      const publication: OverlapPublication = {
        clauseId: ref.clauseId,
        param: ref.param,
        overlap: zopa(positions).overlap,
        publishedAt: this.deps.now(),
        publishedBy: member.name,
      };
      await this.deps.store.saveOverlapPublication(member.roomId, publication);
      await this.deps.audit(member.roomId, {
        actorId: member.memberId,
        action: 'overlap.published',
        target: `${ref.clauseId}:${ref.param}`,
        details: { overlap: publication.overlap },
      });
      this.publisher.overlapPublished(member.roomId, publication);
      return publication;
    });
  }
}
