// The audit log's entries, chains, heads and exports as every party sees them, and the exact
// text each hash, MAC and signature covers. The checks themselves are in audit-verify.ts.
import { z } from 'zod';

/** The prevHash of a chain's first entry, and the hash of a chain with no entry yet. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Signed exports with heads and chains. */
export const AUDIT_EXPORT_FORMAT = 'parley.audit/v2' as const;
/** Unsigned exports of servers before the keyed chain; read back only on request. */
export const AUDIT_EXPORT_FORMAT_V1 = 'parley.audit/v1' as const;

/** The chain every reader of the log sees: everything not confidential to one party. */
export const AUDIT_ROOM_CHAIN = 'room';

/** The chain of one party's confidential actions: only that party and the mediator read it. */
export function auditPartyChain(partyId: string): string {
  return `party:${partyId}`;
}

/** The party whose chain this is, or null for the room chain. */
export function partyOfAuditChain(chain: string): string | null {
  return chain.startsWith('party:') ? chain.slice('party:'.length) : null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const jsonValueSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().refine(Number.isFinite, 'numbers must be finite'),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

export const auditDetailsSchema = z.record(z.string(), jsonValueSchema);

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');

export const auditChainSchema = z
  .string()
  .regex(/^(room|party:.+)$/, 'expected "room" or "party:<party id>"');

/** One entry of a room's append-only, hash-chained audit log. */
export const auditEntrySchema = z.object({
  /** Which of the room's chains the entry belongs to; `seq` counts within that chain. */
  chain: auditChainSchema,
  seq: z.number().int().positive(),
  roomId: z.string().min(1),
  at: z.number().int().nonnegative(),
  /** The member who acted; null for the server itself. */
  actorId: z.string().nullable(),
  action: z.string().min(1),
  target: z.string().nullable(),
  details: auditDetailsSchema,
  prevHash: hashSchema,
  hash: hashSchema,
});

/**
 * An entry a reader may not see the content of (a confidential action of another party logged
 * before party chains existed): its place and hash stay, so the chain still links.
 */
export const redactedAuditEntrySchema = z.object({
  chain: auditChainSchema,
  seq: z.number().int().positive(),
  roomId: z.string().min(1),
  redacted: z.literal(true),
  prevHash: hashSchema,
  hash: hashSchema,
});

export const auditExportEntrySchema = z.union([redactedAuditEntrySchema, auditEntrySchema]);

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type RedactedAuditEntry = z.infer<typeof redactedAuditEntrySchema>;
export type AuditExportEntry = z.infer<typeof auditExportEntrySchema>;
export type AuditDetails = z.infer<typeof auditDetailsSchema>;
/** An entry before it is hashed. */
export type UnhashedAuditEntry = Omit<AuditEntry, 'hash'>;

export function isRedactedAuditEntry(entry: AuditExportEntry): entry is RedactedAuditEntry {
  return 'redacted' in entry && entry.redacted === true;
}

/**
 * Where a chain stands: how many entries it holds and the hash of the newest (the genesis hash
 * when it has none). Whoever keeps a head can later tell whether a log still extends it.
 */
export const auditHeadSchema = z.object({
  chain: auditChainSchema,
  count: z.number().int().nonnegative(),
  hash: hashSchema,
});

export type AuditHead = z.infer<typeof auditHeadSchema>;

/** A head with the first entry hashed with the server's key; earlier ones are plain SHA-256. */
export const auditChainHeadSchema = auditHeadSchema.extend({
  keyedFrom: z.number().int().positive(),
});

export type AuditChainHead = z.infer<typeof auditChainHeadSchema>;

/** Outcome of checking a room's chains: where they first break, if they do. */
export type AuditVerification =
  | { ok: true; count: number; heads: AuditHead[] }
  | {
      ok: false;
      count: number;
      /** The chain that breaks; null when the problem is not one chain's (the seal). */
      chain: string | null;
      /** The first entry that does not fit; null when the chain as a whole is wrong. */
      firstBadSeq: number | null;
      reason: string;
    };

export const auditVerificationSchema = z.union([
  z.object({ ok: z.literal(true), count: z.number(), heads: z.array(auditHeadSchema) }),
  z.object({
    ok: z.literal(false),
    count: z.number(),
    chain: z.string().nullable(),
    firstBadSeq: z.number().nullable(),
    reason: z.string(),
  }),
]);

/** Whose view an export is: the chains and entries it holds depend on it. */
export const auditReaderSchema = z.object({
  role: z.string(),
  partyId: z.string().nullable(),
});

export type AuditReader = z.infer<typeof auditReaderSchema>;

/** What `GET /api/rooms/:roomId/audit` answers and what the verify command reads back. */
export const auditExportSchema = z.object({
  format: z.literal(AUDIT_EXPORT_FORMAT),
  roomId: z.string().min(1),
  exportedAt: z.number(),
  reader: auditReaderSchema,
  /** The head of every chain in this view. */
  heads: z.array(auditChainHeadSchema),
  /** Every entry of those chains: the room chain first, then the party chains, each by seq. */
  entries: z.array(auditExportEntrySchema),
  /** The server's own check of these chains against the database when it exported them. */
  verification: auditVerificationSchema,
  /** Detached JWS (EdDSA) over the canonical JSON of everything else in the export. */
  signature: z.string(),
});

export type AuditExport = z.infer<typeof auditExportSchema>;

/** An export of a server before the keyed chain: one chain, no head, no signature. */
export const legacyAuditExportSchema = z.object({
  format: z.literal(AUDIT_EXPORT_FORMAT_V1),
  roomId: z.string().min(1),
  entries: z.array(auditEntrySchema.omit({ chain: true })),
});

/**
 * JSON with object keys sorted (by UTF-16 code units) at every level and no whitespace: the
 * same value always gives the same text. For JSON data this is RFC 8785 canonical JSON.
 */
export function canonicalAuditJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`not representable in JSON: ${String(value)}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalAuditJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalAuditJson(v)}`).join(',')}}`;
}

/**
 * The text an unkeyed (SHA-256) entry's hash covers: every field but the hash, the prevHash
 * included. Only the room chain's entries from before the keyed chain are hashed this way.
 */
export function canonicalAuditEntryV1(entry: Omit<UnhashedAuditEntry, 'chain'>): string {
  return canonicalAuditJson({
    v: 1,
    seq: entry.seq,
    roomId: entry.roomId,
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target,
    details: entry.details,
    prevHash: entry.prevHash,
  });
}

/** The text a keyed entry's HMAC covers: as version 1, plus the chain it belongs to. */
export function canonicalAuditEntryV2(entry: UnhashedAuditEntry): string {
  return canonicalAuditJson({
    v: 2,
    chain: entry.chain,
    seq: entry.seq,
    roomId: entry.roomId,
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target,
    details: entry.details,
    prevHash: entry.prevHash,
  });
}

/** The text a stored head's MAC covers, so that a head cannot be moved back or rewritten. */
export function canonicalAuditHead(roomId: string, head: AuditChainHead): string {
  return canonicalAuditJson({
    purpose: 'parley.audit/head',
    roomId,
    chain: head.chain,
    count: head.count,
    hash: head.hash,
    keyedFrom: head.keyedFrom,
  });
}

/** The exact text a signed document's `signature` covers: the document without it. */
export function signedDocumentPayload(document: Record<string, unknown>): string {
  const { signature: _signature, ...rest } = document;
  return canonicalAuditJson(rest);
}
