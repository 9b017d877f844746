// The comments slice of the store: threads, comments, read markers, visits and notifications,
// with the same Kysely queries on SQLite and PostgreSQL.
import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type {
  Comment,
  CommentActor,
  CommentNotification,
  CommentThread,
} from '@parley/shared/comments';
import { commentAnchorSchema, commentActorSchema } from '@parley/shared/comments';
import { z } from 'zod';
import { toNullableNumber as nullableNumber, toNumber } from '../../store/columns';
import { parseStoredJson as parseJson } from '../../store/json';
import type { CommentTables } from './schema';
import type { CommentStore, NotificationRecord } from './storeTypes';

const mentionsSchema = z.array(z.string());

const actorOf = (text: string): CommentActor => parseJson(commentActorSchema, text, 'actor');

const threadColumns = [
  'room_id',
  'id',
  'clause_id',
  'anchor',
  'visibility',
  'party_id',
  'title',
  'created_by',
  'created_at',
  'updated_at',
  'status',
  'status_changed_by',
  'status_changed_at',
] as const;

const commentColumns = [
  'id',
  'thread_id',
  'author',
  'body',
  'mentions',
  'created_at',
  'edited_at',
  'deleted_at',
] as const;

type CommentRow = Pick<Selectable<CommentTables['comments']>, (typeof commentColumns)[number]>;
type ThreadRow = Pick<Selectable<CommentTables['comment_threads']>, (typeof threadColumns)[number]>;

function commentFromRow(row: CommentRow): Comment {
  return {
    id: row.id,
    threadId: row.thread_id,
    author: actorOf(row.author),
    body: row.body,
    mentions: parseJson(mentionsSchema, row.mentions, 'mention list'),
    createdAt: toNumber(row.created_at),
    editedAt: nullableNumber(row.edited_at),
    deletedAt: nullableNumber(row.deleted_at),
  };
}

function threadFromRow(row: ThreadRow, comments: Comment[]): CommentThread {
  return {
    id: row.id,
    roomId: row.room_id,
    clauseId: row.clause_id,
    anchor: parseJson(commentAnchorSchema, row.anchor, 'anchor'),
    visibility: z.enum(['room', 'party', 'caucus']).parse(row.visibility),
    partyId: row.party_id,
    title: row.title,
    createdBy: actorOf(row.created_by),
    createdAt: toNumber(row.created_at),
    updatedAt: toNumber(row.updated_at),
    status: row.status === 'resolved' ? 'resolved' : 'open',
    statusChangedBy: row.status_changed_by === null ? null : actorOf(row.status_changed_by),
    statusChangedAt: nullableNumber(row.status_changed_at),
    comments,
  };
}

function commentRow(roomId: string, comment: Comment) {
  return {
    room_id: roomId,
    id: comment.id,
    thread_id: comment.threadId,
    author: JSON.stringify(comment.author),
    body: comment.body,
    mentions: JSON.stringify(comment.mentions),
    created_at: comment.createdAt,
    edited_at: comment.editedAt,
    deleted_at: comment.deletedAt,
  };
}

function notificationFromRow(
  row: Omit<Selectable<CommentTables['comment_notifications']>, 'room_id' | 'member_id'>,
): CommentNotification {
  return {
    id: row.id,
    kind: row.kind === 'mention' ? 'mention' : 'reply',
    threadId: row.thread_id,
    clauseId: row.clause_id,
    commentId: row.comment_id,
    actor: actorOf(row.actor),
    excerpt: row.excerpt,
    createdAt: toNumber(row.created_at),
    readAt: nullableNumber(row.read_at),
  };
}

/** The comment part of the store: the same Kysely queries on SQLite and PostgreSQL. */
export function createCommentStore(db: Kysely<CommentTables>): CommentStore {
  async function commentsOf(roomId: string, threadId?: string): Promise<Comment[]> {
    let query = db.selectFrom('comments').select(commentColumns).where('room_id', '=', roomId);
    if (threadId !== undefined) query = query.where('thread_id', '=', threadId);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(commentFromRow);
  }

  return {
    async createThread(roomId, thread) {
      const first = thread.comments[0];
      if (first === undefined) throw new Error('a thread starts with a comment');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('comment_threads')
          .values({
            room_id: roomId,
            id: thread.id,
            clause_id: thread.clauseId,
            anchor: JSON.stringify(thread.anchor),
            visibility: thread.visibility,
            party_id: thread.partyId,
            title: thread.title,
            created_by: JSON.stringify(thread.createdBy),
            created_at: thread.createdAt,
            updated_at: thread.updatedAt,
            status: thread.status,
            status_changed_by:
              thread.statusChangedBy === null ? null : JSON.stringify(thread.statusChangedBy),
            status_changed_at: thread.statusChangedAt,
          })
          .execute();
        await trx
          .insertInto('comments')
          .values(thread.comments.map((c) => commentRow(roomId, c)))
          .execute();
      });
    },

    async getThread(roomId, threadId) {
      const row = await db
        .selectFrom('comment_threads')
        .select(threadColumns)
        .where('room_id', '=', roomId)
        .where('id', '=', threadId)
        .executeTakeFirst();
      return row ? threadFromRow(row, await commentsOf(roomId, threadId)) : undefined;
    },

    async listThreads(roomId) {
      const rows = await db
        .selectFrom('comment_threads')
        .select(threadColumns)
        .where('room_id', '=', roomId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const byThread = new Map<string, Comment[]>();
      for (const comment of await commentsOf(roomId)) {
        const list = byThread.get(comment.threadId) ?? [];
        list.push(comment);
        byThread.set(comment.threadId, list);
      }
      return rows.map((row) => threadFromRow(row, byThread.get(row.id) ?? []));
    },

    async addComment(roomId, comment) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('comment_threads')
          .set({ updated_at: comment.createdAt })
          .where('room_id', '=', roomId)
          .where('id', '=', comment.threadId)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) return false;
        await trx.insertInto('comments').values(commentRow(roomId, comment)).execute();
        return true;
      });
    },

    async updateComment(roomId, threadId, commentId, patch) {
      return db.transaction().execute(async (trx) => {
        const changes =
          patch.kind === 'edit'
            ? { body: patch.body, mentions: JSON.stringify(patch.mentions), edited_at: patch.at }
            : { body: '', mentions: '[]', deleted_at: patch.at };
        const updated = await trx
          .updateTable('comments')
          .set(changes)
          .where('room_id', '=', roomId)
          .where('thread_id', '=', threadId)
          .where('id', '=', commentId)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) return false;
        await trx
          .updateTable('comment_threads')
          .set({ updated_at: patch.at })
          .where('room_id', '=', roomId)
          .where('id', '=', threadId)
          .execute();
        return true;
      });
    },

    async setThreadStatus(roomId, threadId, status, actor, at) {
      const updated = await db
        .updateTable('comment_threads')
        .set({
          status,
          status_changed_by: JSON.stringify(actor),
          status_changed_at: at,
          updated_at: at,
        })
        .where('room_id', '=', roomId)
        .where('id', '=', threadId)
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    async markThreadRead(roomId, memberId, threadId, at) {
      await db
        .insertInto('comment_reads')
        .values({ room_id: roomId, member_id: memberId, thread_id: threadId, read_at: at })
        .onConflict((oc) =>
          oc.columns(['room_id', 'member_id', 'thread_id']).doUpdateSet({
            read_at: sql<number>`case when excluded.read_at > comment_reads.read_at then excluded.read_at else comment_reads.read_at end`,
          }),
        )
        .execute();
    },

    async listReadMarkers(roomId, memberId) {
      const rows = await db
        .selectFrom('comment_reads')
        .select(['thread_id', 'read_at'])
        .where('room_id', '=', roomId)
        .where('member_id', '=', memberId)
        .execute();
      const out: Record<string, number> = {};
      for (const row of rows) out[row.thread_id] = toNumber(row.read_at);
      return out;
    },

    async getVisit(roomId, memberId) {
      const row = await db
        .selectFrom('member_visits')
        .select(['visited_at', 'baseline'])
        .where('room_id', '=', roomId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row ? { visitedAt: toNumber(row.visited_at), baseline: row.baseline } : undefined;
    },

    async saveVisit(roomId, memberId, visit) {
      await db
        .insertInto('member_visits')
        .values({
          room_id: roomId,
          member_id: memberId,
          visited_at: visit.visitedAt,
          baseline: visit.baseline,
        })
        .onConflict((oc) =>
          oc.columns(['room_id', 'member_id']).doUpdateSet((eb) => ({
            visited_at: eb.ref('excluded.visited_at'),
            baseline: eb.ref('excluded.baseline'),
          })),
        )
        .execute();
    },

    async addNotifications(notifications: readonly NotificationRecord[]) {
      if (notifications.length === 0) return;
      await db
        .insertInto('comment_notifications')
        .values(
          notifications.map((n) => ({
            room_id: n.roomId,
            id: n.id,
            member_id: n.memberId,
            kind: n.kind,
            thread_id: n.threadId,
            clause_id: n.clauseId,
            comment_id: n.commentId,
            actor: JSON.stringify(n.actor),
            excerpt: n.excerpt,
            created_at: n.createdAt,
            read_at: n.readAt,
          })),
        )
        .execute();
    },

    async listNotifications(roomId, memberId, limit) {
      const rows = await db
        .selectFrom('comment_notifications')
        .select([
          'id',
          'kind',
          'thread_id',
          'clause_id',
          'comment_id',
          'actor',
          'excerpt',
          'created_at',
          'read_at',
        ])
        .where('room_id', '=', roomId)
        .where('member_id', '=', memberId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(notificationFromRow);
    },

    async markNotificationsRead(roomId, memberId, ids, at) {
      if (ids !== null && ids.length === 0) return 0;
      let query = db
        .updateTable('comment_notifications')
        .set({ read_at: at })
        .where('room_id', '=', roomId)
        .where('member_id', '=', memberId)
        .where('read_at', 'is', null);
      if (ids !== null) query = query.where('id', 'in', [...ids]);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async countUnreadNotifications(roomId, memberId) {
      const row = await db
        .selectFrom('comment_notifications')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('room_id', '=', roomId)
        .where('member_id', '=', memberId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return row ? toNumber(row.n) : 0;
    },
  };
}
