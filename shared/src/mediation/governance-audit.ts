// The audit log's format: hash-chained entries, the canonical text each hash covers, the export
// and the chain check, so anyone holding an export can tell whether it was altered.
import { z } from 'zod';

/** The prevHash of a room's first audit entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export const AUDIT_EXPORT_FORMAT = 'parley.audit/v1';

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

/** One entry of a room's append-only, hash-chained audit log. */
export const auditEntrySchema = z.object({
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

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditDetails = z.infer<typeof auditDetailsSchema>;
/** An entry before it is hashed. */
export type UnhashedAuditEntry = Omit<AuditEntry, 'hash'>;

/** Outcome of checking a chain: where it first breaks, if it does. */
export type AuditVerification =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; firstBadSeq: number; reason: string };

export const auditVerificationSchema = z.union([
  z.object({ ok: z.literal(true), count: z.number(), lastHash: z.string() }),
  z.object({
    ok: z.literal(false),
    count: z.number(),
    firstBadSeq: z.number(),
    reason: z.string(),
  }),
]);

/** What `GET /api/rooms/:roomId/audit` answers and what the verify command reads back. */
export const auditExportSchema = z.object({
  format: z.literal(AUDIT_EXPORT_FORMAT),
  roomId: z.string().min(1),
  exportedAt: z.number(),
  entries: z.array(auditEntrySchema),
  verification: auditVerificationSchema,
});

export type AuditExport = z.infer<typeof auditExportSchema>;

/** JSON with object keys sorted at every level: the same value always gives the same text. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`not representable in JSON: ${String(value)}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The exact text an entry's hash covers: every field but the hash itself, the prevHash included. */
export function canonicalAuditEntry(entry: UnhashedAuditEntry): string {
  return canonicalJson({
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

/**
 * Checks one room's chain, oldest first: consecutive seqs from 1, each prevHash equal to the
 * previous hash, each hash equal to `hash(canonicalAuditEntry(entry))`. Reports the first entry
 * where any of this fails. The hash function is passed in so this stays free of platform APIs.
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  hash: (text: string) => string,
): AuditVerification {
  let prevHash = AUDIT_GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    const fail = (reason: string): AuditVerification => ({
      ok: false,
      count: entries.length,
      firstBadSeq: entry.seq,
      reason,
    });
    if (entry.seq !== expectedSeq) {
      return fail(
        `expected entry ${expectedSeq} here but found ${entry.seq} (missing or reordered)`,
      );
    }
    if (entry.prevHash !== prevHash) {
      return fail(`its prevHash does not match the hash of entry ${entry.seq - 1}`);
    }
    const { hash: stored, ...rest } = entry;
    if (hash(canonicalAuditEntry(rest)) !== stored) {
      return fail('its content does not match its hash (the entry was altered)');
    }
    prevHash = stored;
    expectedSeq += 1;
  }
  return { ok: true, count: entries.length, lastHash: prevHash };
}
