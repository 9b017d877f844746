// The core of the store: rooms, their documents (updates, snapshots, attribution) and members.
// Each feature adds its own slice next to it (see store.ts for the whole).
import type { Role } from '@parley/shared/permissions';

export type StoreKind = 'sqlite' | 'postgres';

/** A negotiation room as the store keeps it; the term sheet itself lives in the Yjs updates. */
export interface RoomRecord {
  id: string;
  title: string;
  createdAt: number;
}

/** A person admitted to a room: the organizer, or someone who was invited. An invite is a member. */
export interface MemberRecord {
  id: string;
  roomId: string;
  name: string;
  role: Role;
  /** null for the mediator and observers, who belong to no party. */
  partyId: string | null;
  createdAt: number;
  revokedAt: number | null;
}

/**
 * How a member came into the room and whether their invitation was used. A link is single-use:
 * the first join binds the seat to one session id, which every session token must carry.
 */
export interface SeatRecord {
  /** The member who issued the invitation; null for the room's creator (and seats older than this). */
  invitedBy: string | null;
  /** Created the room, and may seat the first members of parties nobody joined yet. */
  creator: boolean;
  /** When the invitation was used; null while it has not been. */
  joinedAt: number | null;
  sessionId: string | null;
  /** The last time someone tried to use the invitation again, and was refused. */
  reuseRefusedAt: number | null;
}

export interface SeatedMember extends MemberRecord {
  seat: SeatRecord;
}

/** One party's decision on a mediator or observer; the latest decision replaces the earlier. */
export interface ConsentRecord {
  roomId: string;
  /** The mediator or observer. */
  memberId: string;
  partyId: string;
  decision: 'accept' | 'decline';
  /** The party's organizer who decided. */
  decidedBy: string;
  decidedAt: number;
}

export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
  memberId: string | null;
  createdAt: number;
}

/** What a room's document is rebuilt from: the latest snapshot plus every update appended after it. */
export interface DocLoad {
  snapshot: Uint8Array | null;
  /** seq of the last update folded into the snapshot; 0 when there is none. */
  snapshotSeq: number;
  updates: StoredUpdate[];
}

/** Who changed which clause, and when: kept apart from the updates so that compaction does not erase it. */
export interface ClauseChange {
  seq: number;
  clauseId: string;
  memberId: string | null;
  at: number;
}

export interface AppendUpdate {
  roomId: string;
  data: Uint8Array;
  memberId: string | null;
  /** The clauses this update touched, for attribution. */
  clauseIds: readonly string[];
  at: number;
}

/** Rooms: created with their first document state and organizer. */
export interface RoomStore {
  /**
   * Creates the room, its first document state and its organizer in one transaction. With
   * `creatorSession`, the organizer is the room's creator, joined with that session.
   */
  createRoom(
    room: RoomRecord,
    initialUpdate: Uint8Array,
    organizer: MemberRecord,
    creatorSession?: string,
  ): Promise<void>;
  getRoom(roomId: string): Promise<RoomRecord | undefined>;
}

/** A room's document: appended updates, the snapshot they fold into, and who changed which clause. */
export interface DocStore {
  /** Appends durably (committed when the promise resolves) and returns the update's seq. */
  appendUpdate(update: AppendUpdate): Promise<number>;
  loadDoc(roomId: string): Promise<DocLoad>;
  /**
   * What a copy of the document that holds every update up to `afterSeq` lacks: the updates
   * after it, and the snapshot too when a compaction folded some of them in (snapshotSeq is then
   * the snapshot's seq, otherwise `afterSeq`).
   */
  loadDocSince(roomId: string, afterSeq: number): Promise<DocLoad>;
  /** The newest seq of each room that exists, in one query (rooms that do not exist are left out). */
  latestSeqs(roomIds: readonly string[]): Promise<Map<string, number>>;
  /** Atomically stores `snapshot` as the state up to `upToSeq` and drops the updates it folds in. */
  compact(roomId: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;
  listClauseChanges(roomId: string, sinceAt: number): Promise<ClauseChange[]>;
}

/** The people admitted to a room. */
export interface MemberStore extends MemberSeatStore {
  createMember(member: MemberRecord): Promise<void>;
  getMember(roomId: string, memberId: string): Promise<MemberRecord | undefined>;
  listMembers(roomId: string): Promise<MemberRecord[]>;
  /** Marks the member revoked; false when there is no such member. Idempotent. */
  revokeMember(roomId: string, memberId: string, at: number): Promise<boolean>;
}

/** Seats (who invited whom, single-use joins) and the parties' consent to appointments. */
export interface MemberSeatStore {
  /** A member invited by `invitedBy`, whose invitation has not been used yet. */
  createInvitation(member: MemberRecord, invitedBy: string): Promise<void>;
  getSeatedMember(roomId: string, memberId: string): Promise<SeatedMember | undefined>;
  listSeatedMembers(roomId: string): Promise<SeatedMember[]>;
  /**
   * Binds the seat to `sessionId` if it is neither joined nor revoked, in one conditional write:
   * of two joins at once exactly one gets true.
   */
  claimSeat(roomId: string, memberId: string, sessionId: string, at: number): Promise<boolean>;
  /** Records a refused second use of the invitation. */
  noteSeatReuse(roomId: string, memberId: string, at: number): Promise<void>;
  /** Renames the member or changes their role; false when there is no such member. */
  updateMember(
    roomId: string,
    memberId: string,
    patch: { name?: string; role?: Role },
  ): Promise<boolean>;
  /** Records a party's decision on an appointment, replacing its earlier one. */
  setConsent(record: ConsentRecord): Promise<void>;
  /** The decisions on one appointment, or on every appointment of the room. */
  listConsents(roomId: string, memberId?: string): Promise<ConsentRecord[]>;
}
