// The audit table. It shipped inside migration 0003, which creates it before the governance
// tables; this is that part of it.
import type { Kysely } from 'kysely';

export async function createAuditTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    // The key makes two concurrent appends for the same seq collide instead of forking the chain.
    .addPrimaryKeyConstraint('audit_log_pk', ['room_id', 'seq'])
    .execute();
}
