// What `pnpm audit:verify` finds and prints: a result per room (its heads, or where it breaks),
// as lines or as JSON, and the check of heads a party kept against the log.
import { extendsAuditHead } from '@parley/shared/mediation';
import type { AuditExportEntry, AuditHead, AuditVerification } from '@parley/shared/mediation';
import type { Store } from '../store';
import { auditVerifyExit } from './auditVerifyArgs';

export interface AuditVerifyIo {
  cwd: string;
  env: Record<string, string | undefined>;
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Opens the store (tests pass their own); defaults to DATABASE_URL / DATA_DIR. */
  openStore?(): Store;
  /** Fetches a URL (the public key); defaults to the global fetch. */
  fetch?(url: string): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
}

export interface RoomResult {
  roomId: string;
  verification: AuditVerification;
  /** The key an export was signed with, when it was checked. */
  signedBy?: string;
  /** Said of an export that could not show everything (an unsigned one). */
  warning?: string;
}

function describe({ roomId, verification: v, signedBy, warning }: RoomResult): string {
  if (!v.ok) {
    const where =
      v.chain === null
        ? ''
        : v.firstBadSeq === null
          ? ` in chain ${v.chain}`
          : ` at entry ${v.firstBadSeq} of chain ${v.chain}`;
    return `room ${roomId}: TAMPERED${where}: ${v.reason}\n`;
  }
  const signed = signedBy === undefined ? '' : `, signed with key ${signedBy}`;
  const lines = [`room ${roomId}: ${v.count} entries, chain intact${signed}`];
  for (const head of v.heads) lines.push(`  head ${head.chain}: ${head.count} ${head.hash}`);
  if (warning !== undefined) lines.push(`  warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** Prints the results; answers the exit status. */
export function report(results: readonly RoomResult[], json: boolean, io: AuditVerifyIo): number {
  const broken = results.filter((r) => !r.verification.ok);
  if (json) {
    io.stdout(`${JSON.stringify({ ok: broken.length === 0, rooms: results }, null, 2)}\n`);
  } else {
    for (const result of results) io.stdout(describe(result));
    if (results.length === 0) io.stdout('no rooms found\n');
  }
  return broken.length === 0 ? auditVerifyExit.ok : auditVerifyExit.tampered;
}

/** A failed verification that is nobody chain's in particular. */
export function tampered(count: number, reason: string): AuditVerification {
  return { ok: false, count, chain: null, firstBadSeq: null, reason };
}

/** A verification that also fails when the log no longer extends a head someone kept. */
export function withKeptHeads(
  verification: AuditVerification,
  entries: readonly AuditExportEntry[],
  kept: readonly AuditHead[],
): AuditVerification {
  if (!verification.ok) return verification;
  for (const head of kept) {
    const result = extendsAuditHead(entries, head);
    if (!result.ok) {
      return {
        ok: false,
        count: verification.count,
        chain: head.chain,
        firstBadSeq: head.count,
        reason: result.reason,
      };
    }
  }
  return verification;
}
