/**
 * A lean y-protocols sync client: the same code against every server of the comparison, so the
 * figures differ only by server. It answers sync, sends local edits and applies relayed ones.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Wire } from './wire';

const MESSAGE_SYNC = 0;
/** Hocuspocus answers a sync step 1 with its own under this type; it reads as a sync message. */
const MESSAGE_SYNC_REPLY = 4;
const SYNC_UPDATE = 2;

export interface SyncClientOptions {
  /** Document state to start from; the server receives it in the client's sync answer. */
  seed?: Uint8Array;
}

export class SyncClient {
  readonly doc = new Y.Doc();
  readonly synced: Promise<void>;
  private readonly ws: WebSocket;
  /** Until the load starts every client applies what it receives, a peer's seed included. */
  private applyRelayed = true;

  constructor(
    url: string,
    private readonly wire: Wire,
    options: SyncClientOptions,
  ) {
    if (options.seed !== undefined) Y.applyUpdate(this.doc, options.seed);
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'nodebuffer';
    let markSynced: () => void = () => undefined;
    let failSync: (error: Error) => void = () => undefined;
    let isSynced = false;
    this.synced = new Promise((resolve, reject) => {
      markSynced = resolve;
      failSync = reject;
    });
    this.ws.on('error', (error) => failSync(error));
    this.ws.once('close', (code, reason) =>
      failSync(new Error(`${url} closed the socket: ${code} ${reason.toString()}`)),
    );
    this.ws.on('open', () => {
      for (const frame of wire.hello) this.ws.send(frame);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
    });
    this.ws.on('message', (data: Buffer) => {
      const message = wire.unwrap(data);
      if (message === null) return;
      if (!this.applyRelayed && message[0] === MESSAGE_SYNC && message[1] === SYNC_UPDATE) return;
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      if (kind === syncProtocol.messageYjsSyncStep2 && !isSynced) {
        isSynced = true;
        markSynced();
      }
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || this.ws.readyState !== WebSocket.OPEN) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  /**
   * The room is ready: from now on only observers apply relayed updates. The others skip the
   * Yjs work for them, so that hundreds of clients in one process do not slow the servers down
   * by CPU contention (real clients each have their own machine); they still receive every frame.
   */
  startLoad(observe: boolean): void {
    this.applyRelayed = observe;
  }

  /** Whether a transaction came from the server rather than from this client's own edits. */
  isRemote(transaction: Y.Transaction): boolean {
    return transaction.origin === this;
  }

  private send(message: Uint8Array): void {
    this.ws.send(this.wire.wrap(message));
  }

  close(): void {
    this.ws.removeAllListeners();
    this.ws.on('error', () => undefined);
    this.ws.terminate();
    this.doc.destroy();
  }
}
