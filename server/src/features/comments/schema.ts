// The comments slice's tables, as Kysely sees them.
import type { Int8, NullableInt8 } from '../../store/columns';

export interface CommentThreadsTable {
  room_id: string;
  id: string;
  clause_id: string;
  /** CommentAnchor as JSON. */
  anchor: string;
  visibility: string;
  party_id: string | null;
  title: string | null;
  /** CommentActor as JSON: who opened it, as they were named then. */
  created_by: string;
  created_at: Int8;
  updated_at: Int8;
  status: string;
  status_changed_by: string | null;
  status_changed_at: NullableInt8;
}

export interface CommentsTable {
  room_id: string;
  id: string;
  thread_id: string;
  author: string;
  body: string;
  /** string[] of member ids as JSON. */
  mentions: string;
  created_at: Int8;
  edited_at: NullableInt8;
  deleted_at: NullableInt8;
}

export interface CommentReadsTable {
  room_id: string;
  member_id: string;
  thread_id: string;
  read_at: Int8;
}

export interface MemberVisitsTable {
  room_id: string;
  member_id: string;
  visited_at: Int8;
  baseline: string;
}

export interface CommentNotificationsTable {
  room_id: string;
  id: string;
  member_id: string;
  kind: string;
  thread_id: string;
  clause_id: string;
  comment_id: string;
  actor: string;
  excerpt: string;
  created_at: Int8;
  read_at: NullableInt8;
}

export interface CommentTables {
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
  comment_reads: CommentReadsTable;
  member_visits: MemberVisitsTable;
  comment_notifications: CommentNotificationsTable;
}
