// The rooms' audit log: append-only chains keyed with the server's secret, each with a sealed
// head; written by every feature that acts for a member, exported per reader, signed.
import { randomBytes } from 'node:crypto';
import {
  AUDIT_EXPORT_FORMAT,
  AUDIT_GENESIS_HASH,
  AUDIT_ROOM_CHAIN,
  auditDetailsSchema,
  auditPartyChain,
} from '@parley/shared/mediation';
import type {
  AuditChainHead,
  AuditEntry,
  AuditExport,
  AuditHead,
  AuditKeySet,
  AuditVerification,
} from '@parley/shared/mediation';
import type { MemberStore, RoomStore } from '../../store/types';
import { chainOf, chainOpenedBy, isPartyPrivateAction } from './chains';
import { headMac, keyedEntryHash } from './hash';
import { deriveAuditKeys } from './keys';
import type { AuditKeys } from './keys';
import { ensureSealed, headIsSealed } from './sealing';
import type { SealStatus } from './sealing';
import { signDocument } from './signing';
import type { AuditStore, AuditTip, StoredAuditHead } from './storeTypes';
import { verifyStoredRoom } from './verifyStored';
import { auditView } from './view';
import type { ExportReader } from './view';

export interface AuditAppend {
  /** The member who acted; null for the server itself. */
  actorId: string | null;
  /** e.g. 'lock.set', 'invite.created', 'proposal.accepted'. */
  action: string;
  /** What was acted on: a clause, member, dispute or proposal id. */
  target?: string;
  /** JSON-safe facts about the action; never a confidential value. */
  details?: Record<string, unknown>;
}

export interface AuditLogOptions {
  /**
   * The server SECRET (config.secret) the chain's keys derive from. The server always passes
   * it; without it (unit tests) the keys are random and die with the process.
   */
  secret?: Uint8Array;
  now?: () => number;
}

export type AuditLogStore = AuditStore &
  Pick<MemberStore, 'getMember' | 'listMembers'> &
  Pick<RoomStore, 'getRoom'>;

/** The stored log does not fit its heads or seal: the server refuses to extend it. */
export class AuditIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditIntegrityError';
  }
}

/** A chain's head as a receipt carries it: the chain up to and including this entry. */
export function auditHeadOf(entry: AuditEntry): AuditHead {
  return { chain: entry.chain, count: entry.seq, hash: entry.hash };
}

/**
 * The audit log of every room. Each entry's hash is an HMAC over its canonical text including
 * the previous entry's hash, so an entry cannot be altered, removed or reordered, nor a chain
 * recomputed, without the key; each chain's head (count and newest hash, itself under a MAC) is
 * written with the entry, so dropping the newest entries or the whole log shows too.
 */
export class AuditLog {
  readonly keys: AuditKeys;
  private readonly now: () => number;
  private sealing: Promise<SealStatus> | null = null;

  constructor(
    private readonly store: AuditLogStore,
    options: AuditLogOptions = {},
  ) {
    this.keys = deriveAuditKeys(options.secret ?? randomBytes(32));
    this.now = options.now ?? (() => Date.now());
  }

  /** The seal's state, sealing the heads first if this database has never been sealed. */
  private sealed(): Promise<SealStatus> {
    this.sealing ??= ensureSealed(this.store, this.keys, this.now).catch((error: unknown) => {
      this.sealing = null;
      throw error;
    });
    return this.sealing;
  }

  /**
   * Seals the heads if this database never was (the first start after the upgrade, or of a new
   * database) and answers the seal's state; the server calls it once at start.
   */
  prepare(): Promise<SealStatus> {
    return this.sealed();
  }

  private async requireSealed(): Promise<void> {
    const status = await this.sealed();
    if (status.state !== 'sealed') {
      throw new AuditIntegrityError(`the audit log cannot be extended: ${status.message}`);
    }
  }

  /** The head an append builds on, refusing one that does not fit the stored chain. */
  private trustedHead(
    roomId: string,
    chain: string,
    head: StoredAuditHead | null,
    tip: AuditTip | null,
  ): AuditChainHead {
    const where = `chain ${chain} of room ${roomId}`;
    if (head === null) {
      if (tip !== null) throw new AuditIntegrityError(`${where} has entries but no head`);
      return { chain, count: 0, hash: AUDIT_GENESIS_HASH, keyedFrom: 1 };
    }
    if (!headIsSealed(this.keys, head)) {
      throw new AuditIntegrityError(`the head of ${where} does not carry this server's seal`);
    }
    if ((tip?.seq ?? 0) !== head.count || (tip?.hash ?? AUDIT_GENESIS_HASH) !== head.hash) {
      throw new AuditIntegrityError(`the newest entry of ${where} is not the one its head names`);
    }
    return { chain, count: head.count, hash: head.hash, keyedFrom: head.keyedFrom };
  }

  private sealHead(roomId: string, head: AuditChainHead): StoredAuditHead {
    return { ...head, roomId, mac: headMac(this.keys, roomId, head) };
  }

  private async actorParty(roomId: string, actorId: string | null): Promise<string | null> {
    if (actorId === null) return null;
    return (await this.store.getMember(roomId, actorId))?.partyId ?? null;
  }

  async append(roomId: string, input: AuditAppend): Promise<AuditEntry> {
    const parsed = auditDetailsSchema.safeParse(input.details ?? {});
    if (!parsed.success) {
      throw new TypeError(`audit details must be plain JSON: ${parsed.error.message}`);
    }
    const details = parsed.data;
    await this.requireSealed();
    // Only a confidential action needs its actor's party (one more read).
    const actorParty = isPartyPrivateAction(input.action)
      ? await this.actorParty(roomId, input.actorId)
      : null;
    const chain = chainOf(input.action, actorParty);
    const opened = chainOpenedBy(chain, input.action, details);
    const at = this.now();
    return this.store.appendAudit(roomId, chain, (stored, tip) => {
      const head = this.trustedHead(roomId, chain, stored, tip);
      const unhashed = {
        chain,
        seq: head.count + 1,
        roomId,
        at,
        actorId: input.actorId,
        action: input.action,
        target: input.target ?? null,
        details,
        prevHash: head.hash,
      };
      const entry = { ...unhashed, hash: keyedEntryHash(this.keys, unhashed) };
      const empty = (name: string) => ({
        chain: name,
        count: 0,
        hash: AUDIT_GENESIS_HASH,
        keyedFrom: 1,
      });
      return {
        entry,
        head: this.sealHead(roomId, { ...head, count: entry.seq, hash: entry.hash }),
        opens: opened === null ? [] : [this.sealHead(roomId, empty(opened))],
      };
    });
  }

  /**
   * A room's first entry, so that every room has a log from its creation and a log deleted
   * whole shows; it also opens the organizer's party chain.
   */
  recordRoomCreated(
    roomId: string,
    organizer: { memberId: string; partyId: string | null },
  ): Promise<AuditEntry> {
    return this.append(roomId, {
      actorId: organizer.memberId,
      action: 'room.created',
      details: { partyId: organizer.partyId },
    });
  }

  private async headOf(roomId: string, chain: string): Promise<AuditHead> {
    await this.requireSealed();
    const stored = await this.store.getAuditHead(roomId, chain);
    if (stored === undefined) return { chain, count: 0, hash: AUDIT_GENESIS_HASH };
    if (!headIsSealed(this.keys, stored)) {
      throw new AuditIntegrityError(
        `the head of chain ${chain} of room ${roomId} does not carry this server's seal`,
      );
    }
    return { chain, count: stored.count, hash: stored.hash };
  }

  /** The room chain's current head: what the agreement export and receipts carry. */
  head(roomId: string): Promise<AuditHead> {
    return this.headOf(roomId, AUDIT_ROOM_CHAIN);
  }

  /** A party's own chain's current head: for that party's receipts only. */
  partyHead(roomId: string, partyId: string): Promise<AuditHead> {
    return this.headOf(roomId, auditPartyChain(partyId));
  }

  /** Every entry of a room, every chain, unfiltered: for the server, never for a reader. */
  list(roomId: string): Promise<AuditEntry[]> {
    return this.store.listAudit(roomId);
  }

  /** Checks a room's whole stored log with the key. */
  async verify(roomId: string): Promise<AuditVerification> {
    const seal = await this.sealed();
    const [entries, heads, exists] = await Promise.all([
      this.store.listAudit(roomId),
      this.store.listAuditHeads(roomId),
      this.store.getRoom(roomId).then((room) => room !== undefined),
    ]);
    return verifyStoredRoom(this.keys, seal, { roomId, exists, entries, heads });
  }

  /** The log as this reader may see it, with its heads and the server's check, signed. */
  async exportFor(reader: ExportReader): Promise<AuditExport> {
    const seal = await this.sealed();
    const [entries, heads, members] = await Promise.all([
      this.store.listAudit(reader.roomId),
      this.store.listAuditHeads(reader.roomId),
      this.store.listMembers(reader.roomId),
    ]);
    const view = auditView(reader, entries, heads, members);
    const verification = verifyStoredRoom(
      this.keys,
      seal,
      { roomId: reader.roomId, exists: true, entries, heads },
      view.visible,
    );
    const signed = signDocument(this.keys, {
      format: AUDIT_EXPORT_FORMAT,
      roomId: reader.roomId,
      exportedAt: this.now(),
      reader: { role: reader.role, partyId: reader.partyId },
      heads: view.heads,
      entries: view.entries,
      verification,
    });
    return signed;
  }

  /** Signs any JSON document the way exports are signed (a `signature` field, detached JWS). */
  signDocument<T extends Record<string, unknown>>(
    document: T,
  ): Omit<T, 'signature'> & { signature: string } {
    return signDocument(this.keys, document);
  }

  /** The public key the signatures verify with, as `GET /api/audit/public-key` serves it. */
  publicKeys(): AuditKeySet {
    return { keys: [this.keys.publicJwk] };
  }
}
