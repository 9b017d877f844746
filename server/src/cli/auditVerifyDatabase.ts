// `pnpm audit:verify` on the database the server uses: with the key derived from SECRET, every
// room's chains are checked entry by entry against their sealed heads.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AuditEntry } from '@parley/shared/mediation';
import { checkSeal, deriveAuditKeys, verifyStoredRoom } from '../features/audit';
import type { StoredAuditHead } from '../features/audit';
import { createStore, SQLITE_FILE_NAME } from '../store';
import type { Store } from '../store';
import { auditVerifyExit } from './auditVerifyArgs';
import type { AuditVerifyArgs } from './auditVerifyArgs';
import { report, withKeptHeads } from './auditVerifyResult';
import type { AuditVerifyIo } from './auditVerifyResult';
import { readServerSecret } from './auditVerifySecret';

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

function groupByRoom<T extends { roomId: string }>(items: readonly T[]): Map<string, T[]> {
  const rooms = new Map<string, T[]>();
  for (const item of items) {
    const list = rooms.get(item.roomId) ?? [];
    list.push(item);
    rooms.set(item.roomId, list);
  }
  return rooms;
}

interface Stored {
  rooms: string[];
  entries: AuditEntry[];
  heads: StoredAuditHead[];
  seal: Awaited<ReturnType<Store['getAuditSeal']>>;
}

async function readStored(store: Store, room: string | null): Promise<Stored> {
  const [rooms, entries, heads, seal] = await Promise.all([
    store.listAuditRooms(),
    store.listAudit(room),
    store.listAuditHeads(room),
    store.getAuditSeal(),
  ]);
  return { rooms, entries, heads, seal };
}

export async function verifyDatabase(args: AuditVerifyArgs, io: AuditVerifyIo): Promise<number> {
  const secret = await readServerSecret(io);
  if (!secret.found) {
    io.stderr(`${secret.reason}\n`);
    return auditVerifyExit.badInput;
  }
  const keys = deriveAuditKeys(secret.secret);
  const store = io.openStore ? io.openStore() : defaultStore(io);
  if (typeof store === 'string') {
    io.stderr(`${store}\n`);
    return auditVerifyExit.badInput;
  }
  try {
    let stored: Stored;
    try {
      stored = await readStored(store, args.room);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr(
        `cannot read the audit log: ${reason} (a database from before the keyed chain is upgraded when the server starts)\n`,
      );
      return auditVerifyExit.badInput;
    }
    // The seal is checked against every head of the database, whichever rooms are asked for.
    const allHeads = args.room === null ? stored.heads : await store.listAuditHeads(null);
    const seal = checkSeal(keys, stored.seal, allHeads);
    if (seal.state === 'unsealed' || seal.state === 'other-key') {
      io.stderr(`${seal.message}\n`);
      return auditVerifyExit.badInput;
    }
    const existing = new Set(stored.rooms);
    const entries = groupByRoom(stored.entries);
    const heads = groupByRoom(stored.heads);
    const roomIds =
      args.room !== null
        ? [args.room]
        : [...new Set([...stored.rooms, ...entries.keys(), ...heads.keys()])].sort();
    if (args.room !== null && !existing.has(args.room) && !entries.has(args.room)) {
      io.stderr(`there is no room ${args.room} in this database\n`);
      return auditVerifyExit.badInput;
    }
    const results = roomIds.map((roomId) => {
      const roomEntries = entries.get(roomId) ?? [];
      const verification = verifyStoredRoom(keys, seal, {
        roomId,
        exists: existing.has(roomId),
        entries: roomEntries,
        heads: heads.get(roomId) ?? [],
      });
      return { roomId, verification: withKeptHeads(verification, roomEntries, args.heads) };
    });
    return report(results, args.json, io);
  } finally {
    await store.close().catch(() => undefined);
  }
}
