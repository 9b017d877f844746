// The core slice of the store: rooms, their documents and members, with the same Kysely queries
// on SQLite and PostgreSQL.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { toBuffer, toBytes, toNumber } from './columns';
import type { CoreTables } from './coreSchema';
import { clauseChangeFromRow, memberFromRow, roomFromRow, updateFromRow } from './rows';
import { StoreError } from './storeError';
import type {
  DocLoad,
  DocStore,
  MemberRecord,
  MemberSeatStore,
  MemberStore,
  RoomRecord,
  RoomStore,
} from './types';

const memberColumns = [
  'room_id',
  'id',
  'name',
  'role',
  'party_id',
  'created_at',
  'revoked_at',
] as const;

function memberRow(member: MemberRecord) {
  return {
    room_id: member.roomId,
    id: member.id,
    name: member.name,
    role: member.role,
    party_id: member.partyId,
    created_at: member.createdAt,
    revoked_at: member.revokedAt,
  };
}

function checkBytes(what: string, data: unknown): asserts data is Uint8Array {
  if (!(data instanceof Uint8Array)) {
    throw new StoreError('bad-input', `${what} must be a Uint8Array`);
  }
}

/**
 * Sequence numbers are per room and handed out by incrementing `rooms.last_seq` inside the append's
 * transaction. The row lock this takes makes a room's appends commit in seq order, so whenever
 * seq N is visible every seq below N is too. A global bigserial would not give that on PostgreSQL
 * (values are drawn before commit), and a compaction could then fold in N while N-1 was still in
 * flight, losing N-1 behind the snapshot. Appends themselves go through the group commit
 * (appendBatch.ts); this is the rest of the core slice.
 */
export function createCoreStore(
  db: Kysely<CoreTables>,
): RoomStore & Omit<DocStore, 'appendUpdate'> & Omit<MemberStore, keyof MemberSeatStore> {
  async function getRoom(roomId: string): Promise<RoomRecord | undefined> {
    const row = await db
      .selectFrom('rooms')
      .select(['id', 'title', 'created_at'])
      .where('id', '=', roomId)
      .executeTakeFirst();
    return row ? roomFromRow(row) : undefined;
  }

  return {
    async createRoom(
      room: RoomRecord,
      initialUpdate: Uint8Array,
      organizer: MemberRecord,
      creatorSession?: string,
    ) {
      checkBytes('initialUpdate', initialUpdate);
      if (organizer.roomId !== room.id) {
        throw new StoreError(
          'bad-input',
          `organizer belongs to room ${organizer.roomId}, not to the room being created (${room.id})`,
        );
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('rooms')
          .values({ id: room.id, title: room.title, created_at: room.createdAt, last_seq: 1 })
          .execute();
        await trx
          .insertInto('doc_updates')
          .values({
            room_id: room.id,
            seq: 1,
            data: toBuffer(initialUpdate),
            member_id: organizer.id,
            created_at: room.createdAt,
          })
          .execute();
        const seat =
          creatorSession === undefined
            ? {}
            : { creator: 1, joined_at: organizer.createdAt, session_id: creatorSession };
        await trx
          .insertInto('members')
          .values({ ...memberRow(organizer), ...seat })
          .execute();
      });
    },

    getRoom,

    async loadDoc(roomId: string): Promise<DocLoad> {
      // Updates are read before the snapshot, without a transaction: a compaction committing in
      // between only deletes updates its newer snapshot already holds, so the snapshot plus the
      // updates read after its seq is always a complete prefix of the room's history. The other
      // order could pair an old snapshot with updates whose predecessors were just folded away.
      const updateRows = await db
        .selectFrom('doc_updates')
        .select(['seq', 'data', 'member_id', 'created_at'])
        .where('room_id', '=', roomId)
        .orderBy('seq')
        .execute();
      const snapshotRow = await db
        .selectFrom('doc_snapshots')
        .select(['data', 'upto_seq'])
        .where('room_id', '=', roomId)
        .executeTakeFirst();
      if (!snapshotRow && updateRows.length === 0 && !(await getRoom(roomId))) {
        throw new StoreError('unknown-room', `no room ${roomId}`);
      }
      const snapshotSeq = snapshotRow ? toNumber(snapshotRow.upto_seq) : 0;
      return {
        snapshot: snapshotRow ? toBytes(snapshotRow.data) : null,
        snapshotSeq,
        updates: updateRows.map(updateFromRow).filter((u) => u.seq > snapshotSeq),
      };
    },

    async loadDocSince(roomId: string, afterSeq: number): Promise<DocLoad> {
      // Same order as loadDoc: updates first, then the snapshot, so a compaction committing in
      // between can only make the snapshot newer, never leave a hole.
      const updateRows = await db
        .selectFrom('doc_updates')
        .select(['seq', 'data', 'member_id', 'created_at'])
        .where('room_id', '=', roomId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .execute();
      const snapshotRow = await db
        .selectFrom('doc_snapshots')
        .select(['data', 'upto_seq'])
        .where('room_id', '=', roomId)
        .where('upto_seq', '>', afterSeq)
        .executeTakeFirst();
      const snapshotSeq = snapshotRow ? toNumber(snapshotRow.upto_seq) : afterSeq;
      return {
        snapshot: snapshotRow ? toBytes(snapshotRow.data) : null,
        snapshotSeq,
        updates: updateRows.map(updateFromRow).filter((u) => u.seq > snapshotSeq),
      };
    },

    async latestSeqs(roomIds: readonly string[]) {
      const seqs = new Map<string, number>();
      if (roomIds.length === 0) return seqs;
      const rows = await db
        .selectFrom('rooms')
        .select(['id', 'last_seq'])
        .where('id', 'in', [...roomIds])
        .execute();
      for (const row of rows) seqs.set(row.id, toNumber(row.last_seq));
      return seqs;
    },

    async compact(roomId: string, snapshot: Uint8Array, upToSeq: number) {
      checkBytes('snapshot', snapshot);
      if (!Number.isSafeInteger(upToSeq) || upToSeq < 1) {
        throw new StoreError('bad-seq', `upToSeq must be a positive integer, got ${upToSeq}`);
      }
      await db.transaction().execute(async (trx) => {
        const room = await trx
          .selectFrom('rooms')
          .select('last_seq')
          .where('id', '=', roomId)
          .executeTakeFirst();
        if (!room) {
          throw new StoreError('unknown-room', `no room ${roomId}`);
        }
        const lastSeq = toNumber(room.last_seq);
        if (upToSeq > lastSeq) {
          // A snapshot claiming updates that were never stored would hide the ones stored next.
          throw new StoreError(
            'bad-seq',
            `cannot compact room ${roomId} up to seq ${upToSeq}: its last update is ${lastSeq}`,
          );
        }
        // Only a newer snapshot replaces the stored one: a slower compaction finishing after a
        // faster one must not bring back a state that lacks updates already deleted.
        await trx
          .insertInto('doc_snapshots')
          .values({ room_id: roomId, data: toBuffer(snapshot), upto_seq: upToSeq })
          .onConflict((oc) =>
            oc
              .column('room_id')
              .doUpdateSet((eb) => ({
                data: eb.ref('excluded.data'),
                upto_seq: eb.ref('excluded.upto_seq'),
              }))
              .where('doc_snapshots.upto_seq', '<', upToSeq),
          )
          .execute();
        // Updates appended meanwhile have seq > upToSeq and stay.
        await trx
          .deleteFrom('doc_updates')
          .where('room_id', '=', roomId)
          .where('seq', '<=', upToSeq)
          .execute();
      });
    },

    async listClauseChanges(roomId: string, sinceAt: number) {
      const rows = await db
        .selectFrom('clause_changes')
        .select(['seq', 'clause_id', 'member_id', 'at'])
        .where('room_id', '=', roomId)
        .where('at', '>=', sinceAt)
        .orderBy('seq')
        .orderBy('clause_id')
        .execute();
      return rows.map(clauseChangeFromRow);
    },

    async createMember(member: MemberRecord) {
      await db.insertInto('members').values(memberRow(member)).execute();
    },

    async getMember(roomId: string, memberId: string) {
      const row = await db
        .selectFrom('members')
        .select(memberColumns)
        .where('room_id', '=', roomId)
        .where('id', '=', memberId)
        .executeTakeFirst();
      return row ? memberFromRow(row) : undefined;
    },

    async listMembers(roomId: string) {
      const rows = await db
        .selectFrom('members')
        .select(memberColumns)
        .where('room_id', '=', roomId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(memberFromRow);
    },

    async revokeMember(roomId: string, memberId: string, at: number) {
      // The first revocation time is kept; revoking again only confirms it.
      const result = await db
        .updateTable('members')
        .set({ revoked_at: sql<number>`coalesce(revoked_at, ${at})` })
        .where('room_id', '=', roomId)
        .where('id', '=', memberId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
