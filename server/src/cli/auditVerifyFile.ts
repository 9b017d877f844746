// `pnpm audit:verify --file`: an export as a party saved it, held to the server's signature, to
// its heads and to the server's own check; other signed Parley documents to their signature.
import { resolve } from 'node:path';
import {
  AUDIT_EXPORT_FORMAT,
  AUDIT_EXPORT_FORMAT_V1,
  AUDIT_GENESIS_HASH,
  AUDIT_ROOM_CHAIN,
  auditExportSchema,
  auditKeySetSchema,
  auditPartyChain,
  auditPublicJwkSchema,
  legacyAuditExportSchema,
  requiredPartyChains,
  verifyAuditChains,
} from '@parley/shared/mediation';
import type { AuditExport, AuditPublicJwk, AuditVerification } from '@parley/shared/mediation';
import { deriveAuditKeys, unkeyedHashCheck, verifySignedDocument } from '../features/audit';
import { auditVerifyExit } from './auditVerifyArgs';
import type { AuditVerifyArgs } from './auditVerifyArgs';
import { report, tampered, withKeptHeads } from './auditVerifyResult';
import type { AuditVerifyIo, RoomResult } from './auditVerifyResult';
import { readServerSecret, secretConfigured } from './auditVerifySecret';

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

function parseKeys(text: string, source: string): Outcome<AuditPublicJwk[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: `${source} is not JSON` };
  }
  const set = auditKeySetSchema.safeParse(raw);
  if (set.success) return { ok: true, value: set.data.keys };
  const single = auditPublicJwkSchema.safeParse(raw);
  if (single.success) return { ok: true, value: [single.data] };
  return { ok: false, message: `${source} is neither an Ed25519 JWK nor a JWK set` };
}

/** The keys a signature must be made with: given, fetched, or derived from the local SECRET. */
async function trustedKeys(
  args: AuditVerifyArgs,
  io: AuditVerifyIo,
): Promise<Outcome<AuditPublicJwk[]>> {
  if (args.key !== null) {
    let text: string;
    try {
      text = await io.readFile(resolve(io.cwd, args.key));
    } catch (error) {
      return { ok: false, message: `cannot read ${args.key}: ${(error as Error).message}` };
    }
    return parseKeys(text, args.key);
  }
  if (args.publicKeyUrl !== null) {
    const get = io.fetch ?? ((url: string) => fetch(url));
    try {
      const response = await get(args.publicKeyUrl);
      if (!response.ok) {
        return { ok: false, message: `${args.publicKeyUrl} answered ${response.status}` };
      }
      return parseKeys(await response.text(), args.publicKeyUrl);
    } catch (error) {
      return {
        ok: false,
        message: `cannot fetch ${args.publicKeyUrl}: ${(error as Error).message}`,
      };
    }
  }
  if (secretConfigured(io)) {
    const secret = await readServerSecret(io);
    if (secret.found) return { ok: true, value: [deriveAuditKeys(secret.secret).publicJwk] };
  }
  return {
    ok: false,
    message:
      "to check the export's signature, give the server's public key: --key FILE or --public-key-url URL (GET /api/audit/public-key)",
  };
}

function problemsOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'file'}: ${i.message}`)
    .join('; ');
}

/** The chains an export must hold: the room chain, and the admitted parties' chains it shows. */
function requiredChains(exported: AuditExport): string[] {
  const { role, partyId } = exported.reader;
  const own = partyId === null ? null : auditPartyChain(partyId);
  const roomChain = exported.entries.filter((e) => e.chain === AUDIT_ROOM_CHAIN);
  const parties = requiredPartyChains(roomChain).filter(
    (chain) => role === 'mediator' || chain === own,
  );
  return [AUDIT_ROOM_CHAIN, ...parties];
}

/** Checks a v2 export: its chains, its signature, the server's check, the heads kept. */
function verifyExport(
  raw: Record<string, unknown>,
  trusted: AuditPublicJwk[],
  args: AuditVerifyArgs,
  path: string,
  io: AuditVerifyIo,
): RoomResult | number {
  const roomId = String(raw.roomId);
  const signature = verifySignedDocument(raw, trusted);
  const parsed = auditExportSchema.safeParse(raw);
  const entryCount = Array.isArray(raw.entries) ? raw.entries.length : 0;
  if (!parsed.success) {
    if (signature.ok) {
      io.stderr(
        `${path} is signed, but not an export this command reads: ${problemsOf(parsed.error)}\n`,
      );
      return auditVerifyExit.badInput;
    }
    return {
      roomId,
      verification: tampered(
        entryCount,
        `the export is malformed (${problemsOf(parsed.error)}) and ${signature.reason}`,
      ),
    };
  }
  const exported = parsed.data;
  let verification: AuditVerification = verifyAuditChains({
    roomId,
    entries: exported.entries,
    heads: exported.heads,
    required: requiredChains(exported),
    checkHash: unkeyedHashCheck,
  });
  if (verification.ok && !signature.ok) {
    verification = tampered(verification.count, signature.reason);
  }
  if (verification.ok && !exported.verification.ok) {
    const v = exported.verification;
    verification = {
      ...v,
      reason: `the server found the log tampered when it exported it: ${v.reason}`,
    };
  }
  verification = withKeptHeads(verification, exported.entries, args.heads);
  return signature.ok
    ? { roomId, verification, signedBy: signature.kid }
    : { roomId, verification };
}

/** Checks an unsigned export of an older server, which can show an edit but not a truncation. */
function verifyLegacyExport(
  raw: unknown,
  args: AuditVerifyArgs,
  path: string,
): RoomResult | string {
  const parsed = legacyAuditExportSchema.safeParse(raw);
  if (!parsed.success)
    return `${path} is not a parley.audit/v1 export: ${problemsOf(parsed.error)}`;
  const { roomId } = parsed.data;
  const entries = parsed.data.entries.map((entry) => ({ ...entry, chain: AUDIT_ROOM_CHAIN }));
  if (!args.allowUnsigned) {
    return {
      roomId,
      verification: tampered(
        entries.length,
        'the export is an unsigned parley.audit/v1 file: it cannot show whether entries were dropped or the chain recomputed (check its chain alone with --allow-unsigned)',
      ),
    };
  }
  const count = entries.length;
  const head = {
    chain: AUDIT_ROOM_CHAIN,
    count,
    hash: entries.at(-1)?.hash ?? AUDIT_GENESIS_HASH,
    keyedFrom: count + 1,
  };
  const verification = verifyAuditChains({
    roomId,
    entries,
    heads: [head],
    required: [],
    checkHash: unkeyedHashCheck,
  });
  return {
    roomId,
    verification: withKeptHeads(verification, entries, args.heads),
    warning: 'unsigned v1 export: dropped newest entries would not show',
  };
}

export async function verifyFile(
  path: string,
  args: AuditVerifyArgs,
  io: AuditVerifyIo,
): Promise<number> {
  let text: string;
  try {
    text = await io.readFile(resolve(io.cwd, path));
  } catch (error) {
    io.stderr(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return auditVerifyExit.badInput;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    io.stderr(`${path} is not JSON\n`);
    return auditVerifyExit.badInput;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    io.stderr(`${path} is not a JSON object\n`);
    return auditVerifyExit.badInput;
  }
  const document = raw as Record<string, unknown>;
  const isExport = document.format === AUDIT_EXPORT_FORMAT;
  if (document.format === AUDIT_EXPORT_FORMAT_V1) {
    const result = verifyLegacyExport(document, args, path);
    if (typeof result === 'string') {
      io.stderr(`${result}\n`);
      return auditVerifyExit.badInput;
    }
    return checkRoom(result, args, path, io);
  }
  if (!isExport && typeof document.signature !== 'string') {
    io.stderr(
      `${path} is neither a parley.audit/v2 export nor a signed Parley document (format: ${JSON.stringify(document.format)})\n`,
    );
    return auditVerifyExit.badInput;
  }
  if (isExport && (typeof document.roomId !== 'string' || document.roomId === '')) {
    io.stderr(`${path} is a parley.audit/v2 export without a room id\n`);
    return auditVerifyExit.badInput;
  }
  const keys = await trustedKeys(args, io);
  if (!keys.ok) {
    io.stderr(`${keys.message}\n`);
    return auditVerifyExit.badInput;
  }
  if (!isExport) return verifyOtherDocument(document, keys.value, args, path, io);
  const result = verifyExport(document, keys.value, args, path, io);
  if (typeof result === 'number') return result;
  return checkRoom(result, args, path, io);
}

function checkRoom(
  result: RoomResult,
  args: AuditVerifyArgs,
  path: string,
  io: AuditVerifyIo,
): number {
  if (args.room !== null && args.room !== result.roomId) {
    io.stderr(`${path} is the audit log of room ${result.roomId}, not ${args.room}\n`);
    return auditVerifyExit.badInput;
  }
  return report([result], args.json, io);
}

/** A signed document that is not an audit export (e.g. the agreement): its signature only. */
function verifyOtherDocument(
  document: Record<string, unknown>,
  trusted: AuditPublicJwk[],
  args: AuditVerifyArgs,
  path: string,
  io: AuditVerifyIo,
): number {
  const signature = verifySignedDocument(document, trusted);
  if (args.json) {
    io.stdout(`${JSON.stringify({ ok: signature.ok, file: path, signature }, null, 2)}\n`);
  } else if (signature.ok) {
    io.stdout(`${path}: signature valid, signed with key ${signature.kid}\n`);
  } else {
    io.stdout(`${path}: TAMPERED: ${signature.reason}\n`);
  }
  return signature.ok ? auditVerifyExit.ok : auditVerifyExit.tampered;
}
