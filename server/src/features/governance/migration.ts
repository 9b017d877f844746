// The governance tables: mediation state (mode, agenda), clause locks, single-text drafts and
// votes, disputes and caucus messages. They shipped in migration 0003 with the audit table.
import type { Kysely } from 'kysely';
import type { StoreKind } from '../../store/types';

export async function createGovernanceTables(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const bytes = kind === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('mediation_state')
    .addColumn('room_id', 'text', (c) => c.primaryKey().references('rooms.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('current_item', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('clause_locks')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('clause_id', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('clause_locks_pk', ['room_id', 'clause_id'])
    .execute();

  await db.schema
    .createTable('mediation_drafts')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('state_vector', 'text', (c) => c.notNull())
    .addColumn('state', bytes, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_drafts_pk', ['room_id', 'number'])
    .execute();

  await db.schema
    .createTable('mediation_draft_votes')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.notNull())
    .addColumn('vote', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_draft_votes_pk', ['room_id', 'number', 'party_id'])
    .execute();

  await db.schema
    .createTable('disputes')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('clause_id', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('resolution', 'text')
    .addPrimaryKeyConstraint('disputes_pk', ['room_id', 'id'])
    .execute();

  await db.schema
    .createTable('caucus_messages')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('caucus_messages_pk', ['room_id', 'id'])
    .execute();
  await db.schema
    .createIndex('caucus_messages_party')
    .on('caucus_messages')
    .columns(['room_id', 'party_id', 'at'])
    .execute();
}

/** Migration 0006: the moment the sheet was agreed, which freezes it until it is reopened. */
export async function addAgreementFreeze(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mediation_state').addColumn('agreed_at', 'bigint').execute();
}
