// The update path's appends, one batch per transaction, with statements prepared once per store:
// building and preparing the same query for every keystroke cost more than storing it.
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { toBuffer, toNumber } from './columns';
import type { CommitBatch } from './groupCommit';
import { StoreError } from './storeError';
import type { AppendUpdate } from './types';

const NEXT_SEQ = 'UPDATE rooms SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq';
const INSERT_UPDATE =
  'INSERT INTO doc_updates (room_id, seq, data, member_id, created_at) VALUES ($1, $2, $3, $4, $5)';
const INSERT_CHANGE =
  'INSERT INTO clause_changes (room_id, seq, clause_id, member_id, at) VALUES ($1, $2, $3, $4, $5)';

/** SQLite takes positional ? where PostgreSQL writes $1, $2… (each used once, in order). */
const forSqlite = (statement: string) => statement.replace(/\$\d+/g, '?');

function unknownRoom(roomId: string): StoreError {
  return new StoreError('unknown-room', `no room ${roomId}`);
}

export function checkAppend(update: AppendUpdate): void {
  if (!(update.data instanceof Uint8Array)) {
    throw new StoreError('bad-input', 'update data must be a Uint8Array');
  }
}

/**
 * Seqs are handed out by incrementing `rooms.last_seq` inside the transaction: the row lock this
 * takes makes a room's appends commit in seq order (see coreStore.ts).
 */
export function sqliteAppendBatch(raw: BetterSqlite3.Database): CommitBatch {
  const nextSeq = raw.prepare<[string], { last_seq: number | bigint }>(forSqlite(NEXT_SEQ));
  const insertUpdate = raw.prepare(forSqlite(INSERT_UPDATE));
  const insertChange = raw.prepare(forSqlite(INSERT_CHANGE));
  const commit = raw.transaction((items: readonly AppendUpdate[]) =>
    items.map((item): number | Error => {
      const row = nextSeq.get(item.roomId);
      if (row === undefined) return unknownRoom(item.roomId);
      const seq = toNumber(row.last_seq);
      insertUpdate.run(item.roomId, seq, toBuffer(item.data), item.memberId, item.at);
      for (const clauseId of new Set(item.clauseIds)) {
        insertChange.run(item.roomId, seq, clauseId, item.memberId, item.at);
      }
      return seq;
    }),
  );
  return async (items) => commit(items);
}

export function postgresAppendBatch(pool: pg.Pool): CommitBatch {
  const named = (name: string, text: string, values: unknown[]) => ({
    name: `parley-${name}`,
    text,
    values,
  });
  return async (items) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const results: (number | Error)[] = [];
      // Every instance locks room rows in the same order, so two batches never wait on each other.
      const order = items
        .map((item, index) => ({ item, index }))
        .sort((a, b) =>
          a.item.roomId < b.item.roomId ? -1 : a.item.roomId > b.item.roomId ? 1 : 0,
        );
      for (const { item, index } of order) {
        const next = await client.query<{ last_seq: string | number }>(
          named('next-seq', NEXT_SEQ, [item.roomId]),
        );
        const row = next.rows[0];
        if (row === undefined) {
          results[index] = unknownRoom(item.roomId);
          continue;
        }
        const seq = toNumber(row.last_seq);
        await client.query(
          named('insert-update', INSERT_UPDATE, [
            item.roomId,
            seq,
            toBuffer(item.data),
            item.memberId,
            item.at,
          ]),
        );
        for (const clauseId of new Set(item.clauseIds)) {
          await client.query(
            named('insert-change', INSERT_CHANGE, [
              item.roomId,
              seq,
              clauseId,
              item.memberId,
              item.at,
            ]),
          );
        }
        results[index] = seq;
      }
      await client.query('COMMIT');
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}
