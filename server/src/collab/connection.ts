// One member's /collab websocket: message and byte rate limits, parsing of y-websocket messages,
// and the room's rules applied to them (read-only roles, refused writes undone, spoofed presence).
import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { OversizedAwarenessError, rewriteAwarenessUpdate } from './awarenessRewrite';
import type { AwarenessIdentity } from './awarenessRewrite';
import { closeCodes, closeReason, MAX_PRESENCE_IDS_PER_CONNECTION } from '@parley/shared/protocol';
import type { MemberClaims } from '@parley/shared/protocol';
import { collabMetrics, countError } from '../metrics';
import { UpdateRejectedError, WriteCheckFailedError } from '../rooms';
import type { ClientUpdateResult, Peer, Room, RoomRuntime } from '../rooms';
import {
  encodePermissionDenied,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  encodeUpdate,
} from '../rooms/messages';
import { decodeUpdateSafely, updateChangesDoc } from '../rooms/updateCheck';
import { createTokenBucket, takeToken } from './tokenBucket';
import type { TokenBucket } from './tokenBucket';

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface ConnectionDeps {
  rooms: RoomRuntime;
  logger: Logger;
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  byteRatePerSecond: number;
  byteBurst: number;
  canWrite: boolean;
  identityFor(room: Room): AwarenessIdentity;
  onClosed(connection: CollabConnection): void;
}

class MalformedMessageError extends Error {}

/** One /collab websocket: rate limit, message parsing, and the room's rules for this member. */
export class CollabConnection implements Peer {
  readonly awarenessIds = new Set<number>();
  private room: Room | null = null;
  private closed = false;
  private readonly inbox: Buffer[] = [];
  private readonly bucket: TokenBucket;
  private readonly byteBucket: TokenBucket;
  private deniedSent = false;
  /** Whether the client answered the last ping. */
  private alive = true;
  private identity: AwarenessIdentity | null = null;
  private readonly log: Logger;

  constructor(
    private readonly ws: WebSocket,
    readonly roomId: string,
    readonly member: MemberClaims,
    private readonly deps: ConnectionDeps,
  ) {
    this.bucket = createTokenBucket(deps.rateLimitPerSecond, deps.rateLimitBurst, Date.now());
    this.byteBucket = createTokenBucket(deps.byteRatePerSecond, deps.byteBurst, Date.now());
    this.log = deps.logger.child({ roomId, memberId: member.memberId });
  }

  start(): void {
    collabMetrics.connections.inc();
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    this.ws.on('error', (error: Error & { code?: string }) => {
      countError(error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'too-big' : 'socket');
      this.log.warn({ err: error }, 'collab socket error');
    });
    this.ws.on('close', () => this.onClose());
    this.ws.on('pong', () => {
      this.alive = true;
    });
    this.deps.rooms.acquire(this.roomId).then(
      (room) => this.ready(room),
      () => this.close(closeCodes.loadFailed, 'room could not be loaded; try again later'),
    );
  }

  private ready(room: Room): void {
    if (this.closed) {
      this.deps.rooms.release(room);
      return;
    }
    this.room = room;
    this.identity = this.deps.identityFor(room);
    room.addPeer(this);
    for (const message of this.inbox.splice(0)) {
      if (this.closed) return;
      this.handle(room, message);
    }
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      // A client that does not read would make the server hold the room's traffic for it.
      countError('socket');
      this.close(closeCodes.goingAway, 'client too slow; reconnect to resync');
      return;
    }
    // Write errors surface as the socket's 'error' and 'close' events.
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.log.info({ code, reason }, 'closing collab connection');
    this.ws.close(code, closeReason(reason));
    this.onClose();
  }

  terminate(): void {
    this.ws.terminate();
    this.onClose();
  }

  /** Pings; a connection that did not answer the previous ping is dead and is dropped. */
  heartbeat(): void {
    if (this.closed) return;
    if (!this.alive) {
      this.log.info('collab connection stopped answering pings');
      this.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    collabMetrics.connections.dec();
    this.inbox.length = 0;
    if (this.room !== null) {
      this.room.removePeer(this);
      this.deps.rooms.release(this.room);
    }
    this.deps.onClosed(this);
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    const now = Date.now();
    if (!takeToken(this.bucket, now) || !takeToken(this.byteBucket, now, data.length)) {
      countError('rate-limit');
      this.close(closeCodes.rateLimited, 'too many messages');
      return;
    }
    if (!isBinary) {
      this.malformed('text frames are not part of the protocol');
      return;
    }
    if (this.room === null) {
      this.inbox.push(data);
      return;
    }
    this.handle(this.room, data);
  }

  private malformed(reason: string): void {
    countError('malformed');
    this.close(closeCodes.malformedMessage, `malformed message: ${reason}`);
  }

  private handle(room: Room, data: Buffer): void {
    try {
      this.dispatch(room, data);
    } catch (error) {
      if (error instanceof OversizedAwarenessError) {
        countError('rate-limit');
        this.close(closeCodes.rateLimited, error.message);
        return;
      }
      this.malformed(error instanceof Error ? error.message : 'unreadable');
    }
  }

  private dispatch(room: Room, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        this.onSync(room, decoder);
        return;
      case MESSAGE_AWARENESS:
        this.onAwareness(room, decoding.readVarUint8Array(decoder));
        return;
      case MESSAGE_QUERY_AWARENESS:
        this.send(room.awarenessMessage());
        return;
      case MESSAGE_AUTH:
        // Only the server sends auth messages; a client's is meaningless but harmless.
        return;
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
  }

  private onSync(room: Room, decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (kind === SYNC_STEP1) {
      try {
        Y.decodeStateVector(payload);
      } catch {
        throw new MalformedMessageError('sync step 1 does not hold a state vector');
      }
      this.answer(room.answerSyncStep1(this, payload));
      return;
    }
    if (kind !== SYNC_STEP2 && kind !== SYNC_UPDATE) {
      throw new MalformedMessageError(`unknown sync message ${kind}`);
    }
    const decoded = decodeUpdateSafely(payload);
    if (decoded === null) throw new MalformedMessageError('not a Yjs update');
    if (!this.deps.canWrite) {
      if (updateChangesDoc(decoded, room.doc)) this.denyWrite();
      return;
    }
    this.answer(
      room.applyClientUpdate(this, payload, decoded).then((result) => this.afterWrite(result)),
    );
  }

  /**
   * A refused write is undone on the writer's side as far as Yjs allows (its insertions are
   * deleted), and the writer is told why through the auth message, whose reason starts with the
   * refusal code. A client that also deleted content rebuilds its document from the server.
   */
  private afterWrite(result: ClientUpdateResult | undefined): void {
    if (result?.kind !== 'refused') return;
    this.log.info({ code: result.refusal.code }, 'document write refused');
    this.send(encodeUpdate(result.revert));
    this.send(encodePermissionDenied(`${result.refusal.code}: ${result.refusal.message}`));
  }

  private answer(work: Promise<unknown>): void {
    work.catch((error: unknown) => {
      if (error instanceof UpdateRejectedError) {
        this.malformed(`Yjs refused the update (${error.message})`);
        return;
      }
      if (error instanceof WriteCheckFailedError) {
        // The write was neither applied nor refused: the client must not keep it as if saved.
        this.log.error({ err: error }, 'document write could not be checked');
        this.close(
          closeCodes.internalError,
          'the change could not be checked; reconnect to resync',
        );
        return;
      }
      this.log.error({ err: error }, 'collab message failed');
    });
  }

  private denyWrite(): void {
    countError('read-only-write');
    if (this.deniedSent) return;
    this.deniedSent = true;
    this.send(
      encodePermissionDenied(
        `read-only: the ${this.member.role} role may not edit the document; your changes were not saved`,
      ),
    );
  }

  private onAwareness(room: Room, update: Uint8Array): void {
    const identity = this.identity;
    if (identity === null) return;
    // Counted entry by entry, so one update naming many new ids cannot pass the cap at once.
    const granted = new Set(this.awarenessIds);
    const rewrite = rewriteAwarenessUpdate(
      update,
      (clientId) => {
        if (!room.mayControlAwareness(this, clientId)) return false;
        if (granted.has(clientId)) return true;
        if (granted.size >= MAX_PRESENCE_IDS_PER_CONNECTION) return false;
        granted.add(clientId);
        return true;
      },
      identity,
    );
    if (rewrite.refused.length > 0) {
      countError('awareness-spoof');
      this.log.warn({ clientIds: rewrite.refused }, 'ignored awareness for client ids of others');
    }
    if (rewrite.update !== null) room.applyAwareness(this, rewrite.update, rewrite.clientIds);
  }
}
