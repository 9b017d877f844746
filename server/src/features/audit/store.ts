// The audit slice of the store: the chains' rows, appended under the chain's next number
// together with the chain's head, and the one-time seal of the heads.
import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import { AUDIT_ROOM_CHAIN, auditDetailsSchema } from '@parley/shared/mediation';
import type { AuditEntry } from '@parley/shared/mediation';
import { toNumber, withNumberingRetry } from '../../store/columns';
import type { AuditTables } from './schema';
import type { AuditSeal, AuditStore, AuditTip, StoredAuditHead } from './storeTypes';

const SEAL_ID = 'heads';

const entryColumns = [
  'room_id',
  'chain',
  'seq',
  'at',
  'actor_id',
  'action',
  'target',
  'details',
  'prev_hash',
  'hash',
] as const;

function entryFromRow(row: Selectable<AuditTables['audit_entries']>): AuditEntry {
  let details: Record<string, unknown>;
  try {
    // A row whose details no longer parse is still returned (as a marker) so that verification
    // reports it instead of the whole read failing.
    details = auditDetailsSchema.parse(JSON.parse(row.details));
  } catch {
    details = { unreadable: row.details };
  }
  return {
    chain: row.chain,
    seq: toNumber(row.seq),
    roomId: row.room_id,
    at: toNumber(row.at),
    actorId: row.actor_id,
    action: row.action,
    target: row.target,
    details: details as AuditEntry['details'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function headFromRow(row: Selectable<AuditTables['audit_heads']>): StoredAuditHead {
  return {
    roomId: row.room_id,
    chain: row.chain,
    count: toNumber(row.count),
    hash: row.hash,
    keyedFrom: toNumber(row.keyed_from),
    mac: row.mac,
  };
}

function headRow(head: StoredAuditHead) {
  return {
    room_id: head.roomId,
    chain: head.chain,
    count: head.count,
    hash: head.hash,
    keyed_from: head.keyedFrom,
    mac: head.mac,
  };
}

function sealFromRow(row: Selectable<AuditTables['audit_seal']>): AuditSeal {
  return { keyId: row.key_id, sealedAt: toNumber(row.sealed_at), mac: row.mac };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Room, then the room chain before party chains, then seq. */
function byRoomChainSeq<T extends { roomId: string; chain: string }>(
  seqOf: (item: T) => number,
): (a: T, b: T) => number {
  const chainRank = (chain: string) => (chain === AUDIT_ROOM_CHAIN ? '' : chain);
  return (a, b) =>
    compareText(a.roomId, b.roomId) ||
    compareText(chainRank(a.chain), chainRank(b.chain)) ||
    seqOf(a) - seqOf(b);
}

interface HeadAndTipRow {
  head_count: number | string | null;
  head_hash: string | null;
  head_keyed_from: number | string | null;
  head_mac: string | null;
  tip_seq: number | string | null;
  tip_hash: string | null;
}

/**
 * A chain's head and newest entry, read in one statement: on PostgreSQL each statement sees its
 * own snapshot, and two reads could straddle another instance's append and seem not to match.
 */
async function readHeadAndTip(
  db: Kysely<AuditTables>,
  roomId: string,
  chain: string,
): Promise<{ head: StoredAuditHead | null; tip: AuditTip | null }> {
  const { rows } = await sql<HeadAndTipRow>`
    SELECT h.count AS head_count, h.hash AS head_hash, h.keyed_from AS head_keyed_from,
           h.mac AS head_mac, t.seq AS tip_seq, t.hash AS tip_hash
    FROM (SELECT 1 AS anchor) AS a
    LEFT JOIN audit_heads h ON h.room_id = ${roomId} AND h.chain = ${chain}
    LEFT JOIN (
      SELECT seq, hash FROM audit_entries
      WHERE room_id = ${roomId} AND chain = ${chain}
      ORDER BY seq DESC LIMIT 1
    ) t ON 1 = 1`.execute(db);
  const row = rows[0];
  const head =
    row?.head_hash == null
      ? null
      : {
          roomId,
          chain,
          count: toNumber(row.head_count ?? 0),
          hash: row.head_hash,
          keyedFrom: toNumber(row.head_keyed_from ?? 0),
          mac: row.head_mac,
        };
  const tip =
    row?.tip_hash == null ? null : { seq: toNumber(row.tip_seq ?? 0), hash: row.tip_hash };
  return { head, tip };
}

export function createAuditStore(db: Kysely<AuditTables>): AuditStore {
  return {
    async appendAudit(roomId, chain, plan) {
      return withNumberingRetry(() =>
        db.transaction().execute(async (trx) => {
          // Takes the head's row lock first (a no-op update works on both databases), so that
          // appends to one chain from several instances queue instead of colliding.
          await sql`UPDATE audit_heads SET count = count
            WHERE room_id = ${roomId} AND chain = ${chain}`.execute(trx);
          const { head, tip } = await readHeadAndTip(trx, roomId, chain);
          const planned = plan(head, tip);
          const { entry } = planned;
          await trx
            .insertInto('audit_entries')
            .values({
              room_id: entry.roomId,
              chain: entry.chain,
              seq: entry.seq,
              at: entry.at,
              actor_id: entry.actorId,
              action: entry.action,
              target: entry.target,
              details: JSON.stringify(entry.details),
              prev_hash: entry.prevHash,
              hash: entry.hash,
            })
            .execute();
          if (head !== null) {
            const { room_id: _r, chain: _c, ...values } = headRow(planned.head);
            await trx
              .updateTable('audit_heads')
              .set(values)
              .where('room_id', '=', roomId)
              .where('chain', '=', chain)
              .execute();
          } else {
            // A plain insert: a concurrent first append or opening of this chain collides here.
            await trx.insertInto('audit_heads').values(headRow(planned.head)).execute();
          }
          for (const opened of planned.opens) {
            await trx
              .insertInto('audit_heads')
              .values(headRow(opened))
              .onConflict((oc) => oc.columns(['room_id', 'chain']).doNothing())
              .execute();
          }
          return entry;
        }),
      );
    },

    async listAudit(roomId) {
      let query = db.selectFrom('audit_entries').select(entryColumns);
      if (roomId !== null) query = query.where('room_id', '=', roomId);
      const rows = await query.execute();
      return rows.map(entryFromRow).sort(byRoomChainSeq((e) => e.seq));
    },

    async listAuditHeads(roomId) {
      let query = db.selectFrom('audit_heads').selectAll();
      if (roomId !== null) query = query.where('room_id', '=', roomId);
      const rows = await query.execute();
      return rows.map(headFromRow).sort(byRoomChainSeq(() => 0));
    },

    async getAuditHead(roomId, chain) {
      const row = await db
        .selectFrom('audit_heads')
        .selectAll()
        .where('room_id', '=', roomId)
        .where('chain', '=', chain)
        .executeTakeFirst();
      return row ? headFromRow(row) : undefined;
    },

    async listAuditRooms() {
      const rows = await db.selectFrom('rooms').select('id').orderBy('id').execute();
      return rows.map((row) => row.id);
    },

    async getAuditSeal() {
      const row = await db
        .selectFrom('audit_seal')
        .selectAll()
        .where('id', '=', SEAL_ID)
        .executeTakeFirst();
      return row ? sealFromRow(row) : undefined;
    },

    async sealAudit(plan) {
      return withNumberingRetry(() =>
        db.transaction().execute(async (trx) => {
          const existing = await trx
            .selectFrom('audit_seal')
            .selectAll()
            .where('id', '=', SEAL_ID)
            .executeTakeFirst();
          if (existing) return sealFromRow(existing);
          const heads = (await trx.selectFrom('audit_heads').selectAll().execute()).map(
            headFromRow,
          );
          const planned = plan(heads);
          if (planned === null) return undefined;
          for (const head of planned.heads) {
            await trx
              .updateTable('audit_heads')
              .set({ mac: head.mac })
              .where('room_id', '=', head.roomId)
              .where('chain', '=', head.chain)
              .execute();
          }
          // Another instance sealing at the same moment collides here; the retry reads its seal.
          await trx
            .insertInto('audit_seal')
            .values({
              id: SEAL_ID,
              key_id: planned.seal.keyId,
              sealed_at: planned.seal.sealedAt,
              mac: planned.seal.mac,
            })
            .execute();
          return planned.seal;
        }),
      );
    },
  };
}
