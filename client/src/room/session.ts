import { closeCodes, isSavedUpTo } from '@parley/shared';
import type {
  ClientToServerEvents,
  PresenceEntry,
  SaveStatus,
  ServerToClientEvents,
  SessionEnded,
} from '@parley/shared';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

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

export interface SessionStatus {
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

type Listener = () => void;

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

/**
 * Everything one open room needs: the shared document with its server and IndexedDB providers,
 * and the Socket.IO session carrying presence and save status. Status is an external store.
 */
export class RoomSession {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence | null;
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly user: SessionUser;
  private status: SessionStatus;
  private readonly listeners = new Set<Listener>();
  private savedStatus: SaveStatus | null = null;
  private socketPresence: PresenceEntry[] | null = null;
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;

  constructor(roomId: string, token: string, user: SessionUser) {
    this.user = user;
    this.doc = new Y.Doc();
    const online = navigator.onLine;
    this.status = {
      connection: online ? 'connecting' : 'offline',
      synced: false,
      localLoaded: false,
      save: 'unknown',
      presence: [],
      ended: null,
      readOnlyNotice: false,
      refusedWrite: null,
    };

    this.persistence =
      typeof indexedDB === 'undefined'
        ? null
        : new IndexeddbPersistence(`parley.room.${roomId}`, this.doc);
    if (this.persistence) {
      void this.persistence.whenSynced.then(() => this.patch({ localLoaded: true }));
    } else {
      this.status.localLoaded = true;
    }

    this.provider = new WebsocketProvider(collabUrl(), encodeURIComponent(roomId), this.doc, {
      params: { token },
      disableBc: true,
      connect: online,
    });
    this.provider.awareness.setLocalStateField('user', {
      name: user.name,
      color: user.color,
      memberId: user.memberId,
      role: user.role,
      partyId: user.partyId,
    });
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.patch({ connection: 'online' });
      else if (status === 'connecting')
        this.patch({
          connection: navigator.onLine ? this.reconnectingOr('connecting') : 'offline',
        });
      else this.patch({ connection: navigator.onLine ? 'reconnecting' : 'offline', synced: false });
      this.refreshSave();
    });
    this.provider.on('sync', (synced: boolean) => {
      this.patch({ synced });
      this.refreshSave();
    });
    this.provider.on('closed', (event: { code: number; reason: string }) => {
      const known = terminalCloseMessages[event.code];
      this.endSession(
        known ?? {
          code: String(event.code),
          message: event.reason || 'The server closed this room.',
        },
      );
    });
    this.provider.messageHandlers[2] = (_encoder, decoder) => {
      // y-websocket's auth message: "permission denied" for writes, with the server's reason.
      let reason = '';
      try {
        if (decoding.readVarUint(decoder) === 0) reason = decoding.readVarString(decoder);
      } catch {
        reason = '';
      }
      if (/^(clause-locked|single-text-mode|write-refused):/.test(reason)) {
        this.patch({
          refusedWrite: { reason: reason.replace(/^[a-z-]+:\s*/, ''), at: Date.now() },
        });
      } else this.patch({ readOnlyNotice: true });
    };
    const onAwareness = () => this.refreshPresence();
    this.provider.awareness.on('change', onAwareness);

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

    const onUpdate = () => this.refreshSave();
    this.doc.on('update', onUpdate);

    const goOffline = () => {
      // Dropping the connections at once makes the state honest; y-websocket would only notice later.
      this.provider.disconnect();
      this.socket.disconnect();
      this.patch({ connection: 'offline', synced: false });
      this.refreshSave();
    };
    const goOnline = () => {
      if (this.status.ended) return;
      this.patch({ connection: 'reconnecting' });
      this.provider.connect();
      this.socket.connect();
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    this.cleanups.push(() => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      this.provider.awareness.off('change', onAwareness);
      this.doc.off('update', onUpdate);
    });
  }

  private reconnectingOr(state: ConnectionState): ConnectionState {
    return this.status.connection === 'connecting' ? state : 'reconnecting';
  }

  private endSession(ended: { code: string; message: string }): void {
    if (this.status.ended) return;
    this.provider.disconnect();
    this.socket.disconnect();
    this.patch({ ended });
  }

  /** The clock of this client's own edits: what must be stored for "all changes saved". */
  localClock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  private refreshSave(): void {
    const clock = this.localClock();
    let save: SaveState;
    if (clock === 0) save = this.savedStatus || this.status.synced ? 'saved' : 'unknown';
    else if (this.savedStatus && isSavedUpTo(this.savedStatus, this.doc.clientID, clock))
      save = 'saved';
    else save = this.status.connection === 'online' ? 'saving' : 'pending-offline';
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

  getStatus = (): SessionStatus => this.status;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private patch(partial: Partial<SessionStatus>): void {
    let changed = false;
    for (const key of Object.keys(partial) as (keyof SessionStatus)[]) {
      if (this.status[key] !== partial[key]) changed = true;
    }
    if (!changed || this.destroyed) return;
    this.status = { ...this.status, ...partial };
    for (const listener of this.listeners) listener();
  }

  destroy(): void {
    this.destroyed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.socket.disconnect();
    this.provider.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
  }
}
