// The audit chain: an entry serialises the same whatever its key order, and verification names the
// first altered, missing or relinked entry.
import { describe, expect, it } from 'vitest';
import { extendsAuditHead, requiredPartyChains, verifyAuditChains } from './audit-verify';
import type { AuditHashCheck } from './audit-verify';
import {
  AUDIT_GENESIS_HASH,
  canonicalAuditEntryV1,
  canonicalAuditEntryV2,
  canonicalAuditHead,
  signedDocumentPayload,
} from './governance-audit';
import type {
  AuditChainHead,
  AuditDetails,
  AuditEntry,
  AuditExportEntry,
} from './governance-audit';

// A stand-in hash: deterministic and sensitive to every character, enough to test the chain rules.
function fakeHash(text: string): string {
  let h = 0n;
  for (const ch of text) h = (h * 131n + BigInt(ch.codePointAt(0)!)) % 2n ** 256n;
  return h.toString(16).padStart(64, '0');
}

// "Keyed" entries use another stand-in, so a check can tell which rule an entry was held to.
const keyedHash = (text: string) => fakeHash(`key|${text}`);

const check: AuditHashCheck = (entry, keyed) => {
  const { hash, ...rest } = entry;
  return (
    (keyed ? keyedHash(canonicalAuditEntryV2(rest)) : fakeHash(canonicalAuditEntryV1(rest))) ===
    hash
  );
};

function chain(name: string, count: number, keyedFrom = 1, first = 1): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = AUDIT_GENESIS_HASH;
  for (let seq = first; seq < first + count; seq++) {
    const details: AuditDetails =
      seq === 1 && name === 'room' ? { partyId: 'csp' } : { b: [1, { y: 2, x: 1 }] };
    const unhashed = {
      chain: name,
      seq,
      roomId: 'r1',
      at: 1000 + seq,
      actorId: seq % 2 === 0 ? 'm-1' : null,
      action: seq === 1 && name === 'room' ? 'room.created' : 'clause.locked',
      target: `c-${seq}`,
      details,
      prevHash,
    };
    const hash =
      seq >= keyedFrom
        ? keyedHash(canonicalAuditEntryV2(unhashed))
        : fakeHash(canonicalAuditEntryV1(unhashed));
    entries.push({ ...unhashed, hash });
    prevHash = hash;
  }
  return entries;
}

function headOf(entries: AuditEntry[], name: string, keyedFrom = 1): AuditChainHead {
  return {
    chain: name,
    count: entries.length,
    hash: entries.at(-1)?.hash ?? AUDIT_GENESIS_HASH,
    keyedFrom,
  };
}

function verify(entries: AuditExportEntry[], heads: AuditChainHead[], required = ['room']) {
  return verifyAuditChains({ roomId: 'r1', entries, heads, required, checkHash: check });
}

describe('canonical audit text', () => {
  it('serialises the same entry the same way whatever the key order', () => {
    const [entry] = chain('room', 1);
    const { hash: _hash, ...rest } = entry!;
    const reordered = { ...rest, details: { partyId: 'csp' } };
    expect(canonicalAuditEntryV2(reordered)).toBe(canonicalAuditEntryV2(rest));
    expect(canonicalAuditEntryV1(rest)).toMatch(/^\{"action":"room\.created".*"v":1\}$/);
    expect(canonicalAuditEntryV1(rest)).not.toContain('"chain"');
    expect(canonicalAuditEntryV2(rest)).toContain('"chain":"room"');
  });

  it('binds a head to its room, chain, count, hash and keyed start', () => {
    const head = { chain: 'room', count: 3, hash: 'a'.repeat(64), keyedFrom: 2 };
    const text = canonicalAuditHead('r1', head);
    expect(text).toContain('"purpose":"parley.audit/head"');
    expect(canonicalAuditHead('r2', head)).not.toBe(text);
    expect(canonicalAuditHead('r1', { ...head, keyedFrom: 4 })).not.toBe(text);
  });

  it('signs documents without their signature, keys sorted', () => {
    expect(signedDocumentPayload({ b: 1, signature: 'x', a: { d: 2, c: [1, 'é'] } })).toBe(
      '{"a":{"c":[1,"é"],"d":2},"b":1}',
    );
  });
});

describe('audit chains against their heads', () => {
  const room = chain('room', 5, 3);
  const party = chain('party:csp', 2);
  const heads = [headOf(room, 'room', 3), headOf(party, 'party:csp')];

  it('accepts intact chains, legacy entries before the keyed start included', () => {
    expect(verify([...room, ...party], heads)).toEqual({
      ok: true,
      count: 7,
      heads: [
        { chain: 'room', count: 5, hash: room[4]!.hash },
        { chain: 'party:csp', count: 2, hash: party[1]!.hash },
      ],
    });
  });

  it('reports an altered, missing or relinked entry where it is', () => {
    const altered = structuredClone(room);
    altered[3]!.details = { changed: true };
    expect(verify([...altered, ...party], heads)).toMatchObject({
      ok: false,
      chain: 'room',
      firstBadSeq: 4,
    });
    const missing = room.filter((e) => e.seq !== 2);
    expect(verify([...missing, ...party], heads)).toMatchObject({ firstBadSeq: 3 });
    const relinked = structuredClone(room);
    relinked[3]!.prevHash = AUDIT_GENESIS_HASH;
    expect(verify([...relinked, ...party], heads)).toMatchObject({ firstBadSeq: 4 });
  });

  it('holds keyed entries to the keyed hash: rehashing one the unkeyed way fails', () => {
    const rehashed = structuredClone(room);
    const { hash: _h, ...rest } = rehashed[4]!;
    rehashed[4]!.hash = fakeHash(canonicalAuditEntryV1(rest));
    const relinkedHeads = [{ ...heads[0]!, hash: rehashed[4]!.hash }, heads[1]!];
    expect(verify([...rehashed, ...party], relinkedHeads)).toMatchObject({
      ok: false,
      firstBadSeq: 5,
      reason: expect.stringContaining('altered'),
    });
  });

  it('shows dropped newest entries, a deleted log and a missing head', () => {
    expect(verify([...room.slice(0, 3), ...party], heads)).toMatchObject({
      ok: false,
      chain: 'room',
      firstBadSeq: 4,
      reason: expect.stringContaining('the newest were removed'),
    });
    expect(verify(party, heads)).toMatchObject({
      chain: 'room',
      firstBadSeq: 1,
      reason: expect.stringContaining('entries were deleted'),
    });
    expect(verify([...room, ...party], [heads[0]!])).toMatchObject({
      chain: 'party:csp',
      reason: expect.stringContaining('no head'),
    });
    expect(verify(party, [heads[1]!])).toMatchObject({
      chain: 'room',
      reason: expect.stringContaining('entries and its head were deleted'),
    });
    const extra = chain('room', 6, 3);
    expect(verify([...extra, ...party], heads)).toMatchObject({
      firstBadSeq: 6,
      reason: expect.stringContaining('past the head'),
    });
  });

  it('requires a chain for each party the room chain admitted', () => {
    expect(requiredPartyChains(room)).toEqual(['party:csp']);
    expect(verify(room, [heads[0]!], ['room', ...requiredPartyChains(room)])).toMatchObject({
      ok: false,
      chain: 'party:csp',
    });
  });

  it('lets a redacted entry keep its place without its content', () => {
    const redacted: AuditExportEntry[] = room.map((e) =>
      e.seq === 2
        ? {
            chain: e.chain,
            seq: e.seq,
            roomId: e.roomId,
            redacted: true,
            prevHash: e.prevHash,
            hash: e.hash,
          }
        : e,
    );
    expect(verify([...redacted, ...party], heads)).toMatchObject({ ok: true });
  });

  it('tells whether a log still extends a head kept earlier', () => {
    const kept = { chain: 'room', count: 4, hash: room[3]!.hash };
    expect(extendsAuditHead(room, kept)).toEqual({ ok: true });
    expect(extendsAuditHead(room.slice(0, 3), kept)).toMatchObject({ ok: false });
    const rewritten = chain('room', 5, 1);
    expect(extendsAuditHead(rewritten, kept)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('rewritten'),
    });
  });
});
