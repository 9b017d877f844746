// The comments tables (migration 0002).
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Comment threads, comments, read markers, member visits and notifications. */
export const commentsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('comment_threads')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('clause_id', 'text', (c) => c.notNull())
      .addColumn('anchor', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('party_id', 'text')
      .addColumn('title', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_changed_by', 'text')
      .addColumn('status_changed_at', 'bigint')
      .addPrimaryKeyConstraint('comment_threads_pk', ['room_id', 'id'])
      .execute();

    await db.schema
      .createTable('comments')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('thread_id', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('mentions', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('edited_at', 'bigint')
      .addColumn('deleted_at', 'bigint')
      .addPrimaryKeyConstraint('comments_pk', ['room_id', 'id'])
      .execute();
    await db.schema
      .createIndex('comments_room_thread')
      .on('comments')
      .columns(['room_id', 'thread_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('comment_reads')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('thread_id', 'text', (c) => c.notNull())
      .addColumn('read_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_reads_pk', ['room_id', 'member_id', 'thread_id'])
      .execute();

    await db.schema
      .createTable('member_visits')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('visited_at', 'bigint', (c) => c.notNull())
      .addColumn('baseline', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('member_visits_pk', ['room_id', 'member_id'])
      .execute();

    await db.schema
      .createTable('comment_notifications')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('thread_id', 'text', (c) => c.notNull())
      .addColumn('clause_id', 'text', (c) => c.notNull())
      .addColumn('comment_id', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('excerpt', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('read_at', 'bigint')
      .addPrimaryKeyConstraint('comment_notifications_pk', ['room_id', 'id'])
      .execute();
    await db.schema
      .createIndex('comment_notifications_member')
      .on('comment_notifications')
      .columns(['room_id', 'member_id', 'created_at'])
      .execute();
  },
};
