// How a room follows the updates other instances store for it: the room runtime tells a RoomSync
// which rooms are loaded here and what this instance stored, and the sync hands back what others
// stored (from Redis, or from the store when something was missed). Without one, nothing changes.

/** Updates the store holds, as a copy of the document that is missing them receives them. */
export interface StoredBatch {
  /** A snapshot to apply first, when a compaction folded some of the missing updates into it. */
  snapshot: Uint8Array | null;
  /** The seq the snapshot folds up to (with no snapshot: nothing is implied). */
  snapshotSeq: number;
  updates: readonly { seq: number; data: Uint8Array }[];
}

/** A loaded room as the sync sees it. */
export interface SyncedRoom {
  readonly id: string;
  /** Every stored update up to this seq is in the room's document. */
  readonly appliedSeq: number;
  /** The newest seq this room knows the store holds. */
  readonly seq: number;
  /** Whether the document holds updates above appliedSeq while one below them is missing. */
  readonly hasGap: boolean;
  /** Whether the document holds the update stored under this seq. */
  hasSeq(seq: number): boolean;
  /**
   * Applies stored updates it does not hold yet, in the room's write queue, and relays them to
   * its peers. Never runs the write rules: these were checked where they were written.
   */
  applyStored(batch: StoredBatch): Promise<void>;
  /** Applies presence (awareness) of another instance's peers and relays it to this one's. */
  applyRemoteAwareness(update: Uint8Array): void;
}

export interface RoomSync {
  /** The room is loaded here, before any peer sees it. */
  loaded(room: SyncedRoom): void;
  /** The room is leaving memory here (unloaded, or dropped after a failed write). */
  unloaded(room: SyncedRoom): void;
  /** This instance stored `update` as `seq` and relayed it to its own peers. */
  stored(room: SyncedRoom, seq: number, update: Uint8Array): void;
  /** The presence (awareness) of this instance's peers changed: an encoded awareness update. */
  awareness(room: SyncedRoom, update: Uint8Array): void;
}
