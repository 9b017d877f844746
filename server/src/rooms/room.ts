// One loaded room: its document, awareness and peers, and the single write queue every change
// goes through (check → apply → store → relay → notify), so no peer ever sees what the store
// does not hold.
import { MAX_PENDING_UPDATE_BYTES, closeCodes } from '@parley/shared/protocol';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { countError } from '../metrics';
import type { DocStore } from '../store/types';
import type { AppliedChange, RoomContext, WriteRefusal } from './hooks';
import type { HookRunner } from './hookRunner';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './messages';
import type { Peer } from './peer';
import { DocPreview } from './preview';
import { SlotValues } from './slots';
import type { RoomSlot } from './slots';
import type { RoomSync, StoredBatch, SyncedRoom } from './sync';
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

export interface RoomDeps {
  store: DocStore;
  logger: Logger;
  compactThreshold: number;
  hooks: HookRunner;
  /** Follows what other instances store for the room; null on a single instance. */
  sync: RoomSync | null;
  /** Called once when a store write failed: the room must be dropped and reloaded. */
  onFailure(room: Room, error: unknown): void;
}

/** Thrown into the caller when a client update passed decoding yet Yjs refused to apply it. */
export class UpdateRejectedError extends Error {}

/** What the room did with a client's update. */
export type ClientUpdateResult =
  { kind: 'applied' } | { kind: 'refused'; refusal: WriteRefusal; revert: Uint8Array };

/** The origin of server-side edits: not a connection, so every peer receives them. */
interface ServerOrigin {
  readonly memberId: string | null;
}

type Origin = Peer | ServerOrigin;

/** The origin of updates another instance stored: never captured, never stored again. */
const storedElsewhere = { storedElsewhere: true } as const;

/** The changes one applied update produced, with their encoded updates, awaiting the store. */
interface Capture {
  origin: Origin;
  items: AppliedChange[];
  updates: Uint8Array[];
}

/** Bytes of received updates the document holds back until their predecessors arrive. */
function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}

function randomClientId(): number {
  return Math.floor(Math.random() * 0xffffffff) >>> 0;
}

export class Room implements RoomContext, SyncedRoom {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  idleTimer: NodeJS.Timeout | null = null;
  failed = false;
  /** Services holding the room loaded while they work on it (peers hold it too). */
  holds = 0;
  private queue: Promise<void> = Promise.resolve();
  private capture: Capture | null = null;
  /** Per connection: the struct ranges refused from it. */
  private readonly refused = new WeakMap<Peer, RefusedRanges>();
  /** The client id server-side edits are made under, kept for the room's lifetime. */
  private readonly serverClientId = randomClientId();
  private lastSeq: number;
  /** Every stored update up to this seq is in the document. */
  private contiguous: number;
  /** Stored updates above `contiguous` the document already holds (its own, or out of order). */
  private readonly ahead = new Set<number>();
  private gone = false;

  get seq(): number {
    return this.lastSeq;
  }

  get appliedSeq(): number {
    return this.contiguous;
  }

  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  hasSeq(seq: number): boolean {
    return seq <= this.contiguous || this.ahead.has(seq);
  }

  private noteApplied(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
    if (seq <= this.contiguous) return;
    this.ahead.add(seq);
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous += 1;
  }

  /** Everything up to `seq` is in the document (a snapshot folding up to it was applied). */
  private noteAppliedThrough(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
    if (seq <= this.contiguous) return;
    this.contiguous = seq;
    for (const held of this.ahead) if (held <= seq) this.ahead.delete(held);
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous += 1;
  }
  private sinceSnapshot: number;
  private compacting: Promise<void> | null = null;
  private readonly owners = new Map<number, Peer>();
  private readonly slots: SlotValues;
  /** The document one write ahead, for the write rules; only when some hook checks writes. */
  private readonly preview: DocPreview | null;
  /** The accepted write the preview already holds, so that applying it does not repeat it there. */
  private previewHolds: Uint8Array | null = null;

  private constructor(
    readonly id: string,
    doc: Y.Doc,
    lastSeq: number,
    sinceSnapshot: number,
    private readonly deps: RoomDeps,
  ) {
    this.doc = doc;
    this.lastSeq = lastSeq;
    this.contiguous = lastSeq;
    this.sinceSnapshot = sinceSnapshot;
    this.slots = new SlotValues(id);
    this.preview = deps.hooks.writeChecks ? new DocPreview(doc) : null;
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

  slot<T>(slot: RoomSlot<T>): T {
    return this.slots.get(slot);
  }

  private readonly captureUpdate = (
    update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ): void => {
    if (this.capture === null || origin !== this.capture.origin) return;
    const from = this.capture.origin;
    this.capture.items.push({
      transaction,
      memberId: 'member' in from ? from.member.memberId : from.memberId,
      clauseIds: [],
    });
    this.capture.updates.push(update);
  };

  private readonly relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const clients = [...change.added, ...change.updated, ...change.removed];
    if (clients.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
    const message = encodeAwareness(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
    // Presence of this instance's peers travels to the other instances; theirs came from there.
    if (origin !== storedElsewhere) this.deps.sync?.awareness(this, update);
  };

  /** Presence (awareness) of another instance's peers, relayed to this instance's peers. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.gone) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, storedElsewhere);
    } catch (error) {
      this.deps.logger.warn({ err: error, roomId: this.id }, 'remote awareness refused');
    }
  }

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
    peer.send(encodeSyncStep1(this.doc));
    const others = [...this.awareness.getStates().keys()];
    if (others.length > 0) {
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, others)));
    }
    this.deps.hooks.connected(this, peer);
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const ids = [...peer.awarenessIds].filter((id) => this.owners.get(id) === peer);
    for (const id of ids) this.owners.delete(id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    this.deps.hooks.disconnected(this, peer);
  }

  /** Whether nothing keeps the room loaded: no peer and no service at work on it. */
  get unused(): boolean {
    return this.peers.size === 0 && this.holds === 0;
  }

  /**
   * A client id belongs to the first live connection that announced it. Another connection of
   * the same member may take it over: a reconnecting browser can come back before the server
   * has noticed that its old connection is dead.
   */
  mayControlAwareness(peer: Peer, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    return owner === undefined || owner === peer || owner.member.memberId === peer.member.memberId;
  }

  applyAwareness(peer: Peer, update: Uint8Array, clientIds: number[]): void {
    for (const id of clientIds) {
      const previous = this.owners.get(id);
      if (previous !== undefined && previous !== peer) previous.awarenessIds.delete(id);
      this.owners.set(id, peer);
      peer.awarenessIds.add(id);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
    this.deps.hooks.awareness(this, peer, clientIds);
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
   * Applies, stores, then relays a writer's update, unless a beforeWrite hook refuses it: then
   * none of its content is applied, stored or relayed, and the result carries an update that
   * undoes the writer's own insertions on its side. Rejects with UpdateRejectedError if Yjs
   * refuses it, and with WriteCheckFailedError if a hook could not decide.
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
    const capture: Capture = { origin: peer, items: [], updates: [] };
    this.capture = capture;
    try {
      Y.applyUpdate(this.doc, update, peer);
      if (this.previewHolds === update) this.previewHolds = null;
      else this.preview?.follow(update);
    } catch (error) {
      // Whatever part of it got in is not stored: drop this copy of the room, reload from the store.
      countError('malformed');
      peer.close(closeCodes.malformedMessage, 'malformed message: Yjs refused the update');
      this.fail(error);
      throw new UpdateRejectedError(error instanceof Error ? error.message : String(error));
    } finally {
      this.capture = null;
    }
    await this.storeCaptured(capture, peer);
  }

  /** Consults the beforeWrite hooks, only for updates that change something. */
  private async checkWrite(
    peer: Peer,
    update: Uint8Array,
    decoded: DecodedUpdate,
  ): Promise<WriteRefusal | null> {
    const refused = this.refused.get(peer);
    if (refused === undefined && this.preview === null) return null;
    if (!updateChangesDoc(decoded, this.doc)) return null;
    if (refused !== undefined && dependsOnRefused(decoded, refused)) {
      return {
        code: 'write-refused',
        message:
          'This change builds on a change the server refused; it was not saved either. Reload the document.',
      };
    }
    if (this.preview === null) return null;
    let effect;
    try {
      effect = this.preview.apply(update);
    } catch (error) {
      throw new UpdateRejectedError(error instanceof Error ? error.message : String(error));
    }
    // Yjs keeps updates whose predecessors are missing until they arrive; a client that never
    // sends them would make the room hold its bytes forever.
    const pending = pendingBytes(this.preview.doc);
    if (pending > MAX_PENDING_UPDATE_BYTES) {
      this.preview.reset();
      throw new UpdateRejectedError(
        `${Math.ceil(pending / 1024)} KiB of changes wait for earlier changes that never arrived (at most ${MAX_PENDING_UPDATE_BYTES / 1024} KiB)`,
      );
    }
    let refusal: WriteRefusal | null;
    try {
      refusal = await this.deps.hooks.beforeWrite(this, {
        member: peer.member,
        update,
        effect,
        after: this.preview.doc,
      });
    } catch (error) {
      this.preview.reset();
      throw error;
    }
    if (refusal !== null) this.preview.reset();
    else this.previewHolds = update;
    return refusal;
  }

  /**
   * Applies an edit made by the server (e.g. an accepted proposal) through the same queue:
   * `change` runs on a copy first, so an edit that throws changes nothing; the resulting update
   * is applied, stored, then relayed to every peer.
   */
  applyServerChange(change: (doc: Y.Doc) => void, memberId: string | null): Promise<void> {
    return this.enqueue(async () => {
      const copy = new Y.Doc();
      const updates: Uint8Array[] = [];
      try {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
        // Set only now: a client id the applied state already holds would make Yjs pick another.
        copy.clientID = this.serverClientId;
        copy.on('update', (update: Uint8Array) => updates.push(update));
        Y.transact(copy, () => change(copy));
      } finally {
        copy.destroy();
      }
      if (updates.length === 0) return;
      const origin: ServerOrigin = { memberId };
      const capture: Capture = { origin, items: [], updates: [] };
      this.capture = capture;
      try {
        Y.transact(
          this.doc,
          () => {
            for (const update of updates) Y.applyUpdate(this.doc, update, origin);
          },
          origin,
        );
        for (const update of updates) this.preview?.follow(update);
      } finally {
        this.capture = null;
      }
      await this.storeCaptured(capture, null);
      if (this.failed) throw new Error('the change could not be stored');
    });
  }

  private async storeCaptured(capture: Capture, peer: Peer | null): Promise<void> {
    for (const [index, item] of capture.items.entries()) {
      if (this.failed) break;
      this.deps.hooks.changed(this, item);
      await this.store(peer, item, capture.updates[index]!);
    }
  }

  private async store(peer: Peer | null, item: AppliedChange, update: Uint8Array): Promise<void> {
    const started = performance.now();
    let seq: number;
    try {
      seq = await this.deps.store.appendUpdate({
        roomId: this.id,
        data: update,
        memberId: item.memberId,
        clauseIds: item.clauseIds,
        at: Date.now(),
      });
    } catch (error) {
      countError('append');
      this.fail(error);
      return;
    }
    const appendMs = performance.now() - started;
    this.noteApplied(seq);
    this.sinceSnapshot += 1;
    const message = encodeUpdate(update);
    for (const other of this.peers) if (other !== peer) other.send(message);
    this.deps.sync?.stored(this, seq, update);
    this.deps.hooks.stored(this, {
      seq,
      update,
      memberId: item.memberId,
      clauseIds: item.clauseIds,
      origin: peer === null ? 'server' : 'client',
      appendMs,
    });
    if (this.sinceSnapshot >= this.deps.compactThreshold && this.compacting === null) {
      this.startCompaction();
    }
  }

  /**
   * Applies updates another instance stored (or that the store holds and this copy missed), in
   * queue order, without the write rules and without storing them again, then relays them.
   */
  applyStored(batch: StoredBatch): Promise<void> {
    return this.enqueue(() => {
      if (this.gone) return;
      const snapshot =
        batch.snapshot !== null && batch.snapshotSeq > this.contiguous ? batch.snapshot : null;
      const fresh = batch.updates.filter((update) => !this.hasSeq(update.seq));
      if (snapshot === null && fresh.length === 0) return;
      try {
        if (snapshot !== null) {
          // A snapshot is the whole document: peers get only the difference it makes here.
          const before = Y.encodeStateVector(this.doc);
          Y.transact(
            this.doc,
            () => {
              Y.applyUpdate(this.doc, snapshot, storedElsewhere);
              for (const update of fresh) Y.applyUpdate(this.doc, update.data, storedElsewhere);
            },
            storedElsewhere,
          );
          const difference = Y.encodeStateAsUpdate(this.doc, before);
          this.preview?.follow(difference);
          this.noteAppliedThrough(batch.snapshotSeq);
          for (const update of fresh) this.noteApplied(update.seq);
          this.relayStored(this.lastSeq, difference);
          return;
        }
        for (const update of fresh) {
          Y.applyUpdate(this.doc, update.data, storedElsewhere);
          this.preview?.follow(update.data);
          this.noteApplied(update.seq);
          this.relayStored(update.seq, update.data);
        }
      } catch (error) {
        // The store holds it, so it was whole when written: this copy is what is wrong. Reload.
        countError('malformed');
        this.fail(error);
      }
    });
  }

  private relayStored(seq: number, update: Uint8Array): void {
    const message = encodeUpdate(update);
    for (const peer of this.peers) peer.send(message);
    this.deps.hooks.storedElsewhere(this, { seq, update });
  }

  /**
   * Takes the snapshot between two queued writes. The document holds every stored update up to
   * `contiguous` (and maybe some later ones, which the store keeps and a load applies again);
   * appends made while the store folds it in get later seqs and survive.
   */
  private startCompaction(): void {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const upToSeq = this.contiguous;
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
    this.gone = true;
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.awareness.off('update', this.relayAwareness);
    this.awareness.destroy();
    this.doc.off('update', this.captureUpdate);
    this.doc.destroy();
    this.preview?.destroy();
    this.slots.clear();
  }
}
