import { closeCodes } from '@parley/shared/protocol';
import { clausesTouchedBy, clausesTouchedByUpdate } from '@parley/shared/room';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Store } from '../store/types';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './messages';
import { collabMetrics, countError } from './metrics';
import type { Peer } from './peer';
import type { DocChangedListener, StoredListener, WriteGuard } from './types';
import type { DecodedUpdate } from './updateCheck';
import { updateChangesDoc } from './updateCheck';
import {
  addRanges,
  dependsOnRefused,
  encodePlaceholder,
  encodeRevert,
  newStructRanges,
} from './writeRefusal';
import type { RefusedRanges } from './writeRefusal';
import type { WriteRefusal } from './writeRefusal';

export interface RoomDeps {
  store: Store;
  logger: Logger;
  compactThreshold: number;
  storedListeners: ReadonlySet<StoredListener>;
  changedListeners: ReadonlySet<DocChangedListener>;
  /** The current write guard (locks, single-text mode), or null. */
  writeGuard(): WriteGuard | null;
  /** Called once when a store write failed: the room must be dropped and reloaded. */
  onFailure(room: Room, error: unknown): void;
}

interface Captured {
  update: Uint8Array;
  clauseIds: string[];
}

/** Thrown into the caller when a client update passed decoding yet Yjs refused to apply it. */
export class UpdateRejectedError extends Error {}

/** Thrown into the caller when the write guard could not decide; nothing was applied. */
export class WriteCheckFailedError extends Error {}

/** What the room did with a client's update. */
export type ClientUpdateResult =
  { kind: 'applied' } | { kind: 'refused'; refusal: WriteRefusal; revert: Uint8Array };

/** The origin of server-side edits: not a connection, so every peer receives them. */
interface ServerOrigin {
  readonly memberId: string | null;
}

type Origin = Peer | ServerOrigin;

function randomClientId(): number {
  return Math.floor(Math.random() * 0xffffffff) >>> 0;
}

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
  private capture: { origin: Origin; items: Captured[] } | null = null;
  /** Per connection: the struct ranges refused from it. */
  private readonly refused = new WeakMap<Peer, RefusedRanges>();
  /** The client id server-side edits are made under, kept for the room's lifetime. */
  private readonly serverClientId = randomClientId();
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

  /** Runs `task` after every earlier one; once the room has failed, tasks are skipped (undefined). */
  private enqueue<T>(task: () => Promise<T> | T): Promise<T | undefined> {
    const run = this.queue.then(() => (this.failed ? undefined : task()));
    // One failed task must not stall the ones after it; its own caller still sees the error.
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
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

  /**
   * Applies, stores, then relays a writer's update, unless the write guard refuses it: then none
   * of its content is applied, stored or relayed, and the result carries an update that undoes
   * the writer's own insertions on its side. Rejects with UpdateRejectedError if Yjs refuses it.
   */
  applyClientUpdate(
    peer: Peer,
    update: Uint8Array,
    decoded: DecodedUpdate,
  ): Promise<ClientUpdateResult | undefined> {
    return this.enqueue(async (): Promise<ClientUpdateResult> => {
      const refusal = await this.checkWrite(peer, update, decoded);
      if (refusal !== null) {
        const ranges = newStructRanges(decoded, this.doc);
        const refused = this.refused.get(peer) ?? (new Map() as RefusedRanges);
        addRanges(refused, ranges);
        this.refused.set(peer, refused);
        countError('write-refused');
        // The refused clocks are filled with empty structs, stored and relayed like any update,
        // so that the writer's later edits elsewhere are not held back behind them.
        const placeholder = encodePlaceholder(ranges);
        if (placeholder !== null) await this.applyAndStore(peer, placeholder);
        return { kind: 'refused', refusal, revert: encodeRevert(ranges) };
      }
      await this.applyAndStore(peer, update);
      return { kind: 'applied' };
    });
  }

  private async applyAndStore(peer: Peer, update: Uint8Array): Promise<void> {
    const capture = { origin: peer as Origin, items: [] as Captured[] };
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
      if (this.failed) break;
      await this.store(peer, peer.member.sub, item);
    }
  }

  /** Consults the write guard, only for updates that change something while it is active. */
  private async checkWrite(
    peer: Peer,
    update: Uint8Array,
    decoded: DecodedUpdate,
  ): Promise<WriteRefusal | null> {
    const refused = this.refused.get(peer);
    const guard = this.deps.writeGuard();
    if (refused === undefined && guard === null) return null;
    if (!updateChangesDoc(decoded, this.doc)) return null;
    if (refused !== undefined && dependsOnRefused(decoded, refused)) {
      return {
        code: 'write-refused',
        message:
          'This change builds on a change the server refused; it was not saved either. Reload the document.',
      };
    }
    if (guard === null) return null;
    const ask = async <T>(question: () => T | Promise<T>): Promise<T> => {
      try {
        return await question();
      } catch (error) {
        throw new WriteCheckFailedError(error instanceof Error ? error.message : String(error));
      }
    };
    if (!(await ask(() => guard.needsCheck(this.id)))) return null;
    let touched: string[];
    try {
      touched = clausesTouchedByUpdate(this.doc, update).clauses;
    } catch (error) {
      throw new UpdateRejectedError(error instanceof Error ? error.message : String(error));
    }
    return ask(() => guard.check(this.id, peer.member, touched));
  }

  /**
   * Applies an edit made by the server (e.g. an accepted proposal) through the same queue:
   * `change` runs on a copy first, so an edit that throws changes nothing; the resulting update
   * is applied, stored, then relayed to every peer.
   */
  applyServerChange(change: (doc: Y.Doc) => void, memberId: string | null): Promise<void> {
    return this.enqueue(async () => {
      const copy = new Y.Doc();
      copy.clientID = this.serverClientId;
      const updates: Uint8Array[] = [];
      try {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
        copy.on('update', (update: Uint8Array) => updates.push(update));
        Y.transact(copy, () => change(copy));
      } finally {
        copy.destroy();
      }
      if (updates.length === 0) return;
      const origin: ServerOrigin = { memberId };
      const capture = { origin: origin as Origin, items: [] as Captured[] };
      this.capture = capture;
      try {
        Y.transact(
          this.doc,
          () => {
            for (const update of updates) Y.applyUpdate(this.doc, update, origin);
          },
          origin,
        );
      } finally {
        this.capture = null;
      }
      for (const item of capture.items) {
        if (this.failed) break;
        await this.store(null, memberId, item);
      }
      if (this.failed) throw new Error('the change could not be stored');
    });
  }

  private async store(peer: Peer | null, memberId: string | null, item: Captured): Promise<void> {
    const started = performance.now();
    let seq: number;
    try {
      seq = await this.deps.store.appendUpdate({
        roomId: this.id,
        data: item.update,
        memberId,
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
    this.notifyChanged(item.clauseIds, memberId);
    if (this.sinceSnapshot >= this.deps.compactThreshold && this.compacting === null) {
      this.startCompaction();
    }
  }

  private notifyChanged(clauseIds: string[], memberId: string | null): void {
    for (const listener of this.deps.changedListeners) {
      try {
        listener(this.id, { clauseIds, memberId });
      } catch (error) {
        this.deps.logger.error({ err: error, roomId: this.id }, 'doc-changed listener failed');
      }
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
