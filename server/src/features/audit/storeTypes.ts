// What the audit slice of the store offers: numbered entries per chain, each chain's head written
// in the same transaction as its entries, and the one-time sealing of the heads.
import type { AuditChainHead, AuditEntry } from '@parley/shared/mediation';

/** A chain's head as stored: with the room and the MAC that seals it (null until sealed). */
export interface StoredAuditHead extends AuditChainHead {
  roomId: string;
  mac: string | null;
}

/** The record that the heads were sealed, once per database, and with which key. */
export interface AuditSeal {
  keyId: string;
  sealedAt: number;
  mac: string;
}

/** The newest stored entry of a chain. */
export interface AuditTip {
  seq: number;
  hash: string;
}

/** What one append writes: the entry, the chain's new head, and chains it opens (empty heads). */
export interface AuditAppendPlan {
  entry: AuditEntry;
  head: StoredAuditHead;
  opens: StoredAuditHead[];
}

/** What sealing writes: a MAC for each unsealed head, and the seal record. */
export interface AuditSealPlan {
  heads: StoredAuditHead[];
  seal: AuditSeal;
}

export interface AuditStore {
  /**
   * Appends one entry to a chain, in a transaction, from the chain's stored head and newest
   * entry; `plan` must be pure because a collision with a concurrent append runs it again.
   */
  appendAudit(
    roomId: string,
    chain: string,
    plan: (head: StoredAuditHead | null, tip: AuditTip | null) => AuditAppendPlan,
  ): Promise<AuditEntry>;
  /** Entries by room, chain (the room chain first) and seq; every room's with null. */
  listAudit(roomId: string | null): Promise<AuditEntry[]>;
  /** Heads by room and chain; every room's with null. */
  listAuditHeads(roomId: string | null): Promise<StoredAuditHead[]>;
  getAuditHead(roomId: string, chain: string): Promise<StoredAuditHead | undefined>;
  /** The id of every room, with or without an audit log. */
  listAuditRooms(): Promise<string[]>;
  getAuditSeal(): Promise<AuditSeal | undefined>;
  /**
   * Seals the heads once per database: when no seal record exists, `plan` sees every head and
   * decides (null refuses); the seal record and the MACs are written in one transaction.
   */
  sealAudit(
    plan: (heads: StoredAuditHead[]) => AuditSealPlan | null,
  ): Promise<AuditSeal | undefined>;
}
