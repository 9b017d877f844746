// Checks a room's audit chains against their heads. Platform-free: the caller says whether an
// entry's hash fits its content, because a keyed entry can only be checked with the server's key.
import {
  AUDIT_GENESIS_HASH,
  AUDIT_ROOM_CHAIN,
  auditPartyChain,
  isRedactedAuditEntry,
} from './governance-audit';
import type {
  AuditChainHead,
  AuditEntry,
  AuditExportEntry,
  AuditHead,
  AuditVerification,
} from './governance-audit';

/**
 * Whether an entry's hash fits its content (`keyed`: an HMAC with the server's key, else plain
 * SHA-256); null when it cannot be checked here, e.g. a keyed entry without the key.
 */
export type AuditHashCheck = (entry: AuditEntry, keyed: boolean) => boolean | null;

type Failure = Extract<AuditVerification, { ok: false }>;
type ChainFailure = Omit<Failure, 'count'>;

/**
 * Actions of the room chain that admit a party's first member; from then on that party has a
 * chain of its own, so a party chain missing entirely shows.
 */
export const AUDIT_JOIN_ACTIONS: readonly string[] = ['room.created', 'invite.created'];

/** The party chains the room chain says must exist: one per party a member was admitted to. */
export function requiredPartyChains(roomChain: readonly AuditExportEntry[]): string[] {
  const chains = new Set<string>();
  for (const entry of roomChain) {
    if (isRedactedAuditEntry(entry) || !AUDIT_JOIN_ACTIONS.includes(entry.action)) continue;
    const partyId = entry.details.partyId;
    if (typeof partyId === 'string') chains.add(auditPartyChain(partyId));
  }
  return [...chains];
}

/**
 * Checks one chain, oldest first, against its head: consecutive seqs from 1, each prevHash
 * equal to the previous hash, each hash fitting its content where that can be checked, and the
 * last entry being exactly the head (so a dropped newest entry shows as well as an edited one).
 */
export function verifyAuditChain(
  roomId: string,
  chain: string,
  entries: readonly AuditExportEntry[],
  head: AuditChainHead,
  checkHash: AuditHashCheck,
): { ok: true; head: AuditHead } | ChainFailure {
  const fail = (firstBadSeq: number | null, reason: string): ChainFailure => ({
    ok: false,
    chain,
    firstBadSeq,
    reason,
  });
  if (head.chain !== chain) return fail(null, `its head belongs to chain ${head.chain}`);
  if (chain !== AUDIT_ROOM_CHAIN && head.keyedFrom !== 1) {
    return fail(null, 'its head claims unkeyed entries, which only the room chain may hold');
  }
  if (head.keyedFrom > head.count + 1) {
    return fail(null, 'its head claims more unkeyed entries than the chain holds');
  }
  let prevHash = AUDIT_GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.roomId !== roomId) {
      return fail(entry.seq, `it belongs to room ${entry.roomId}, not ${roomId}`);
    }
    if (entry.seq !== expectedSeq) {
      return fail(
        entry.seq,
        `expected entry ${expectedSeq} here but found ${entry.seq} (missing or reordered)`,
      );
    }
    if (entry.prevHash !== prevHash) {
      return fail(entry.seq, `its prevHash does not match the hash of entry ${entry.seq - 1}`);
    }
    if (!isRedactedAuditEntry(entry) && checkHash(entry, entry.seq >= head.keyedFrom) === false) {
      return fail(entry.seq, 'its content does not match its hash (the entry was altered)');
    }
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  const count = entries.length;
  if (count < head.count) {
    return fail(
      count + 1,
      count === 0
        ? `the head says ${head.count} entries but there are none: the entries were deleted`
        : `the head says ${head.count} entries but the chain ends at ${count}: the newest were removed`,
    );
  }
  if (count > head.count) {
    return fail(head.count + 1, `the head says ${head.count} entries: this one is past the head`);
  }
  if (prevHash !== head.hash) {
    return fail(
      count === 0 ? null : count,
      'it is not the entry the head names: the chain was rewritten',
    );
  }
  return { ok: true, head: { chain, count, hash: prevHash } };
}

function chainOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === AUDIT_ROOM_CHAIN) return -1;
  if (b === AUDIT_ROOM_CHAIN) return 1;
  return a < b ? -1 : 1;
}

export interface AuditChainsInput {
  roomId: string;
  /** Every entry to check, each chain's oldest first. */
  entries: readonly AuditExportEntry[];
  heads: readonly AuditChainHead[];
  /**
   * Chains that must exist even when neither an entry nor a head names them: the room chain of a
   * room that exists, and the party chains `requiredPartyChains` finds that this view includes.
   */
  required: readonly string[];
  checkHash: AuditHashCheck;
}

/**
 * Checks every chain of a room (the room chain first) against its head; a chain with entries
 * but no head, a head named twice, and a required chain that is gone entirely all fail.
 */
export function verifyAuditChains(input: AuditChainsInput): AuditVerification {
  const count = input.entries.length;
  const byChain = new Map<string, AuditExportEntry[]>();
  for (const entry of input.entries) {
    const list = byChain.get(entry.chain) ?? [];
    list.push(entry);
    byChain.set(entry.chain, list);
  }
  const heads = new Map<string, AuditChainHead>();
  for (const head of input.heads) {
    if (heads.has(head.chain)) {
      return { ok: false, count, chain: head.chain, firstBadSeq: null, reason: 'it has two heads' };
    }
    heads.set(head.chain, head);
  }
  const chains = [...new Set([...byChain.keys(), ...heads.keys(), ...input.required])].sort(
    chainOrder,
  );
  const verified: AuditHead[] = [];
  for (const chain of chains) {
    const entries = byChain.get(chain) ?? [];
    const head = heads.get(chain);
    if (head === undefined) {
      const reason =
        entries.length > 0
          ? 'the chain has entries but no head: its head was deleted'
          : 'the chain has no head and no entries: its entries and its head were deleted';
      return { ok: false, count, chain, firstBadSeq: null, reason };
    }
    const result = verifyAuditChain(input.roomId, chain, entries, head, input.checkHash);
    if (!result.ok) return { ...result, count };
    verified.push(result.head);
  }
  return { ok: true, count, heads: verified };
}

/** Whether a chain still extends a head someone kept (e.g. from a sign-off receipt). */
export function extendsAuditHead(
  entries: readonly AuditExportEntry[],
  kept: AuditHead,
): { ok: true } | { ok: false; reason: string } {
  if (kept.count === 0) return { ok: true };
  const entry = entries.find((e) => e.chain === kept.chain && e.seq === kept.count);
  if (entry === undefined) {
    return {
      ok: false,
      reason: `chain ${kept.chain} has no entry ${kept.count}, which the kept head names`,
    };
  }
  if (entry.hash !== kept.hash) {
    return {
      ok: false,
      reason: `entry ${kept.count} of chain ${kept.chain} has hash ${entry.hash}, not ${kept.hash} as the kept head says: the log was rewritten since`,
    };
  }
  return { ok: true };
}
