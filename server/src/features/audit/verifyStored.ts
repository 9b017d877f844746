// Verifies a room's stored audit log with the key: every chain matching its sealed head entry by
// entry, every chain the room must have present; the export and `pnpm audit:verify` report it.
import { AUDIT_ROOM_CHAIN, requiredPartyChains, verifyAuditChains } from '@parley/shared/mediation';
import type { AuditEntry, AuditVerification } from '@parley/shared/mediation';
import { entryHashCheck } from './hash';
import type { AuditKeys } from './keys';
import { headIsSealed } from './sealing';
import type { SealStatus } from './sealing';
import type { StoredAuditHead } from './storeTypes';

export interface StoredRoomAudit {
  roomId: string;
  /** Whether the room itself exists: then its room chain must. */
  exists: boolean;
  entries: readonly AuditEntry[];
  heads: readonly StoredAuditHead[];
}

/** Checks one room; `visible` limits the check to the chains a reader sees. */
export function verifyStoredRoom(
  keys: AuditKeys,
  seal: SealStatus,
  room: StoredRoomAudit,
  visible: (chain: string) => boolean = () => true,
): AuditVerification {
  const entries = room.entries.filter((entry) => visible(entry.chain));
  const heads = room.heads.filter((head) => visible(head.chain));
  const count = entries.length;
  if (seal.state !== 'sealed') {
    return { ok: false, count, chain: null, firstBadSeq: null, reason: seal.message };
  }
  const roomChain = entries.filter((entry) => entry.chain === AUDIT_ROOM_CHAIN);
  const required = [
    ...(room.exists ? [AUDIT_ROOM_CHAIN] : []),
    ...requiredPartyChains(roomChain),
  ].filter(visible);
  // The chains first, so that an altered entry is named; then the seals of heads that fit them.
  const chains = verifyAuditChains({
    roomId: room.roomId,
    entries,
    heads,
    required,
    checkHash: entryHashCheck(keys),
  });
  if (!chains.ok) return chains;
  for (const head of heads) {
    if (!headIsSealed(keys, head)) {
      return {
        ok: false,
        count,
        chain: head.chain,
        firstBadSeq: null,
        reason:
          head.mac === null
            ? 'its head is not sealed'
            : 'its head does not carry the seal of this server: the head was altered',
      };
    }
  }
  return chains;
}
