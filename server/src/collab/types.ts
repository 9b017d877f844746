import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Role } from '@parley/shared/permissions';
import type * as Y from 'yjs';
import type { Store } from '../store/types';

/** Who is behind a connection, as the signed token and the store say (token claim names). */
export interface CollabMember {
  /** The member id. */
  sub: string;
  room: string;
  role: Role;
  /** null for the mediator and observers. */
  party: string | null;
  name: string;
}

export type AuthenticateResult =
  | { ok: true; member: CollabMember }
  | { ok: false; status: 401 | 403 | 404; code: string; message: string };

/**
 * Checks a connection attempt before anything of the room is loaded:
 * token signature and expiry, revocation, the room's existence and the Origin header.
 */
export type Authenticate = (
  roomId: string,
  token: string | null,
  origin: string | undefined,
  host?: string,
) => Promise<AuthenticateResult>;

export interface CollabLimits {
  /** How long a room stays in memory after its last client leaves. Default 30 000 ms. */
  idleUnloadMs?: number;
  /** Compact the stored updates into a snapshot once this many have piled up. Default 500. */
  compactThreshold?: number;
  /** Largest accepted websocket message in bytes. Default MAX_MESSAGE_BYTES (2 MiB). */
  maxMessageBytes?: number;
  /** Token bucket per connection: sustained messages per second. Default 200. */
  rateLimitPerSecond?: number;
  /** Token bucket per connection: burst size. Default 400. */
  rateLimitBurst?: number;
  /** Bytes per second a connection may send, sustained. Default 2 MiB; bursts up to 2 messages of the largest size. */
  byteRatePerSecond?: number;
  /** Ping interval; a connection that misses a whole interval is dropped. Default 30 000 ms. */
  heartbeatMs?: number;
}

export interface CollabOptions {
  server: HttpServer;
  store: Store;
  authenticate: Authenticate;
  logger: Logger;
  /**
   * Awareness colour of a member; `partyIndex` is the member's party position in the room's
   * party list (null without a party). Defaults to the shared `memberColor(role, partyIndex)`.
   */
  memberColor?: (member: CollabMember, partyIndex: number | null) => string;
  limits?: CollabLimits;
}

/** The stored state of a room: client id → clock, as Y.decodeStateVector gives it. */
export type StoredStateVector = Record<number, number>;

export type StoredListener = (roomId: string, storedStateVector: StoredStateVector) => void;

/** What one stored document update changed, and who made it (null: the server on nobody's behalf). */
export interface DocChange {
  clauseIds: string[];
  memberId: string | null;
}

export type DocChangedListener = (roomId: string, change: DocChange) => void;

/** Why a write was refused; `code` also starts the reason the client is sent. */
export interface WriteRefusalReason {
  code: string;
  message: string;
}

/**
 * Decides, per room, whether a member's document write may go in (locks, single-text mode).
 * Consulted in the room's write queue, so the answer holds for the document the write meets.
 */
export interface WriteGuard {
  /** Whether this room's writes need checking at all; when false, touched clauses are not computed. */
  needsCheck(roomId: string): boolean | Promise<boolean>;
  /** null lets the write in; a reason refuses it. Only asked for writes that change the document. */
  check(
    roomId: string,
    member: CollabMember,
    touchedClauseIds: readonly string[],
  ): WriteRefusalReason | null | Promise<WriteRefusalReason | null>;
}

/** Who a server-side edit is attributed to. */
export interface ChangeAttribution {
  memberId: string | null;
}

export interface CollabStats {
  roomsLoaded: number;
  connections: number;
}

export interface CollabHandle {
  /** Closes every live collab connection of the member (e.g. after revocation). */
  disconnectMember(roomId: string, memberId: string): void;
  /**
   * The room's live document (loaded from the store if needed). Read it; do not write to it:
   * writes made here bypass the store. Throws when the room cannot be loaded.
   */
  getDoc(roomId: string): Promise<Y.Doc>;
  /** Called after each durable append with the state the store now holds. Returns unsubscribe. */
  onStored(listener: StoredListener): () => void;
  /**
   * Applies an edit made by the server (e.g. an accepted proposal) atomically through the room's
   * store-before-relay queue: `change` runs on a copy first, so one that throws changes nothing.
   * The write guard does not apply. Resolves once the change is stored and relayed.
   */
  applyServerChange(
    roomId: string,
    change: (doc: Y.Doc) => void,
    attribution: ChangeAttribution,
  ): Promise<void>;
  /** Called after each stored document update (client or server). Returns unsubscribe. */
  onDocChanged(listener: DocChangedListener): () => void;
  /** Installs (or with null removes) the guard every client write must pass. */
  setWriteGuard(guard: WriteGuard | null): void;
  stats(): CollabStats;
  /** Stops accepting, flushes pending appends, compacts and closes every connection. */
  close(): Promise<void>;
}
