// Sign-offs: a party's organizer or negotiator signs a clause; the signature binds the clause's
// content hash and the value hash, and any change to either voids it.
import { agreementStatus, signOffBreach } from '@parley/shared/mediation';
import type { SignOff, SignOffState, VoidReason } from '@parley/shared/mediation';
import { can } from '@parley/shared/permissions';
import type { MemberClaims } from '@parley/shared/protocol';
import { readRoomParties } from '@parley/shared/room';
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import { everyone, partyAudience } from '../../realtime';
import type { AgreementDeps } from './deps';
import { liveState } from './live';
import type { LiveState } from './live';
import type { RoomContext } from '../../rooms';
import { inLoadedRoomQueue, inRoomQueue } from './roomState';

/** A signature as the agreement export lists it. */
export interface AgreementSignature {
  clauseId: string;
  clauseTitle: string;
  partyId: string;
  partyName: string;
  memberId: string;
  memberName: string;
  contentHash: string;
  valueHash: string;
  signedAt: number;
}

/** `GET /api/rooms/:roomId/agreement` when every party signed every clause. */
export interface AgreementExport {
  format: 'parley.agreement/v1';
  agreed: true;
  agreedAt: number;
  valueHash: string;
  termsheet: unknown;
  signatures: AgreementSignature[];
}

function clauseTitle(termsheet: unknown, clauseId: string): string {
  const clauses = (termsheet as { clauses?: { id?: unknown; title?: unknown }[] }).clauses ?? [];
  const title = clauses.find((c) => c.id === clauseId)?.title;
  return typeof title === 'string' ? title : clauseId;
}

async function live(deps: AgreementDeps, roomId: string): Promise<LiveState> {
  return liveState(await deps.rooms.getDoc(roomId));
}

/** Valid sign-offs and, per clause and party, the latest voided one if nothing replaced it. */
function stateOf(signOffs: readonly SignOff[], state: LiveState): SignOffState {
  // A sign-off the live document already breaks counts as void even before the recheck runs.
  const valid = signOffs.filter(
    (s) => s.voidedAt === null && signOffBreach(s, state.hashes) === null,
  );
  const shown = [...valid];
  for (const s of signOffs) {
    if (valid.includes(s)) continue;
    const newer = signOffs.some(
      (o) =>
        o !== s && o.clauseId === s.clauseId && o.partyId === s.partyId && o.signedAt >= s.signedAt,
    );
    if (!newer) shown.push(s);
  }
  shown.sort((a, b) => a.signedAt - b.signedAt || a.id.localeCompare(b.id));
  return {
    signOffs: shown,
    agreement: agreementStatus(state.clauseIds, state.partyIds, valid, state.hashes),
  };
}

function announce(deps: AgreementDeps, roomId: string, state: SignOffState): void {
  deps.broadcast.to(roomId, everyone).emit('signoffs:changed', state);
}

export async function listSignOffs(
  deps: AgreementDeps,
  member: MemberClaims,
): Promise<SignOffState> {
  const [signOffs, state] = await Promise.all([
    deps.store.listSignOffs(member.roomId),
    live(deps, member.roomId),
  ]);
  return stateOf(signOffs, state);
}

function requireSigner(member: MemberClaims): string {
  if (!can(member.role, 'sign-off') || member.partyId === null) {
    throw new ServiceError(
      403,
      'forbidden',
      "Only a party's organizer or negotiators sign off clauses for that party.",
    );
  }
  return member.partyId;
}

async function voidOne(
  deps: AgreementDeps,
  signOff: SignOff,
  reason: VoidReason,
  at: number,
  actorId: string | null = null,
): Promise<SignOff> {
  const voided: SignOff = { ...signOff, voidedAt: at, voidReason: reason };
  await deps.store.saveSignOff(voided);
  await deps.audit.append(signOff.roomId, {
    actorId,
    action: reason === 'withdrawn' ? 'signoff.withdrawn' : 'signoff.voided',
    target: signOff.clauseId,
    details: { partyId: signOff.partyId, reason },
  });
  if (reason !== 'withdrawn') {
    deps.broadcast
      .to(signOff.roomId, partyAudience(signOff.partyId))
      .emit('signoffs:voided', { signOff: voided, reason });
  }
  return voided;
}

export async function signOff(
  deps: AgreementDeps,
  member: MemberClaims,
  clauseId: string,
): Promise<SignOff> {
  const partyId = requireSigner(member);
  return inRoomQueue(deps, member.roomId, async () => {
    const state = await live(deps, member.roomId);
    const contentHash = state.hashes.clauses[clauseId];
    if (contentHash === undefined) {
      throw new ServiceError(404, 'not-found', `There is no clause "${clauseId}" in this room.`);
    }
    if (!state.partyIds.includes(partyId)) {
      throw new ServiceError(
        403,
        'forbidden',
        `Party "${partyId}" is not a party of this term sheet.`,
      );
    }
    const signOffs = await deps.store.listSignOffs(member.roomId);
    const mine = signOffs.filter(
      (s) => s.clauseId === clauseId && s.partyId === partyId && s.voidedAt === null,
    );
    const same = mine.find((s) => signOffBreach(s, state.hashes) === null);
    if (same !== undefined) return same;
    const at = deps.now();
    for (const old of mine) {
      await voidOne(deps, old, signOffBreach(old, state.hashes) ?? 'clause-changed', at);
    }
    const signed: SignOff = {
      id: newId('s'),
      roomId: member.roomId,
      clauseId,
      partyId,
      memberId: member.memberId,
      memberName: member.name,
      contentHash,
      valueHash: state.hashes.value,
      signedAt: at,
      voidedAt: null,
      voidReason: null,
    };
    await deps.store.saveSignOff(signed);
    await deps.audit.append(member.roomId, {
      actorId: member.memberId,
      action: 'signoff.signed',
      target: clauseId,
      details: { partyId, contentHash, valueHash: state.hashes.value },
    });
    announce(deps, member.roomId, stateOf([...signOffs, signed], state));
    return signed;
  });
}

export async function withdrawSignOff(
  deps: AgreementDeps,
  member: MemberClaims,
  clauseId: string,
): Promise<SignOff> {
  const partyId = requireSigner(member);
  return inRoomQueue(deps, member.roomId, async () => {
    const signOffs = await deps.store.listSignOffs(member.roomId);
    const mine = signOffs.find(
      (s) => s.clauseId === clauseId && s.partyId === partyId && s.voidedAt === null,
    );
    if (mine === undefined) {
      throw new ServiceError(
        404,
        'not-found',
        `Your party has no sign-off on clause "${clauseId}".`,
      );
    }
    const voided = await voidOne(deps, mine, 'withdrawn', deps.now(), member.memberId);
    announce(
      deps,
      member.roomId,
      stateOf(
        signOffs.map((s) => (s.id === voided.id ? voided : s)),
        await live(deps, member.roomId),
      ),
    );
    return voided;
  });
}

/** Voids, and records with its reason, every sign-off the live document no longer matches. */
export async function voidBrokenSignOffs(deps: AgreementDeps, roomId: string): Promise<void> {
  await inRoomQueue(deps, roomId, (room) => voidBroken(deps, room));
}

/** The same in a room the caller holds, e.g. one about to unload. */
export async function voidBrokenSignOffsIn(deps: AgreementDeps, room: RoomContext): Promise<void> {
  await inLoadedRoomQueue(room, (held) => voidBroken(deps, held));
}

async function voidBroken(deps: AgreementDeps, room: RoomContext): Promise<void> {
  const roomId = room.id;
  const signOffs = await deps.store.listSignOffs(roomId);
  if (!signOffs.some((s) => s.voidedAt === null)) return;
  const state = liveState(room.doc);
  const at = deps.now();
  let changed = false;
  const next: SignOff[] = [];
  for (const s of signOffs) {
    const breach = s.voidedAt === null ? signOffBreach(s, state.hashes) : null;
    if (breach === null) {
      next.push(s);
      continue;
    }
    next.push(await voidOne(deps, s, breach, at));
    changed = true;
  }
  if (changed) announce(deps, roomId, stateOf(next, state));
}

/** The agreed term sheet with its signatures, or 409 naming every missing sign-off. */
export async function agreementExport(
  deps: AgreementDeps,
  member: MemberClaims,
): Promise<AgreementExport> {
  const doc = await deps.rooms.getDoc(member.roomId);
  const state = liveState(doc);
  const current = stateOf(await deps.store.listSignOffs(member.roomId), state);
  if (!current.agreement.agreed) {
    throw new ServiceError(
      409,
      'not-agreed',
      `The term sheet is not agreed yet: ${current.agreement.missing.length} clause sign-off(s) missing.`,
      { missing: current.agreement.missing },
    );
  }
  const parties = readRoomParties(doc);
  const valid = current.signOffs.filter((s) => s.voidedAt === null);
  const signatures: AgreementSignature[] = valid.map((s) => ({
    clauseId: s.clauseId,
    clauseTitle: clauseTitle(state.termsheet, s.clauseId),
    partyId: s.partyId,
    partyName: parties.find((p) => p.id === s.partyId)?.name ?? s.partyId,
    memberId: s.memberId,
    memberName: s.memberName,
    contentHash: s.contentHash,
    valueHash: s.valueHash,
    signedAt: s.signedAt,
  }));
  return {
    format: 'parley.agreement/v1',
    agreed: true,
    agreedAt: Math.max(...signatures.map((s) => s.signedAt)),
    valueHash: state.hashes.value,
    termsheet: state.termsheet,
    signatures,
  };
}
