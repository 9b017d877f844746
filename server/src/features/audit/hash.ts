// Entry hashes, head MACs and the sealing MAC. Entries of rooms from before the keyed chain keep
// their plain SHA-256; every later entry is an HMAC-SHA256 with the key derived from SECRET.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  canonicalAuditEntryV1,
  canonicalAuditEntryV2,
  canonicalAuditHead,
  canonicalAuditJson,
} from '@parley/shared/mediation';
import type {
  AuditChainHead,
  AuditEntry,
  AuditHashCheck,
  UnhashedAuditEntry,
} from '@parley/shared/mediation';
import type { AuditKeys } from './keys';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmacHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The hash of a new entry: always keyed. */
export function keyedEntryHash(keys: AuditKeys, entry: UnhashedAuditEntry): string {
  return hmacHex(keys.entryKey, canonicalAuditEntryV2(entry));
}

/** Checks entries with the key: keyed ones by HMAC, legacy ones by SHA-256. */
export function entryHashCheck(keys: AuditKeys): AuditHashCheck {
  return (entry: AuditEntry, keyed: boolean) => {
    const { hash, ...rest } = entry;
    const expected = keyed ? keyedEntryHash(keys, rest) : sha256Hex(canonicalAuditEntryV1(rest));
    return sameHex(expected, hash);
  };
}

/** Checks what can be checked without the key: legacy entries only. */
export const unkeyedHashCheck: AuditHashCheck = (entry, keyed) => {
  if (keyed) return null;
  const { hash, ...rest } = entry;
  return sha256Hex(canonicalAuditEntryV1(rest)) === hash;
};

export function headMac(keys: AuditKeys, roomId: string, head: AuditChainHead): string {
  return hmacHex(keys.headKey, canonicalAuditHead(roomId, head));
}

export function headMacFits(
  keys: AuditKeys,
  roomId: string,
  head: AuditChainHead,
  mac: string | null,
): boolean {
  return mac !== null && sameHex(headMac(keys, roomId, head), mac);
}

/** The MAC of the record that says when the heads were sealed and with which key. */
export function sealMac(keys: AuditKeys, seal: { keyId: string; sealedAt: number }): string {
  return hmacHex(
    keys.headKey,
    canonicalAuditJson({
      purpose: 'parley.audit/seal',
      keyId: seal.keyId,
      sealedAt: seal.sealedAt,
    }),
  );
}

export function sealMacFits(
  keys: AuditKeys,
  seal: { keyId: string; sealedAt: number; mac: string },
): boolean {
  return sameHex(sealMac(keys, seal), seal.mac);
}
