// One open room's connections: the shared document with its server and on-device copies, the
// Socket.IO session for presence and saving, and a store of what the views follow about them.
import { closeCodes, isSavedUpTo } from '@parley/shared/protocol';
import type {
  ClientToServerEvents,
  PresenceEntry,
  SaveStatus,
  ServerToClientEvents,
  SessionEnded,
} from '@parley/shared/protocol';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createStore } from '../lib/store';
import type { ReadStore, StoreApi } from '../lib/store';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';
export type SaveState = 'saved' | 'saving' | 'pending-offline' | 'unknown';

/** A remote cursor owner or a present member, as the header shows them. */
export interface PresencePerson {
  key: string;
  memberId: string;
  name: string;
  role: string;
  partyId: string | null;
  color: string;
  focus: string | null;
  self: boolean;
}

/** What the views follow about an open room: its document copy, connection, saving and people. */
export interface SessionState {
  /** The document copy on screen; replaced by a fresh copy after the server refuses a write. */
  doc: Y.Doc;
  connection: ConnectionState;
  /** The document has completed its first sync with the server in this connection. */
  synced: boolean;
  /** Local state (IndexedDB) has been loaded. */
  localLoaded: boolean;
  save: SaveState;
  presence: PresencePerson[];
  /** Set when the server ended this session for good (revoked invite, unknown room, bad token). */
  ended: { code: string; message: string } | null;
  /** The server refused a document write from this client (read-only role). */
  readOnlyNotice: boolean;
  /** The server refused a write because of a clause lock or single-text mode: its reason. */
  refusedWrite: { reason: string; at: number } | null;
}

export interface SessionUser {
  memberId: string;
  name: string;
  role: string;
  partyId: string | null;
  color: string;
}

const terminalCloseMessages: Record<number, { code: string; message: string }> = {
  [closeCodes.unauthorized]: { code: 'unauthorized', message: 'This link is no longer valid.' },
  [closeCodes.revoked]: {
    code: 'revoked',
    message: 'This invitation has been revoked by the organizer.',
  },
  [closeCodes.roomNotFound]: { code: 'room-not-found', message: 'This room does not exist.' },
};

function collabUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/collab`;
}

/** The name of a room's IndexedDB store (y-indexeddb). */
export function roomDatabaseName(roomId: string): string {
  return `parley.room.${roomId}`;
}

/** Writes the server refuses for governance reasons; the local copy must be rebuilt after them. */
const rebuildReason = /^(clause-locked|single-text-mode|write-refused):\s*/;

/** One copy of the room document with its server and IndexedDB providers. */
interface DocCopy {
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence | null;
  /** Set once the copy is being replaced: its events no longer speak for the room. */
  retired: boolean;
  detach(): void;
}

/**
 * Everything one open room needs: the shared document with its server and IndexedDB providers,
 * and the Socket.IO session carrying presence and save status. What views follow is in `state`.
 *
 * The document copy can be replaced: when the server refuses a write because of a lock or
 * single-text mode, it cannot take back what this copy deleted or overwrote (Yjs deletions are
 * final), so the copy and its stored state are thrown away and a fresh one is synced from the
 * server. `state.doc` changes then, and the views bind to the new copy.
 */
export class RoomSession {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly user: SessionUser;
  private copy: DocCopy;
  /** The fresh copy syncing while the refused one stays on screen. */
  private nextCopy: DocCopy | null = null;
  private rebuilding = false;
  private readonly store: StoreApi<SessionState>;
  readonly state: ReadStore<SessionState>;
  private savedStatus: SaveStatus | null = null;
  private socketPresence: PresenceEntry[] | null = null;
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;

  get doc(): Y.Doc {
    return this.copy.doc;
  }

  get provider(): WebsocketProvider {
    return this.copy.provider;
  }

  get persistence(): IndexeddbPersistence | null {
    return this.copy.persistence;
  }

  constructor(
    private readonly roomId: string,
    private readonly token: string,
    user: SessionUser,
  ) {
    this.user = user;
    const online = navigator.onLine;
    const doc = new Y.Doc();
    this.store = createStore<SessionState>()(() => ({
      doc,
      connection: online ? 'connecting' : 'offline',
      synced: false,
      localLoaded: typeof indexedDB === 'undefined',
      save: 'unknown',
      presence: [],
      ended: null,
      readOnlyNotice: false,
      refusedWrite: null,
    }));
    this.state = this.store;
    this.copy = this.openCopy(doc, online);

    this.socket = io({ auth: { token }, transports: ['websocket'], autoConnect: online });
    this.socket.on('presence:state', (state) => {
      this.socketPresence = state.entries;
      this.refreshPresence();
    });
    this.socket.on('save:status', (status) => {
      this.savedStatus = status;
      this.refreshSave();
    });
    this.socket.on('session:ended', (reason: SessionEnded) => {
      // A new role: the room opens again under it (the server already holds the change).
      if (reason.code === 'member-changed') {
        window.location.reload();
        return;
      }
      this.endSession({ code: reason.code, message: reason.message });
    });
    this.socket.on('connect', () => {
      if (this.focused)
        this.socket.emit('presence:focus', { clauseId: this.focused }, () => undefined);
      this.socket.emit('room:state', {}, (answer) => {
        if (!answer.ok) return;
        this.socketPresence = answer.data.presence.entries;
        if (answer.data.saved) this.savedStatus = answer.data.saved;
        this.refreshPresence();
        this.refreshSave();
      });
    });
    this.socket.on('connect_error', (error) => {
      const message = error.message || '';
      if (/revoked/i.test(message)) this.endSession(terminalCloseMessages[closeCodes.revoked]!);
    });

    const goOffline = () => {
      // Dropping the connections at once makes the state honest; y-websocket would only notice later.
      this.copy.provider.disconnect();
      this.nextCopy?.provider.disconnect();
      this.socket.disconnect();
      this.patch({ connection: 'offline', synced: false });
      this.refreshSave();
    };
    const goOnline = () => {
      if (this.store.getState().ended) return;
      this.patch({ connection: 'reconnecting' });
      (this.nextCopy ?? this.copy).provider.connect();
      this.socket.connect();
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    this.cleanups.push(() => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
    });
  }

  /** A document copy wired to the server and to this device's store; its events drive the status. */
  private openCopy(doc: Y.Doc, connect: boolean): DocCopy {
    const persistence =
      typeof indexedDB === 'undefined'
        ? null
        : new IndexeddbPersistence(roomDatabaseName(this.roomId), doc);
    const provider = new WebsocketProvider(collabUrl(), encodeURIComponent(this.roomId), doc, {
      params: { token: this.token },
      disableBc: true,
      connect,
    });
    const copy: DocCopy = { doc, provider, persistence, retired: false, detach: () => undefined };
    const shown = () => this.copy === copy && !copy.retired;

    if (persistence) {
      void persistence.whenSynced.then(() => {
        if (shown()) this.patch({ localLoaded: true });
      });
    }
    provider.awareness.setLocalStateField('user', {
      name: this.user.name,
      color: this.user.color,
      memberId: this.user.memberId,
      role: this.user.role,
      partyId: this.user.partyId,
    });
    provider.on('status', ({ status }) => {
      // While a fresh copy syncs, its connection is the room's connection.
      if (copy.retired || (this.copy !== copy && this.nextCopy !== copy)) return;
      if (status === 'connected') this.patch({ connection: 'online' });
      else if (status === 'connecting')
        this.patch({
          connection: navigator.onLine ? this.reconnectingOr('connecting') : 'offline',
        });
      else this.patch({ connection: navigator.onLine ? 'reconnecting' : 'offline', synced: false });
      this.refreshSave();
    });
    provider.on('sync', (synced: boolean) => {
      if (synced && this.nextCopy === copy) {
        this.replaceCopy(copy);
        return;
      }
      if (!shown()) return;
      this.patch({ synced });
      this.refreshSave();
    });
    provider.on('closed', (event: { code: number; reason: string }) => {
      if (copy.retired) return;
      // A party withdrew its consent: the seat stays, and the room reopens once it consents again.
      if (event.code === closeCodes.revoked && event.reason.startsWith('consent-')) {
        this.endSession({
          code: event.reason,
          message: 'A party no longer consents to your appointment; you have left the room.',
        });
        return;
      }
      const known = terminalCloseMessages[event.code];
      this.endSession(
        known ?? {
          code: String(event.code),
          message: event.reason || 'The server closed this room.',
        },
      );
    });
    provider.messageHandlers[2] = (_encoder, decoder) => {
      // y-websocket's auth message: "permission denied" for writes, with the server's reason.
      let reason = '';
      try {
        if (decoding.readVarUint(decoder) === 0) reason = decoding.readVarString(decoder);
      } catch {
        reason = '';
      }
      if (rebuildReason.test(reason)) {
        this.patch({ refusedWrite: { reason: reason.replace(rebuildReason, ''), at: Date.now() } });
        if (shown()) this.rebuild();
      } else this.patch({ readOnlyNotice: true });
    };
    const onAwareness = () => {
      if (shown()) this.refreshPresence();
    };
    provider.awareness.on('change', onAwareness);
    const onUpdate = () => {
      if (shown()) this.refreshSave();
    };
    doc.on('update', onUpdate);
    copy.detach = () => {
      copy.retired = true;
      provider.awareness.off('change', onAwareness);
      doc.off('update', onUpdate);
      provider.destroy();
    };
    return copy;
  }

  /**
   * Throws away the copy the server refused and syncs a fresh one. The refused copy stays on
   * screen, disconnected, until the fresh one has the server's state, so the room does not blink.
   */
  private rebuild(): void {
    if (this.rebuilding || this.destroyed || this.store.getState().ended) return;
    this.rebuilding = true;
    const refused = this.copy;
    refused.retired = true;
    // Others stop seeing this copy's caret at once rather than when its awareness times out.
    refused.provider.awareness.setLocalState(null);
    refused.provider.disconnect();
    // The refused edits are in this device's store too: they must not come back on the next visit.
    const cleared = refused.persistence
      ? refused.persistence.clearData().catch(() => undefined)
      : Promise.resolve();
    void cleared.then(() => {
      if (this.destroyed || this.store.getState().ended) return;
      this.nextCopy = this.openCopy(new Y.Doc(), navigator.onLine);
    });
  }

  private replaceCopy(next: DocCopy): void {
    if (this.destroyed) return;
    const old = this.copy;
    this.copy = next;
    this.nextCopy = null;
    this.rebuilding = false;
    old.detach();
    this.patch({ doc: next.doc, synced: next.provider.synced, localLoaded: true });
    this.refreshPresence();
    this.refreshSave();
    // The views let go of the old copy when they render the new one.
    setTimeout(() => old.doc.destroy(), 1000);
  }

  private reconnectingOr(state: ConnectionState): ConnectionState {
    return this.store.getState().connection === 'connecting' ? state : 'reconnecting';
  }

  private endSession(ended: { code: string; message: string }): void {
    if (this.store.getState().ended) return;
    this.copy.provider.disconnect();
    this.nextCopy?.provider.disconnect();
    this.socket.disconnect();
    this.patch({ ended });
  }

  /** The clock of this client's own edits: what must be stored for "all changes saved". */
  localClock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  private refreshSave(): void {
    const clock = this.localClock();
    const { synced, connection } = this.store.getState();
    let save: SaveState;
    if (clock === 0) save = this.savedStatus || synced ? 'saved' : 'unknown';
    else if (this.savedStatus && isSavedUpTo(this.savedStatus, this.doc.clientID, clock))
      save = 'saved';
    else save = connection === 'online' ? 'saving' : 'pending-offline';
    this.patch({ save });
  }

  private refreshPresence(): void {
    const people: PresencePerson[] = [];
    if (this.socketPresence && this.socket.connected) {
      const seen = new Set<string>();
      for (const entry of this.socketPresence) {
        if (seen.has(entry.memberId)) continue;
        seen.add(entry.memberId);
        people.push({
          key: entry.memberId,
          memberId: entry.memberId,
          name: entry.name,
          role: entry.role,
          partyId: entry.partyId,
          color: entry.color,
          focus: entry.focus,
          self: entry.memberId === this.user.memberId,
        });
      }
    } else {
      // Without the presence channel, the document's awareness still says who is editing.
      const seen = new Set<string>();
      for (const [clientId, state] of this.provider.awareness.getStates()) {
        const user = (state as { user?: Partial<SessionUser> }).user;
        if (!user?.name) continue;
        const memberId = user.memberId ?? String(clientId);
        if (seen.has(memberId)) continue;
        seen.add(memberId);
        people.push({
          key: memberId,
          memberId,
          name: user.name,
          role: user.role ?? '',
          partyId: user.partyId ?? null,
          color: user.color ?? '#94a3b8',
          focus: null,
          self: clientId === this.doc.clientID,
        });
      }
    }
    people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
    this.patch({ presence: people });
  }

  private focused: string | null = null;

  /** Tells the others which clause this member is working in (once per change). */
  focusClause(clauseId: string | null): void {
    if (clauseId === this.focused) return;
    this.focused = clauseId;
    if (this.socket.connected) this.socket.emit('presence:focus', { clauseId }, () => undefined);
  }

  /** Writes only what changed, so that views are not woken by a state equal to the last. */
  private patch(partial: Partial<SessionState>): void {
    const current = this.store.getState();
    const changed = (Object.keys(partial) as (keyof SessionState)[]).some(
      (key) => current[key] !== partial[key],
    );
    if (!changed || this.destroyed) return;
    this.store.setState(partial);
  }

  destroy(): void {
    this.destroyed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.socket.disconnect();
    for (const copy of [this.copy, this.nextCopy]) {
      if (!copy) continue;
      copy.detach();
      void copy.persistence?.destroy();
      copy.doc.destroy();
    }
  }
}
