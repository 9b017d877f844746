// Confidential walk-away positions, and the overlaps only the mediator sees. The rules that
// keep a party's numbers to itself:
// - a party member reads and writes only its own party's rows (the store query is by party);
// - a refusal depends only on the caller's role, the public document and the caller's own rows,
//   never on whether another party holds a position;
// - the overlap across parties is recomputed after the answer is sent and goes to the mediator
//   only, so nothing on a party's request path reads other parties' positions;
// - the mediator sees a value only when its party shared it, and the gap only when every
//   position on the parameter is shared (else gap + a shared number could reveal another one);
// - the audit log, which the organizer of one party may read, records only who changed a
//   position, not which parameter or bound, let alone the value.
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
import { ServiceError } from '../../errors';
import { everyone, partyAudience, roleAudience } from '../../realtime';
import type { AgreementDeps } from './deps';
import { inRoomQueue } from './roomState';

function requireRecorder(member: MemberClaims): string {
  if (!can(member.role, 'accept') || member.partyId === null) {
    throw new ServiceError(
      403,
      'forbidden',
      "Only a party's organizer or negotiators record that party's confidential positions.",
    );
  }
  return member.partyId;
}

function requireMediator(member: MemberClaims): void {
  if (member.role !== 'mediator') {
    throw new ServiceError(403, 'forbidden', 'Only the mediator sees and publishes overlaps.');
  }
}

/** A position names a numeric parameter that exists in the (public) document. */
async function requireNumericParam(
  deps: AgreementDeps,
  roomId: string,
  ref: ParameterRef,
): Promise<void> {
  const doc = await deps.rooms.getDoc(roomId);
  if (getClauseMap(doc, ref.clauseId) === undefined) {
    throw new ServiceError(404, 'not-found', `There is no clause "${ref.clauseId}" in this room.`);
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

async function ownList(
  deps: AgreementDeps,
  roomId: string,
  partyId: string | null,
): Promise<PositionList> {
  const [positions, published] = await Promise.all([
    partyId === null ? Promise.resolve([]) : deps.store.listPositions(roomId, partyId),
    deps.store.listOverlapPublications(roomId),
  ]);
  return { positions, published };
}

async function ownPosition(
  deps: AgreementDeps,
  roomId: string,
  partyId: string,
  key: PositionKey,
): Promise<Position | undefined> {
  const own = await deps.store.listPositions(roomId, partyId);
  return own.find(
    (p) => p.clauseId === key.clauseId && p.param === key.param && p.bound === key.bound,
  );
}

async function computeOverlaps(deps: AgreementDeps, roomId: string): Promise<OverlapView[]> {
  return overlapViews(await deps.store.listPositions(roomId, null));
}

/** Pushes the party's own list to its members and the new overlaps to the mediator, later. */
function afterChange(deps: AgreementDeps, roomId: string, partyId: string): void {
  setImmediate(() => {
    void inRoomQueue(deps, roomId, async () => {
      deps.broadcast
        .to(roomId, partyAudience(partyId))
        .emit('positions:changed', await ownList(deps, roomId, partyId));
      deps.broadcast
        .to(roomId, roleAudience('mediator'))
        .emit('positions:overlaps', { overlaps: await computeOverlaps(deps, roomId) });
    }).catch((error: unknown) => {
      deps.logger.warn({ err: error, roomId }, 'positions not announced');
    });
  });
}

/** The caller's own party's positions (none without a party) and what the mediator published. */
export async function listPositions(
  deps: AgreementDeps,
  member: MemberClaims,
): Promise<PositionList> {
  // Observers and mediators belong to no party and get the same shape with no positions.
  return ownList(deps, member.roomId, member.partyId);
}

export async function setPosition(
  deps: AgreementDeps,
  member: MemberClaims,
  request: SetPositionRequest,
): Promise<{ position: Position }> {
  const partyId = requireRecorder(member);
  await requireNumericParam(deps, member.roomId, request);
  const existing = await ownPosition(deps, member.roomId, partyId, request);
  const position: Position = {
    partyId,
    clauseId: request.clauseId,
    param: request.param,
    bound: request.bound,
    value: request.value,
    shared: existing?.shared ?? false,
    updatedAt: deps.now(),
    updatedBy: member.memberId,
  };
  await deps.store.savePosition(member.roomId, position);
  await deps.audit.append(member.roomId, { actorId: member.memberId, action: 'position.set' });
  afterChange(deps, member.roomId, partyId);
  return { position };
}

export async function removePosition(
  deps: AgreementDeps,
  member: MemberClaims,
  key: PositionKey,
): Promise<{ deleted: boolean }> {
  const partyId = requireRecorder(member);
  const deleted = await deps.store.deletePosition(member.roomId, partyId, key);
  if (deleted) {
    await deps.audit.append(member.roomId, {
      actorId: member.memberId,
      action: 'position.deleted',
    });
    afterChange(deps, member.roomId, partyId);
  }
  return { deleted };
}

export async function sharePosition(
  deps: AgreementDeps,
  member: MemberClaims,
  request: SharePositionRequest,
): Promise<{ position: Position }> {
  const partyId = requireRecorder(member);
  const existing = await ownPosition(deps, member.roomId, partyId, request);
  if (existing === undefined) {
    throw new ServiceError(
      404,
      'not-found',
      `Your party has no ${request.bound} position on "${request.param}" of clause "${request.clauseId}".`,
    );
  }
  const position: Position = { ...existing, shared: request.shared, updatedAt: deps.now() };
  await deps.store.savePosition(member.roomId, position);
  await deps.audit.append(member.roomId, {
    actorId: member.memberId,
    action: request.shared ? 'position.shared' : 'position.unshared',
  });
  afterChange(deps, member.roomId, partyId);
  return { position };
}

export async function listOverlaps(
  deps: AgreementDeps,
  member: MemberClaims,
): Promise<{ overlaps: OverlapView[] }> {
  requireMediator(member);
  return { overlaps: await computeOverlaps(deps, member.roomId) };
}

export async function publishOverlap(
  deps: AgreementDeps,
  member: MemberClaims,
  ref: ParameterRef,
): Promise<OverlapPublication> {
  requireMediator(member);
  return inRoomQueue(deps, member.roomId, async () => {
    const positions = (await deps.store.listPositions(member.roomId, null)).filter(
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
      publishedAt: deps.now(),
      publishedBy: member.name,
    };
    await deps.store.saveOverlapPublication(member.roomId, publication);
    await deps.audit.append(member.roomId, {
      actorId: member.memberId,
      action: 'overlap.published',
      target: `${ref.clauseId}:${ref.param}`,
      details: { overlap: publication.overlap },
    });
    deps.broadcast.to(member.roomId, everyone).emit('positions:published', publication);
    return publication;
  });
}
