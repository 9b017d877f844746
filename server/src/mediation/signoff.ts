import { randomBytes } from 'node:crypto';
import { agreementStatus, signOffBreach } from '@parley/shared/mediation';
import { can } from '@parley/shared/permissions';
import type { SignOff, SignOffState, VoidReason } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../services/errors';
import { readRoomParties } from '../services/room-parties';
import { RoomDebounce, liveState, silentAgreementPublisher } from './agreementDeps';
import type { AgreementDeps, AgreementPublisher, LiveState, RoomQueue } from './agreementDeps';

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

/**
 * Sign-offs: a party's organizer or negotiator signs a clause; the signature binds the clause's
 * content hash and the value hash, and any change to either voids it.
 */
export class SignOffService {
  private publisher: AgreementPublisher = silentAgreementPublisher;
  private readonly recheck: RoomDebounce;

  constructor(
    private readonly deps: AgreementDeps,
    private readonly queue: RoomQueue,
    recheckMs = 150,
  ) {
    this.recheck = new RoomDebounce(recheckMs, (roomId) => {
      this.voidBroken(roomId).catch(() => undefined);
    });
  }

  setPublisher(publisher: AgreementPublisher): void {
    this.publisher = publisher;
  }

  close(): void {
    this.recheck.close();
  }

  private async live(roomId: string): Promise<LiveState> {
    return liveState(await this.deps.getDoc(roomId));
  }

  /** Valid sign-offs and, per clause and party, the latest voided one if nothing replaced it. */
  private stateOf(signOffs: readonly SignOff[], live: LiveState): SignOffState {
    // A sign-off the live document already breaks counts as void even before the recheck runs.
    const valid = signOffs.filter(
      (s) => s.voidedAt === null && signOffBreach(s, live.hashes) === null,
    );
    const shown = [...valid];
    for (const s of signOffs) {
      if (valid.includes(s)) continue;
      const newer = signOffs.some(
        (o) =>
          o !== s &&
          o.clauseId === s.clauseId &&
          o.partyId === s.partyId &&
          o.signedAt >= s.signedAt,
      );
      if (!newer) shown.push(s);
    }
    shown.sort((a, b) => a.signedAt - b.signedAt || a.id.localeCompare(b.id));
    return {
      signOffs: shown,
      agreement: agreementStatus(live.clauseIds, live.partyIds, valid, live.hashes),
    };
  }

  async list(member: MemberClaims): Promise<SignOffState> {
    const [signOffs, live] = await Promise.all([
      this.deps.store.listSignOffs(member.roomId),
      this.live(member.roomId),
    ]);
    return this.stateOf(signOffs, live);
  }

  private requireSigner(member: MemberClaims): string {
    if (!can(member.role, 'sign-off') || member.partyId === null) {
      throw new ServiceError(
        403,
        'forbidden',
        "Only a party's organizer or negotiators sign off clauses for that party.",
      );
    }
    return member.partyId;
  }

  async sign(member: MemberClaims, clauseId: string): Promise<SignOff> {
    const partyId = this.requireSigner(member);
    return this.queue.run(member.roomId, async () => {
      const live = await this.live(member.roomId);
      const contentHash = live.hashes.clauses[clauseId];
      if (contentHash === undefined) {
        throw new ServiceError(404, 'not-found', `There is no clause "${clauseId}" in this room.`);
      }
      if (!live.partyIds.includes(partyId)) {
        throw new ServiceError(
          403,
          'forbidden',
          `Party "${partyId}" is not a party of this term sheet.`,
        );
      }
      const signOffs = await this.deps.store.listSignOffs(member.roomId);
      const mine = signOffs.filter(
        (s) => s.clauseId === clauseId && s.partyId === partyId && s.voidedAt === null,
      );
      const same = mine.find((s) => signOffBreach(s, live.hashes) === null);
      if (same !== undefined) return same;
      const at = this.deps.now();
      for (const old of mine)
        await this.voidOne(old, signOffBreach(old, live.hashes) ?? 'clause-changed', at);
      const signOff: SignOff = {
        id: `s-${randomBytes(9).toString('base64url')}`,
        roomId: member.roomId,
        clauseId,
        partyId,
        memberId: member.memberId,
        memberName: member.name,
        contentHash,
        valueHash: live.hashes.value,
        signedAt: at,
        voidedAt: null,
        voidReason: null,
      };
      await this.deps.store.saveSignOff(signOff);
      await this.deps.audit(member.roomId, {
        actorId: member.memberId,
        action: 'signoff.signed',
        target: clauseId,
        details: { partyId, contentHash, valueHash: live.hashes.value },
      });
      this.publisher.signOffsChanged(member.roomId, this.stateOf([...signOffs, signOff], live));
      return signOff;
    });
  }

  async withdraw(member: MemberClaims, clauseId: string): Promise<SignOff> {
    const partyId = this.requireSigner(member);
    return this.queue.run(member.roomId, async () => {
      const signOffs = await this.deps.store.listSignOffs(member.roomId);
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
      const voided = await this.voidOne(mine, 'withdrawn', this.deps.now(), member.memberId);
      const live = await this.live(member.roomId);
      this.publisher.signOffsChanged(
        member.roomId,
        this.stateOf(
          signOffs.map((s) => (s.id === voided.id ? voided : s)),
          live,
        ),
      );
      return voided;
    });
  }

  private async voidOne(
    signOff: SignOff,
    reason: VoidReason,
    at: number,
    actorId: string | null = null,
  ): Promise<SignOff> {
    const voided: SignOff = { ...signOff, voidedAt: at, voidReason: reason };
    await this.deps.store.saveSignOff(voided);
    await this.deps.audit(signOff.roomId, {
      actorId,
      action: reason === 'withdrawn' ? 'signoff.withdrawn' : 'signoff.voided',
      target: signOff.clauseId,
      details: { partyId: signOff.partyId, reason },
    });
    if (reason !== 'withdrawn') {
      this.publisher.signOffVoided(signOff.roomId, signOff.partyId, { signOff: voided, reason });
    }
    return voided;
  }

  /** After a stored document change (debounced): voids every sign-off the change broke. */
  docChanged(roomId: string): void {
    this.recheck.touch(roomId);
  }

  async voidBroken(roomId: string): Promise<void> {
    await this.queue.run(roomId, async () => {
      const signOffs = await this.deps.store.listSignOffs(roomId);
      if (!signOffs.some((s) => s.voidedAt === null)) return;
      const live = await this.live(roomId);
      const at = this.deps.now();
      let changed = false;
      const next: SignOff[] = [];
      for (const s of signOffs) {
        const breach = s.voidedAt === null ? signOffBreach(s, live.hashes) : null;
        if (breach === null) {
          next.push(s);
          continue;
        }
        next.push(await this.voidOne(s, breach, at));
        changed = true;
      }
      if (changed) this.publisher.signOffsChanged(roomId, this.stateOf(next, live));
    });
  }

  /** The agreed term sheet with its signatures, or 409 naming every missing sign-off. */
  async agreement(member: MemberClaims): Promise<AgreementExport> {
    const doc = await this.deps.getDoc(member.roomId);
    const live = liveState(doc);
    const signOffs = await this.deps.store.listSignOffs(member.roomId);
    const state = this.stateOf(signOffs, live);
    if (!state.agreement.agreed) {
      throw new ServiceError(
        409,
        'not-agreed',
        `The term sheet is not agreed yet: ${state.agreement.missing.length} clause sign-off(s) missing.`,
        { missing: state.agreement.missing },
      );
    }
    const parties = readRoomParties(doc);
    const valid = state.signOffs.filter((s) => s.voidedAt === null);
    const signatures: AgreementSignature[] = valid.map((s) => ({
      clauseId: s.clauseId,
      clauseTitle: clauseTitle(live.termsheet, s.clauseId),
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
      valueHash: live.hashes.value,
      termsheet: live.termsheet,
      signatures,
    };
  }
}
