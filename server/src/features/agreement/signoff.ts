// Sign-offs: a party's organizer or negotiator signs a clause; the signature binds the clause's
// content hash and the value hash, and any change to either voids it.
import { agreementStatus, signOffBreach } from '@parley/shared/mediation';
import type { AuditHead, SignOff, SignOffState, VoidReason } from '@parley/shared/mediation';
import { can } from '@parley/shared/permissions';
import type { MemberClaims } from '@parley/shared/protocol';
import { readRoomParties } from '@parley/shared/room';
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import { auditHeadOf } from '../audit';
import { everyone, partyAudience } from '../../realtime';
import type { RoomContext } from '../../rooms';
import type { AgreementDeps } from './deps';
import { checkedNow } from './live';
import type { LiveSummary } from './live';
import { inLoadedRoomQueue, inRoomQueue, roomSignOffs, saveSignOff } from './roomState';
import type { AgreementRoom } from './roomState';

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

/**
 * `GET /api/rooms/:roomId/agreement` when every party signed every clause: the sheet, the
 * signatures, the audit head at the moment of export, and the server's signature over it all.
 */
export interface AgreementExport {
  format: 'parley.agreement/v1';
  agreed: true;
  agreedAt: number;
  valueHash: string;
  termsheet: unknown;
  signatures: AgreementSignature[];
  auditHead: AuditHead;
  /** Detached JWS (EdDSA) over the rest; the key is at GET /api/audit/public-key. */
  signature: string;
}

function clauseTitle(termsheet: unknown, clauseId: string): string {
  const clauses = (termsheet as { clauses?: { id?: unknown; title?: unknown }[] }).clauses ?? [];
  const title = clauses.find((c) => c.id === clauseId)?.title;
  return typeof title === 'string' ? title : clauseId;
}

async function live(deps: AgreementDeps, room: RoomContext): Promise<LiveSummary> {
  return (await checkedNow(deps, room)).summary;
}

/** Per clause and party, the sign-off that counts: the latest one given. */
function latestSignOffs(signOffs: readonly SignOff[]): SignOff[] {
  const latest = new Map<string, SignOff>();
  for (const s of signOffs) {
    const key = `${s.clauseId}\u0000${s.partyId}`;
    const known = latest.get(key);
    if (known === undefined || s.signedAt >= known.signedAt) latest.set(key, s);
  }
  return [...latest.values()];
}

/** Whether the sign-off that counts for its pair holds against the document now. */
function holds(signOff: SignOff, state: LiveSummary): boolean {
  return signOff.voidReason !== 'withdrawn' && signOffBreach(signOff, state.hashes) === null;
}

/**
 * The latest sign-off of each clause and party, as it stands now. Validity is the hashes
 * matching: a sign-off the document breaks is void (with the breach as its reason) before the
 * recheck records it, and one whose sheet came back to what was signed holds again.
 */
function stateOf(signOffs: readonly SignOff[], state: LiveSummary): SignOffState {
  const latest = latestSignOffs(signOffs);
  const shown = latest.map((s): SignOff => {
    if (s.voidReason === 'withdrawn') return s;
    const breach = signOffBreach(s, state.hashes);
    if (breach === null) return { ...s, voidedAt: null, voidReason: null };
    return { ...s, voidReason: breach };
  });
  shown.sort((a, b) => a.signedAt - b.signedAt || a.id.localeCompare(b.id));
  return {
    signOffs: shown,
    agreement: agreementStatus(
      state.clauseIds,
      state.partyIds,
      shown.filter((s) => s.voidReason === null),
      state.hashes,
      state.errors,
    ),
  };
}

function announce(deps: AgreementDeps, roomId: string, state: SignOffState): void {
  deps.broadcast.to(roomId, everyone).emit('signoffs:changed', state);
}

export async function listSignOffs(
  deps: AgreementDeps,
  member: MemberClaims,
): Promise<SignOffState> {
  return inRoomQueue(deps, member.roomId, async (room, slot) =>
    stateOf(await roomSignOffs(deps, room, slot), await live(deps, room)),
  );
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
  slot: AgreementRoom,
  signOff: SignOff,
  reason: VoidReason,
  at: number,
  actorId: string | null = null,
): Promise<SignOff> {
  const voided: SignOff = { ...signOff, voidedAt: at, voidReason: reason };
  await saveSignOff(deps, slot, voided);
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

/** The document came back to what was signed: the sign-off holds again, and says so. */
async function restoreOne(
  deps: AgreementDeps,
  slot: AgreementRoom,
  signOff: SignOff,
): Promise<SignOff> {
  const restored: SignOff = { ...signOff, voidedAt: null, voidReason: null };
  await saveSignOff(deps, slot, restored);
  await deps.audit.append(signOff.roomId, {
    actorId: null,
    action: 'signoff.restored',
    target: signOff.clauseId,
    details: { partyId: signOff.partyId },
  });
  return restored;
}

export async function signOff(
  deps: AgreementDeps,
  member: MemberClaims,
  clauseId: string,
): Promise<SignOff> {
  const partyId = requireSigner(member);
  return inRoomQueue(deps, member.roomId, async (room, slot) => {
    const state = await live(deps, room);
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
    const signOffs = [...(await roomSignOffs(deps, room, slot))];
    const latest = latestSignOffs(signOffs).find(
      (s) => s.clauseId === clauseId && s.partyId === partyId,
    );
    if (latest !== undefined && holds(latest, state)) return latest;
    const at = deps.now();
    if (latest !== undefined && latest.voidReason === null) {
      // The new signature replaces one the document no longer matches: record why it lapsed.
      await voidOne(
        deps,
        slot,
        latest,
        signOffBreach(latest, state.hashes) ?? 'clause-changed',
        at,
      );
    }
    const draft: SignOff = {
      id: newId('s'),
      roomId: member.roomId,
      clauseId,
      partyId,
      memberId: member.memberId,
      memberName: member.name,
      contentHash,
      valueHash: state.hashes.value,
      headerHash: state.hashes.header,
      assumptionsHash: state.hashes.assumptions,
      signedAt: at,
      auditHead: null,
      voidedAt: null,
      voidReason: null,
    };
    const entry = await deps.audit.append(member.roomId, {
      actorId: member.memberId,
      action: 'signoff.signed',
      target: clauseId,
      details: {
        partyId,
        contentHash,
        valueHash: state.hashes.value,
        headerHash: state.hashes.header,
        assumptionsHash: state.hashes.assumptions,
      },
    });
    // The signature's receipt is the audit head its own entry made.
    const signed: SignOff = { ...draft, auditHead: auditHeadOf(entry) };
    await saveSignOff(deps, slot, signed);
    const after = stateOf([...signOffs, signed], state);
    announce(deps, member.roomId, after);
    if (after.agreement.agreed) await deps.agreed(member.roomId, at);
    return signed;
  });
}

export async function withdrawSignOff(
  deps: AgreementDeps,
  member: MemberClaims,
  clauseId: string,
): Promise<SignOff> {
  const partyId = requireSigner(member);
  return inRoomQueue(deps, member.roomId, async (room, slot) => {
    const signOffs = [...(await roomSignOffs(deps, room, slot))];
    const mine = latestSignOffs(signOffs).find(
      (s) => s.clauseId === clauseId && s.partyId === partyId && s.voidReason !== 'withdrawn',
    );
    if (mine === undefined) {
      throw new ServiceError(
        404,
        'not-found',
        `Your party has no sign-off on clause "${clauseId}".`,
      );
    }
    const voided = await voidOne(deps, slot, mine, 'withdrawn', deps.now(), member.memberId);
    announce(
      deps,
      member.roomId,
      stateOf(
        signOffs.map((s) => (s.id === voided.id ? voided : s)),
        await live(deps, room),
      ),
    );
    return voided;
  });
}

/** Voids, and records with its reason, every sign-off the live document no longer matches. */
export async function voidBrokenSignOffs(deps: AgreementDeps, roomId: string): Promise<void> {
  await inRoomQueue(deps, roomId, (room, slot) => voidBroken(deps, room, slot, true));
}

/**
 * The same in a room about to unload. It records what lapsed or holds again but freezes
 * nothing: freezing takes the room, which is leaving; the next check after it loads again will.
 */
export async function voidBrokenSignOffsIn(deps: AgreementDeps, room: RoomContext): Promise<void> {
  await inLoadedRoomQueue(room, (held, slot) => voidBroken(deps, held, slot, false));
}

async function voidBroken(
  deps: AgreementDeps,
  room: RoomContext,
  slot: AgreementRoom,
  mayFreeze: boolean,
): Promise<void> {
  const roomId = room.id;
  const signOffs = [...(await roomSignOffs(deps, room, slot))];
  if (signOffs.every((s) => s.voidReason === 'withdrawn')) return;
  const state = await live(deps, room);
  const at = deps.now();
  let changed = false;
  const next: SignOff[] = [];
  const latest = new Set(latestSignOffs(signOffs));
  for (const s of signOffs) {
    if (!latest.has(s) || s.voidReason === 'withdrawn') {
      next.push(s);
      continue;
    }
    const breach = signOffBreach(s, state.hashes);
    if (breach !== null && s.voidedAt === null) {
      next.push(await voidOne(deps, slot, s, breach, at));
      changed = true;
    } else if (breach === null && s.voidedAt !== null) {
      next.push(await restoreOne(deps, slot, s));
      changed = true;
    } else {
      next.push(s);
    }
  }
  const after = stateOf(next, state);
  if (changed) announce(deps, roomId, after);
  // Coming back to what everyone signed is agreement again, even when no void was recorded.
  if (mayFreeze && after.agreement.agreed) await deps.agreed(roomId, at);
}

/** The agreed term sheet with its signatures, or 409 naming every missing sign-off. */
export async function agreementExport(
  deps: AgreementDeps,
  member: MemberClaims,
): Promise<AgreementExport> {
  const { parties, state, signOffs } = await inRoomQueue(
    deps,
    member.roomId,
    async (room, slot) => ({
      parties: readRoomParties(room.doc),
      state: await live(deps, room),
      signOffs: [...(await roomSignOffs(deps, room, slot))],
    }),
  );
  const current = stateOf(signOffs, state);
  if (!current.agreement.agreed) {
    throw new ServiceError(
      409,
      'not-agreed',
      `The term sheet is not agreed yet: ${current.agreement.missing.length} clause sign-off(s) missing.`,
      { missing: current.agreement.missing },
    );
  }
  const valid = current.signOffs.filter((s) => s.voidReason === null);
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
  return deps.audit.signDocument({
    format: 'parley.agreement/v1' as const,
    agreed: true as const,
    agreedAt: Math.max(...signatures.map((s) => s.signedAt)),
    valueHash: state.hashes.value,
    termsheet: state.termsheet,
    signatures,
    auditHead: await deps.audit.head(member.roomId),
  });
}
