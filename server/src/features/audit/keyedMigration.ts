// Migration 0005: chains with heads. Existing entries move unchanged to the room chain, still
// plain SHA-256; every room and admitted party gets a head, sealed with the key at the next start.
import { sql } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { AUDIT_GENESIS_HASH, AUDIT_ROOM_CHAIN, auditPartyChain } from '@parley/shared/mediation';
import { toNumber } from '../../store/columns';
import type { Int8 } from '../../store/columns';

/** The tables this migration reads, as they are when it runs. */
interface BeforeTables {
  audit_log: { room_id: string; seq: Int8; hash: string };
  rooms: { id: string };
  members: { room_id: string; party_id: string | null };
  audit_heads: {
    room_id: string;
    chain: string;
    count: Int8;
    hash: string;
    keyed_from: Int8;
    mac: string | null;
  };
}

export const auditKeyedChainMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_entries')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('chain', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      // Two concurrent appends to one chain collide on the key instead of forking the chain.
      .addPrimaryKeyConstraint('audit_entries_pk', ['room_id', 'chain', 'seq'])
      .execute();
    await db.schema
      .createTable('audit_heads')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('chain', 'text', (c) => c.notNull())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('keyed_from', 'bigint', (c) => c.notNull())
      .addColumn('mac', 'text')
      .addPrimaryKeyConstraint('audit_heads_pk', ['room_id', 'chain'])
      .execute();
    await db.schema
      .createTable('audit_seal')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('sealed_at', 'bigint', (c) => c.notNull())
      .addColumn('mac', 'text', (c) => c.notNull())
      .execute();

    await sql`
      INSERT INTO audit_entries
        (room_id, chain, seq, at, actor_id, action, target, details, prev_hash, hash)
      SELECT room_id, ${AUDIT_ROOM_CHAIN}, seq, at, actor_id, action, target, details, prev_hash, hash
      FROM audit_log`.execute(db);

    const typed = db as Kysely<BeforeTables>;
    const newest = new Map<string, { seq: number; hash: string }>();
    const rows = await typed
      .selectFrom('audit_log')
      .select(['room_id', 'seq', 'hash'])
      .orderBy('room_id')
      .orderBy('seq')
      .execute();
    for (const row of rows) newest.set(row.room_id, { seq: toNumber(row.seq), hash: row.hash });
    const rooms = await typed.selectFrom('rooms').select('id').execute();
    const members = await typed
      .selectFrom('members')
      .select(['room_id', 'party_id'])
      .distinct()
      .where('party_id', 'is not', null)
      .execute();
    const heads: Insertable<BeforeTables['audit_heads']>[] = [
      // The whole existing chain is legacy: keyed hashing starts after its newest entry.
      ...rooms.map((room) => {
        const last = newest.get(room.id);
        const count = last?.seq ?? 0;
        return {
          room_id: room.id,
          chain: AUDIT_ROOM_CHAIN,
          count,
          hash: last?.hash ?? AUDIT_GENESIS_HASH,
          keyed_from: count + 1,
          mac: null,
        };
      }),
      // Each party already admitted gets its (empty) chain now, like parties admitted later.
      ...members.map((member) => ({
        room_id: member.room_id,
        chain: auditPartyChain(member.party_id!),
        count: 0,
        hash: AUDIT_GENESIS_HASH,
        keyed_from: 1,
        mac: null,
      })),
    ];
    for (let i = 0; i < heads.length; i += 200) {
      await typed
        .insertInto('audit_heads')
        .values(heads.slice(i, i + 200))
        .execute();
    }
    await db.schema.dropTable('audit_log').execute();
  },
};
