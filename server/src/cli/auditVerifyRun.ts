import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auditEntrySchema } from '@parley/shared/mediation';
import type { AuditEntry, AuditVerification } from '@parley/shared/mediation';
import { z } from 'zod';
import { verifyAuditEntries } from '../features/audit';
import { createStore, SQLITE_FILE_NAME } from '../store';
import type { Store } from '../store';

export const auditVerifyUsage = [
  'Usage: pnpm audit:verify [--room ID] [--file EXPORT.json] [--json]',
  '',
  "Verifies rooms' hash-chained audit logs and reports the first tampered entry.",
  '  (no --file)   read the database the server uses: DATABASE_URL (postgres://...) or',
  '                the SQLite file in DATA_DIR (default ./data)',
  '  --room ID     only this room (default: every room in the database)',
  '  --file PATH   verify an export saved from GET /api/rooms/:roomId/audit instead',
  '  --json        print the results as JSON',
  '',
  'Exit status: 0 every chain is intact, 1 a chain is broken (tampered),',
  '2 bad arguments, an unreadable file or database, or no such room.',
].join('\n');

export const auditVerifyExit = { ok: 0, tampered: 1, badInput: 2 } as const;

export interface AuditVerifyIo {
  cwd: string;
  env: Record<string, string | undefined>;
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Opens the store (tests pass their own); defaults to DATABASE_URL / DATA_DIR. */
  openStore?(): Store;
}

interface Args {
  room: string | null;
  file: string | null;
  json: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Args | { error: string } {
  const args: Args = { room: null, file: null, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string | null => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--room') {
      const v = value();
      if (v === null) return { error: '--room needs a room id' };
      args.room = v;
    } else if (arg.startsWith('--room=')) args.room = arg.slice('--room='.length);
    else if (arg === '--file') {
      const v = value();
      if (v === null) return { error: '--file needs a path' };
      args.file = v;
    } else if (arg.startsWith('--file=')) args.file = arg.slice('--file='.length);
    else return { error: `unknown argument "${arg}"` };
  }
  return args;
}

interface RoomResult {
  roomId: string;
  verification: AuditVerification;
}

// A tampered export may break any field, so only the envelope and each entry's shape are required.
const exportFileSchema = z.object({
  format: z.literal('parley.audit/v1'),
  roomId: z.string().min(1),
  entries: z.array(auditEntrySchema),
});

function groupByRoom(entries: readonly AuditEntry[]): Map<string, AuditEntry[]> {
  const rooms = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const list = rooms.get(entry.roomId) ?? [];
    list.push(entry);
    rooms.set(entry.roomId, list);
  }
  return rooms;
}

function report(results: RoomResult[], json: boolean, io: AuditVerifyIo): number {
  const broken = results.filter((r) => !r.verification.ok);
  if (json) {
    io.stdout(`${JSON.stringify({ ok: broken.length === 0, rooms: results }, null, 2)}\n`);
  } else {
    for (const { roomId, verification: v } of results) {
      if (v.ok) io.stdout(`room ${roomId}: ${v.count} entries, chain intact\n`);
      else {
        io.stdout(
          `room ${roomId}: TAMPERED at entry ${v.firstBadSeq} of ${v.count}: ${v.reason}\n`,
        );
      }
    }
    if (results.length === 0) io.stdout('no audit entries found\n');
  }
  return broken.length === 0 ? auditVerifyExit.ok : auditVerifyExit.tampered;
}

async function fromFile(path: string, args: Args, io: AuditVerifyIo): Promise<number> {
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
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'file'}: ${i.message}`)
      .join('; ');
    io.stderr(`${path} is not a parley.audit/v1 export: ${problems}\n`);
    return auditVerifyExit.badInput;
  }
  const { roomId, entries } = parsed.data;
  if (args.room !== null && args.room !== roomId) {
    io.stderr(`${path} is the audit log of room ${roomId}, not ${args.room}\n`);
    return auditVerifyExit.badInput;
  }
  const foreign = entries.find((e) => e.roomId !== roomId);
  const verification: AuditVerification =
    foreign !== undefined
      ? {
          ok: false,
          count: entries.length,
          firstBadSeq: foreign.seq,
          reason: `it belongs to room ${foreign.roomId}, not ${roomId}`,
        }
      : verifyAuditEntries(entries);
  return report([{ roomId, verification }], args.json, io);
}

function defaultStore(io: AuditVerifyIo): Store | string {
  const url = io.env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url)) return 'DATABASE_URL must be a postgres:// URL';
    return createStore({ kind: 'postgres', databaseUrl: url });
  }
  const dataDir = resolve(io.cwd, io.env.DATA_DIR ?? './data');
  // Opening a missing file would create an empty database and report nothing wrong.
  if (!existsSync(join(dataDir, SQLITE_FILE_NAME))) {
    return `there is no Parley database in ${dataDir} (set DATA_DIR or DATABASE_URL)`;
  }
  return createStore({ kind: 'sqlite', dataDir });
}

async function fromDatabase(args: Args, io: AuditVerifyIo): Promise<number> {
  const store = io.openStore ? io.openStore() : defaultStore(io);
  if (typeof store === 'string') {
    io.stderr(`${store}\n`);
    return auditVerifyExit.badInput;
  }
  try {
    let entries: AuditEntry[];
    try {
      entries = await store.listAudit(args.room);
    } catch (error) {
      io.stderr(
        `cannot read the audit log: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return auditVerifyExit.badInput;
    }
    if (args.room !== null && entries.length === 0 && !(await store.getRoom(args.room))) {
      io.stderr(`there is no room ${args.room} in this database\n`);
      return auditVerifyExit.badInput;
    }
    const rooms = groupByRoom(entries);
    if (args.room !== null && !rooms.has(args.room)) rooms.set(args.room, []);
    const results = [...rooms].map(([roomId, list]) => ({
      roomId,
      verification: verifyAuditEntries(list),
    }));
    return report(results, args.json, io);
  } finally {
    await store.close().catch(() => undefined);
  }
}

/** Runs the command; returns the exit status. Never throws. */
export async function runAuditVerify(argv: readonly string[], io: AuditVerifyIo): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.stderr(`${args.error}\n\n${auditVerifyUsage}\n`);
    return auditVerifyExit.badInput;
  }
  if (args.help) {
    io.stdout(`${auditVerifyUsage}\n`);
    return auditVerifyExit.ok;
  }
  try {
    return args.file !== null ? await fromFile(args.file, args, io) : await fromDatabase(args, io);
  } catch (error) {
    io.stderr(
      `audit verification failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return auditVerifyExit.badInput;
  }
}
