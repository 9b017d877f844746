// Seats and consent (migration 0007): who invited each member, the one session an invitation
// opened, and each party's decision on a mediator or observer.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function createMemberSeats(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('members').addColumn('invited_by', 'text').execute();
  await db.schema
    .alterTable('members')
    .addColumn('creator', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('members').addColumn('joined_at', 'bigint').execute();
  await db.schema.alterTable('members').addColumn('session_id', 'text').execute();
  await db.schema.alterTable('members').addColumn('reuse_refused_at', 'bigint').execute();
  // A room and its first member were always created together: that member created the room.
  // Older invitations stay unused: their tokens carry no kind, so they join like new ones.
  await sql`
    UPDATE members SET creator = 1
    WHERE id = (
      SELECT first.id FROM members first
      WHERE first.room_id = members.room_id
      ORDER BY first.created_at, first.id
      LIMIT 1
    )`.execute(db);

  await db.schema
    .createTable('member_consents')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_consents_pk', ['room_id', 'member_id', 'party_id'])
    .execute();
}
