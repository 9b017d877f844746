// The named stages of a loaded room's life that the server's concerns plug into. Each concern
// (write rules, save status, proposal staleness, sign-off voiding, attribution, metrics) is one
// hook in one file, and app.ts registers them all in one ordered list.
import type { MemberClaims } from '@parley/shared/protocol';
import type { DocEffect } from '@parley/shared/room';
import type * as Y from 'yjs';
import type { RoomSlot } from './slots';

/** Why a write was refused; `code` also starts the reason the writer is sent. */
export interface WriteRefusal {
  code: string;
  message: string;
}

/** What hooks and services may use of a loaded room. */
export interface RoomContext {
  readonly id: string;
  /** The seq of the newest update the store holds: a version of the document. */
  readonly seq: number;
  /**
   * The live document. Read it; never write to it directly: writes made here would bypass the
   * store. The server's own edits go through the room runtime's applyServerChange.
   */
  readonly doc: Y.Doc;
  /** This room's value of a per-room slot, created on first use and dropped when the room unloads. */
  slot<T>(slot: RoomSlot<T>): T;
}

/** A member's write as `beforeWrite` sees it: none of it is in the room's document yet. */
export interface WriteAttempt {
  readonly member: MemberClaims;
  readonly update: Uint8Array;
  /** What the write changes: clauses, clause order, header keys, assumptions, foreign roots. */
  readonly effect: DocEffect;
  /** The document as it would be with the write. Read it; never write to it. */
  readonly after: Y.Doc;
}

/** A change just applied to the document in memory, before it is stored. */
export interface AppliedChange {
  readonly transaction: Y.Transaction;
  /** null for the server acting on nobody's behalf. */
  readonly memberId: string | null;
  /** The clauses this change touched, as stored with it for attribution; hooks fill it in. */
  clauseIds: string[];
}

/** A change the store now holds and that has been relayed to every other peer. */
export interface StoredChange {
  readonly seq: number;
  readonly update: Uint8Array;
  readonly memberId: string | null;
  readonly clauseIds: readonly string[];
  /** 'client' for a member's write, 'server' for the server's own edit (an applied proposal). */
  readonly origin: 'client' | 'server';
  /** How long the append took. */
  readonly appendMs: number;
}

/** A change another instance stored, now applied here and relayed to this instance's peers. */
export interface RemoteChange {
  /** The newest seq it brings (a catch-up from a snapshot brings many at once). */
  readonly seq: number;
  readonly update: Uint8Array;
}

/** A live connection to the room, as connection hooks see it. */
export interface PeerInfo {
  readonly member: MemberClaims;
}

export interface RoomHook {
  /** Names the hook in logs. */
  readonly name: string;
  /** After the document is loaded, before any peer or service sees it. Throwing fails the load. */
  onLoad?(room: RoomContext): void | Promise<void>;
  /**
   * A member's write that would change the document. Returning a refusal refuses it whole: none
   * of it is applied, stored or relayed. Throwing leaves the write neither applied nor refused:
   * the writer is disconnected to resync.
   */
  beforeWrite?(
    room: RoomContext,
    write: WriteAttempt,
  ): WriteRefusal | null | Promise<WriteRefusal | null>;
  /** The change is in the document, not yet stored: annotate it (e.g. which clauses it touched). */
  onChange?(room: RoomContext, change: AppliedChange): void;
  /** The change is stored and relayed. Runs in the write queue: schedule slow work, don't await it. */
  afterStore?(room: RoomContext, change: StoredChange): void;
  /**
   * Another instance stored this change; it is applied here now. Only for state each instance
   * keeps of the document (its size): reactions with effects ran once, where it was written.
   */
  onStoredElsewhere?(room: RoomContext, change: RemoteChange): void;
  onConnect?(room: RoomContext, peer: PeerInfo): void;
  onDisconnect?(room: RoomContext, peer: PeerInfo): void;
  /** A peer's presence (awareness) update was accepted for these client ids. */
  onAwareness?(room: RoomContext, peer: PeerInfo, clientIds: readonly number[]): void;
  /** Every write is stored; the room is about to leave memory. Finish or persist pending work. */
  onUnload?(room: RoomContext): void | Promise<void>;
}
