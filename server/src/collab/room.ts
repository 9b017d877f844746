import { clausesTouchedBy, closeCodes } from '@parley/shared';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Store } from '../store/types';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './messages';
import { collabMetrics, countError } from './metrics';
import type { Peer } from './peer';
import type { StoredListener } from './types';

export interface RoomDeps {
  store: Store;
  logger: Logger;
  compactThreshold: number;
  storedListeners: ReadonlySet<StoredListener>;
  /** Called once when a store write failed: the room must be dropped and reloaded. */
  onFailure(room: Room, error: unknown): void;
}

interface Captured {
  update: Uint8Array;
  clauseIds: string[];
}

/** Thrown into the caller when a client update passed decoding yet Yjs refused to apply it. */
export class UpdateRejectedError extends Error {}

/**
 * One loaded room: its document, awareness and peers. Every document write goes through one
 * queue per room that applies it, appends it to the store and only then relays it, so a peer
 * never sees data the store does not hold.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  idleTimer: NodeJS.Timeout | null = null;
  failed = false;
  private queue: Promise<void> = Promise.resolve();
  private capture: { origin: Peer; items: Captured[] } | null = null;
  private lastSeq: number;
  private sinceSnapshot: number;
  private compacting: Promise<void> | null = null;
  private readonly owners = new Map<number, Peer>();

  private constructor(
    readonly id: string,
    doc: Y.Doc,
    lastSeq: number,
    sinceSnapshot: number,
    private readonly deps: RoomDeps,
  ) {
    this.doc = doc;
    this.lastSeq = lastSeq;
    this.sinceSnapshot = sinceSnapshot;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it must not show up in anyone's presence list.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relayAwareness);
    doc.on('update', this.captureUpdate);
  }

  /** Rebuilds the room from its snapshot and every update stored after it; throws on any failure. */
  static async load(id: string, deps: RoomDeps): Promise<Room> {
    const stored = await deps.store.loadDoc(id);
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        if (stored.snapshot !== null) Y.applyUpdate(doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(doc, update.data);
      });
    } catch (error) {
      doc.destroy();
      throw error;
    }
    const lastSeq = stored.updates.reduce((max, u) => Math.max(max, u.seq), stored.snapshotSeq);
    return new Room(id, doc, lastSeq, stored.updates.length, deps);
  }

  private readonly captureUpdate = (
    update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ): void => {
    if (this.capture === null || origin !== this.capture.origin) return;
    this.capture.items.push({ update, clauseIds: clausesTouchedBy(transaction) });
  };

  private readonly relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const clients = [...change.added, ...change.updated, ...change.removed];
    if (clients.length === 0) return;
    const message = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
    );
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
  };

  private enqueue(task: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(() => (this.failed ? undefined : task()));
    // One failed task must not stall the ones after it; its own caller still sees the error.
    this.queue = run.catch(() => undefined);
    return run;
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer);
    if (this.idleTimer !== null) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    peer.send(encodeSyncStep1(this.doc));
    const others = [...this.awareness.getStates().keys()];
    if (others.length > 0) {
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, others)));
    }
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const ids = [...peer.awarenessIds].filter((id) => this.owners.get(id) === peer);
    for (const id of ids) this.owners.delete(id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /**
   * A client id belongs to the first live connection that announced it. Another connection of
   * the same member may take it over: a reconnecting browser can come back before the server
   * has noticed that its old connection is dead.
   */
  mayControlAwareness(peer: Peer, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    return owner === undefined || owner === peer || owner.member.sub === peer.member.sub;
  }

  applyAwareness(peer: Peer, update: Uint8Array, clientIds: number[]): void {
    for (const id of clientIds) {
      const previous = this.owners.get(id);
      if (previous !== undefined && previous !== peer) previous.awarenessIds.delete(id);
      this.owners.set(id, peer);
      peer.awarenessIds.add(id);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  awarenessMessage(): Uint8Array {
    return encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
        ...this.awareness.getStates().keys(),
      ]),
    );
  }

  /** Answers a client's sync step 1 in queue order, so the answer holds only stored data. */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): Promise<void> {
    return this.enqueue(() => {
      peer.send(encodeSyncStep2(this.doc, stateVector));
    });
  }

  /** Applies, stores, then relays a writer's update. Rejects with UpdateRejectedError if Yjs refuses it. */
  applyClientUpdate(peer: Peer, update: Uint8Array): Promise<void> {
    return this.enqueue(async () => {
      const capture = { origin: peer, items: [] as Captured[] };
      this.capture = capture;
      try {
        Y.applyUpdate(this.doc, update, peer);
      } catch (error) {
        // Whatever part of it got in is not stored: drop this copy of the room, reload from the store.
        countError('malformed');
        peer.close(closeCodes.malformedMessage, 'malformed message: Yjs refused the update');
        this.fail(error);
        throw new UpdateRejectedError(error instanceof Error ? error.message : String(error));
      } finally {
        this.capture = null;
      }
      for (const item of capture.items) {
        if (this.failed) return;
        await this.store(peer, item);
      }
    });
  }

  private async store(peer: Peer, item: Captured): Promise<void> {
    const started = performance.now();
    let seq: number;
    try {
      seq = await this.deps.store.appendUpdate({
        roomId: this.id,
        data: item.update,
        memberId: peer.member.sub,
        clauseIds: item.clauseIds,
        at: Date.now(),
      });
    } catch (error) {
      countError('append');
      this.fail(error);
      return;
    }
    collabMetrics.appendSeconds.observe((performance.now() - started) / 1000);
    collabMetrics.updatesStored.inc();
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.sinceSnapshot += 1;
    const message = encodeUpdate(item.update);
    for (const other of this.peers) if (other !== peer) other.send(message);
    this.notifyStored();
    if (this.sinceSnapshot >= this.deps.compactThreshold && this.compacting === null) {
      this.startCompaction();
    }
  }

  private notifyStored(): void {
    if (this.deps.storedListeners.size === 0) return;
    const vector = Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(this.doc)));
    for (const listener of this.deps.storedListeners) {
      try {
        listener(this.id, vector);
      } catch (error) {
        this.deps.logger.error({ err: error, roomId: this.id }, 'stored listener failed');
      }
    }
  }

  /**
   * Takes the snapshot between two queued writes, where the document is exactly the stored
   * updates up to lastSeq; appends made while the store folds it in get later seqs and survive.
   */
  private startCompaction(): void {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const upToSeq = this.lastSeq;
    const folded = this.sinceSnapshot;
    this.compacting = this.deps.store
      .compact(this.id, snapshot, upToSeq)
      .then(() => {
        this.sinceSnapshot -= folded;
      })
      .catch((error: unknown) => {
        countError('compact');
        this.deps.logger.error({ err: error, roomId: this.id }, 'compaction failed; will retry');
      })
      .finally(() => {
        this.compacting = null;
      });
  }

  /** Waits for every queued write and a running compaction. */
  async flush(): Promise<void> {
    await this.enqueue(() => undefined).catch(() => undefined);
    if (this.compacting !== null) await this.compacting;
  }

  /** Flushes, then folds whatever is left into a snapshot (used before unloading). */
  async flushAndCompact(): Promise<void> {
    await this.flush();
    if (this.failed || this.sinceSnapshot === 0) return;
    await this.enqueue(() => {
      this.startCompaction();
    });
    if (this.compacting !== null) await this.compacting;
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.deps.onFailure(this, error);
  }

  destroy(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.awareness.off('update', this.relayAwareness);
    this.awareness.destroy();
    this.doc.off('update', this.captureUpdate);
    this.doc.destroy();
  }
}
