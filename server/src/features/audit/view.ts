// What of a room's log one reader sees: the room chain and the reader's party chain (every chain
// for the mediator); another party's confidential entries from before party chains, as hashes.
import { AUDIT_ROOM_CHAIN, auditPartyChain } from '@parley/shared/mediation';
import type { AuditChainHead, AuditEntry, AuditExportEntry } from '@parley/shared/mediation';
import type { MemberRecord } from '../../store/types';
import { isPartyPrivateAction } from './chains';
import type { StoredAuditHead } from './storeTypes';

export interface ExportReader {
  roomId: string;
  role: string;
  partyId: string | null;
}

export interface AuditView {
  visible(chain: string): boolean;
  heads: AuditChainHead[];
  entries: AuditExportEntry[];
}

export function auditView(
  reader: ExportReader,
  entries: readonly AuditEntry[],
  heads: readonly StoredAuditHead[],
  members: readonly MemberRecord[],
): AuditView {
  const seesAll = reader.role === 'mediator';
  const own = reader.partyId === null ? null : auditPartyChain(reader.partyId);
  const visible = (chain: string) => seesAll || chain === AUDIT_ROOM_CHAIN || chain === own;
  const partyOf = new Map(members.map((member) => [member.id, member.partyId]));
  const roomHead = heads.find((head) => head.chain === AUDIT_ROOM_CHAIN);
  const legacyEnd = roomHead?.keyedFrom ?? 1;
  const hidden = (entry: AuditEntry) =>
    !seesAll &&
    entry.chain === AUDIT_ROOM_CHAIN &&
    entry.seq < legacyEnd &&
    isPartyPrivateAction(entry.action) &&
    (entry.actorId === null || partyOf.get(entry.actorId) !== reader.partyId);
  return {
    visible,
    heads: heads
      .filter((head) => visible(head.chain))
      .map(({ chain, count, hash, keyedFrom }) => ({ chain, count, hash, keyedFrom })),
    entries: entries
      .filter((entry) => visible(entry.chain))
      .map((entry) =>
        hidden(entry)
          ? {
              chain: entry.chain,
              seq: entry.seq,
              roomId: entry.roomId,
              redacted: true as const,
              prevHash: entry.prevHash,
              hash: entry.hash,
            }
          : entry,
      ),
  };
}
