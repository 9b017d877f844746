// The audit chain: an entry serialises the same whatever its key order, and verification names the
// first altered, missing or relinked entry.
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, canonicalAuditEntry, verifyAuditChain } from './governance-audit';
import type { AuditEntry } from './governance-audit';

// A stand-in hash: deterministic and sensitive to every character, enough to test the chain rules.
function fakeHash(text: string): string {
  let h = 0n;
  for (const ch of text) h = (h * 131n + BigInt(ch.codePointAt(0)!)) % 2n ** 256n;
  return h.toString(16).padStart(64, '0');
}

function chain(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = AUDIT_GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const unhashed = {
      seq,
      roomId: 'r1',
      at: 1000 + seq,
      actorId: seq % 2 === 0 ? 'm-1' : null,
      action: 'clause.locked',
      target: `c-${seq}`,
      details: { b: [1, { y: 2, x: 1 }], a: 'é' },
      prevHash,
    };
    const entry = { ...unhashed, hash: fakeHash(canonicalAuditEntry(unhashed)) };
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

describe('audit chain', () => {
  it('serialises the same entry the same way whatever the key order', () => {
    const [entry] = chain(1);
    const { hash: _hash, ...rest } = entry!;
    const reordered = { ...rest, details: { a: 'é', b: [1, { x: 1, y: 2 }] } };
    expect(canonicalAuditEntry(reordered)).toBe(canonicalAuditEntry(rest));
    expect(canonicalAuditEntry(rest)).toContain('"prevHash":"0000');
  });

  it('accepts an intact chain and reports the first altered, missing or relinked entry', () => {
    const entries = chain(5);
    expect(verifyAuditChain(entries, fakeHash)).toEqual({
      ok: true,
      count: 5,
      lastHash: entries[4]!.hash,
    });
    const altered = structuredClone(entries);
    altered[2]!.details = { a: 'changed' };
    expect(verifyAuditChain(altered, fakeHash)).toMatchObject({ ok: false, firstBadSeq: 3 });
    const missing = entries.filter((e) => e.seq !== 2);
    expect(verifyAuditChain(missing, fakeHash)).toMatchObject({ ok: false, firstBadSeq: 3 });
    const relinked = structuredClone(entries);
    relinked[3]!.prevHash = AUDIT_GENESIS_HASH;
    expect(verifyAuditChain(relinked, fakeHash)).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(verifyAuditChain([], fakeHash)).toEqual({
      ok: true,
      count: 0,
      lastHash: AUDIT_GENESIS_HASH,
    });
  });
});
