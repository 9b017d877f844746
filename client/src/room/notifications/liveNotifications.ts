// The bell's news that the server does not store: caucus messages, proposals waiting for this
// member's party, voided sign-offs, and people joining or leaving, derived from the live events the
// room already receives; they last for this visit.
import type { CaucusMessage, ProposalView, SignOffVoidedEvent } from '@parley/shared/mediation';
import type {
  ClientToServerEvents,
  PresenceState,
  ServerToClientEvents,
} from '@parley/shared/protocol';
import type { Socket } from 'socket.io-client';
import { createStore } from '../../lib/store';
import type { ReadStore, StoreApi } from '../../lib/store';

export type LiveKind = 'caucus' | 'proposal' | 'voided' | 'joined' | 'left';

export interface LiveNotification {
  id: string;
  kind: LiveKind;
  /** Who it is about (the author, the person joining); empty when the text says it all. */
  actor: string;
  /** What happened, after the actor's name: "proposed a change to". */
  text: string;
  /** The clause it concerns, if any: the notification leads there. */
  clauseId: string | null;
  at: number;
  read: boolean;
}

export interface LiveState {
  items: LiveNotification[];
  unread: number;
}

/** Who this member is, for telling their own doings from news. */
export interface LiveViewer {
  memberId: string;
  partyId: string | null;
  /** Whether this member decides for a party (organizer or negotiator). */
  decides: boolean;
}

/** Notifications kept; older ones fall off. */
const MAX_ITEMS = 50;
/** Someone who leaves and is back within this long reloaded a page: no news. */
export const LEAVE_GRACE_MS = 8000;

const voidReasons: Record<string, string> = {
  'clause-changed': 'the clause changed',
  'value-changed': 'the figures changed',
  'clause-removed': 'the clause was removed',
  withdrawn: 'it was withdrawn',
};

function excerpt(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** Adds one notification in front, once per id. */
export function added(state: LiveState, item: LiveNotification): LiveState | null {
  if (state.items.some((n) => n.id === item.id)) return null;
  const items = [item, ...state.items].slice(0, MAX_ITEMS);
  return { items, unread: items.filter((n) => !n.read).length };
}

export function caucusNews(
  message: CaucusMessage,
  viewer: LiveViewer,
  partyName: (id: string) => string,
): LiveNotification | null {
  if (message.authorId === viewer.memberId) return null;
  const where = viewer.partyId === null ? ` with ${partyName(message.partyId)}` : '';
  return {
    id: `caucus:${message.id}`,
    kind: 'caucus',
    actor: message.authorName,
    text: `wrote in the caucus${where}: “${excerpt(message.body)}”`,
    clauseId: null,
    at: message.at,
    read: false,
  };
}

/** A proposal that now waits for this member's party to decide: told once per proposal. */
export function proposalNews(
  proposal: ProposalView,
  viewer: LiveViewer,
  clauseTitle: (id: string) => string,
): LiveNotification | null {
  if (!viewer.decides || viewer.partyId === null) return null;
  if (proposal.author.memberId === viewer.memberId) return null;
  if (proposal.status !== 'open' || !proposal.pendingParties.includes(viewer.partyId)) return null;
  return {
    id: `proposal:${proposal.id}`,
    kind: 'proposal',
    actor: proposal.author.name,
    text: `proposed a change to ${clauseTitle(proposal.clauseId)}; your party’s decision is awaited`,
    clauseId: proposal.clauseId,
    at: proposal.createdAt,
    read: false,
  };
}

export function voidedNews(
  event: SignOffVoidedEvent,
  clauseTitle: (id: string) => string,
  now: number,
): LiveNotification {
  const { signOff, reason } = event;
  return {
    id: `voided:${signOff.clauseId}:${signOff.partyId}:${signOff.voidedAt ?? now}`,
    kind: 'voided',
    actor: '',
    text: `Your party’s sign-off on ${clauseTitle(signOff.clauseId)} was voided: ${voidReasons[reason] ?? reason}`,
    clauseId: signOff.clauseId,
    at: signOff.voidedAt ?? now,
    read: false,
  };
}

/** The members present, by id, without this member. */
export function presentMembers(state: PresenceState, selfId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of state.entries)
    if (entry.memberId !== selfId) out.set(entry.memberId, entry.name);
  return out;
}

type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The bell's live news for one open room; views read `state`. */
export class LiveNotifications {
  private readonly store: StoreApi<LiveState> = createStore<LiveState>()(() => ({
    items: [],
    unread: 0,
  }));
  readonly state: ReadStore<LiveState> = this.store;
  /** Who was here at the last presence update; null until the first one after connecting. */
  private present: Map<string, string> | null = null;
  private readonly leaving = new Map<string, ReturnType<typeof setTimeout>>();
  private seq = 0;

  /** Names for messages; set by the room from its document. */
  clauseTitle: (clauseId: string) => string = () => 'a clause';
  partyName: (partyId: string) => string = (id) => id;

  constructor(
    private readonly socket: RoomSocket,
    private readonly viewer: LiveViewer,
    private readonly now: () => number = Date.now,
  ) {}

  private push(item: LiveNotification | null): void {
    if (!item) return;
    const next = added(this.store.getState(), item);
    if (next) this.store.setState(next);
  }

  attach(): () => void {
    const socket = this.socket;
    const onCaucus = (message: CaucusMessage) =>
      this.push(caucusNews(message, this.viewer, this.partyName));
    const onProposal = (proposal: ProposalView) =>
      this.push(proposalNews(proposal, this.viewer, this.clauseTitle));
    const onVoided = (event: SignOffVoidedEvent) =>
      this.push(voidedNews(event, this.clauseTitle, this.now()));
    const onPresence = (state: PresenceState) => this.presence(state);
    // After a reconnection the first presence state is the new baseline, not news.
    const onDisconnect = () => {
      this.present = null;
    };
    socket.on('caucus:message', onCaucus);
    socket.on('proposals:changed', onProposal);
    socket.on('signoffs:voided', onVoided);
    socket.on('presence:state', onPresence);
    socket.on('disconnect', onDisconnect);
    return () => {
      socket.off('caucus:message', onCaucus);
      socket.off('proposals:changed', onProposal);
      socket.off('signoffs:voided', onVoided);
      socket.off('presence:state', onPresence);
      socket.off('disconnect', onDisconnect);
      for (const timer of this.leaving.values()) clearTimeout(timer);
      this.leaving.clear();
    };
  }

  private presence(state: PresenceState): void {
    const now = presentMembers(state, this.viewer.memberId);
    const before = this.present;
    this.present = now;
    if (before === null) return;
    for (const [memberId, name] of now) {
      if (before.has(memberId)) continue;
      const pending = this.leaving.get(memberId);
      if (pending !== undefined) {
        // Back before the leave was told: a reload, not news.
        clearTimeout(pending);
        this.leaving.delete(memberId);
        continue;
      }
      this.push({
        id: `joined:${memberId}:${++this.seq}`,
        kind: 'joined',
        actor: name,
        text: 'joined the room',
        clauseId: null,
        at: this.now(),
        read: false,
      });
    }
    for (const [memberId, name] of before) {
      if (now.has(memberId) || this.leaving.has(memberId)) continue;
      const timer = setTimeout(() => {
        this.leaving.delete(memberId);
        this.push({
          id: `left:${memberId}:${++this.seq}`,
          kind: 'left',
          actor: name,
          text: 'left the room',
          clauseId: null,
          at: this.now(),
          read: false,
        });
      }, LEAVE_GRACE_MS);
      this.leaving.set(memberId, timer);
    }
  }

  markRead(ids?: string[]): void {
    const items = this.store
      .getState()
      .items.map((n) => (ids === undefined || ids.includes(n.id) ? { ...n, read: true } : n));
    this.store.setState({ items, unread: items.filter((n) => !n.read).length });
  }
}
