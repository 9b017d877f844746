// The seal over the heads: once per database (the first start after the upgrade) the server MACs
// the heads the migration wrote and records it; after that an unsealed head is an altered one.
import { headMac, headMacFits, sealMac, sealMacFits } from './hash';
import type { AuditKeys } from './keys';
import type { AuditSeal, AuditStore, StoredAuditHead } from './storeTypes';

export type SealStatus =
  | { state: 'sealed'; seal: AuditSeal }
  /** Upgraded but no server has started since: nothing is wrong, nothing can be checked yet. */
  | { state: 'unsealed'; message: string }
  /** Sealed with another SECRET than the one given. */
  | { state: 'other-key'; message: string }
  | { state: 'tampered'; message: string };

/** What the seal record and the heads say, with these keys. */
export function checkSeal(
  keys: AuditKeys,
  seal: AuditSeal | undefined,
  heads: readonly StoredAuditHead[],
): SealStatus {
  if (seal === undefined) {
    if (heads.some((head) => head.mac !== null)) {
      return {
        state: 'tampered',
        message: 'the record that the audit heads were sealed is gone while sealed heads remain',
      };
    }
    if (heads.some((head) => head.count >= head.keyedFrom)) {
      return {
        state: 'tampered',
        message: 'keyed audit entries exist, but the record that the heads were sealed is gone',
      };
    }
    return {
      state: 'unsealed',
      message:
        'the audit heads of this database are not sealed yet: start the server once after the upgrade',
    };
  }
  if (seal.keyId !== keys.kid) {
    return {
      state: 'other-key',
      message: `the audit log is sealed with key ${seal.keyId}, but this SECRET gives key ${keys.kid}: use the SECRET the server runs with`,
    };
  }
  if (!sealMacFits(keys, seal)) {
    return {
      state: 'tampered',
      message: 'the record that the audit heads were sealed was altered',
    };
  }
  return { state: 'sealed', seal };
}

/** Seals the heads if no server has yet; answers the state of the seal either way. */
export async function ensureSealed(
  store: AuditStore,
  keys: AuditKeys,
  now: () => number,
): Promise<SealStatus> {
  const seal = await store.sealAudit((heads) => {
    // Only heads straight from the migration are sealed: none carries a MAC, and no chain holds
    // keyed entries, which nothing writes before the seal exists.
    if (checkSeal(keys, undefined, heads).state !== 'unsealed') return null;
    const sealedAt = now();
    return {
      heads: heads.map((head) => ({ ...head, mac: headMac(keys, head.roomId, head) })),
      seal: { keyId: keys.kid, sealedAt, mac: sealMac(keys, { keyId: keys.kid, sealedAt }) },
    };
  });
  return checkSeal(keys, seal, seal === undefined ? await store.listAuditHeads(null) : []);
}

/** Whether a stored head carries this server's seal. */
export function headIsSealed(keys: AuditKeys, head: StoredAuditHead): boolean {
  return headMacFits(keys, head.roomId, head, head.mac);
}
