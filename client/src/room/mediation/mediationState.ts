// What the mediation views show, and how each server event or answer changes it, as pure
// functions of the last state: the store applies them, and tests apply them without a server.
import type {
  CaucusMessage,
  Dispute,
  Draft,
  MediationState,
  OverlapPublication,
  OverlapView,
  Position,
  ProposalView,
  SignOffState,
} from '@parley/shared/mediation';
import type { ClientToServerEvents, ServerToClientEvents } from '@parley/shared/protocol';

export interface MediationNotice {
  id: number;
  tone: 'error' | 'warning' | 'info';
  text: string;
}

export type MediationTab =
  'agreement' | 'proposals' | 'disputes' | 'caucus' | 'agenda' | 'positions';

export interface MediationSnapshot {
  loaded: boolean;
  state: MediationState;
  drafts: Draft[];
  disputes: Dispute[];
  /** The mediator's queue of open disputes, oldest first. */
  queue: Dispute[];
  mediatorPresent: boolean;
  proposals: ProposalView[];
  signoffs: SignOffState;
  positions: Position[];
  published: OverlapPublication[];
  overlaps: OverlapView[];
  caucus: Record<string, CaucusMessage[]>;
  notices: MediationNotice[];
  /** The mediation drawer and the tab it shows. */
  panel: { open: boolean; tab: MediationTab };
}

/** A change to the snapshot: the fields that change, or null when nothing does. */
export type MediationUpdate = Partial<MediationSnapshot> | null;

/** Notices on screen at once; an older one gives way to a newer. */
const NOTICES_SHOWN = 4;

export const initialMediationSnapshot: MediationSnapshot = {
  loaded: false,
  state: { mode: 'normal', locks: [], agenda: [], current: null, agreedAt: null },
  drafts: [],
  disputes: [],
  queue: [],
  mediatorPresent: false,
  proposals: [],
  signoffs: { signOffs: [], agreement: { agreed: false, missing: [], sheetErrors: 0 } },
  positions: [],
  published: [],
  overlaps: [],
  caucus: {},
  notices: [],
  panel: { open: false, tab: 'agreement' },
};

function upsert<T>(list: T[], item: T, same: (a: T) => boolean): T[] {
  const index = list.findIndex(same);
  if (index < 0) return [...list, item];
  const next = list.slice();
  next[index] = item;
  return next;
}

/** A caucus message, once: it may come both as the answer to sending it and as an event. */
export function caucusAdded(snapshot: MediationSnapshot, message: CaucusMessage): MediationUpdate {
  const list = snapshot.caucus[message.partyId] ?? [];
  if (list.some((m) => m.id === message.id)) return null;
  return { caucus: { ...snapshot.caucus, [message.partyId]: [...list, message] } };
}

/** A proposal created or moved on: replaces the one with its id, or joins. */
export function proposalChanged(
  snapshot: MediationSnapshot,
  proposal: ProposalView,
): MediationUpdate {
  return { proposals: upsert(snapshot.proposals, proposal, (p) => p.id === proposal.id) };
}

/** Server events that only change the snapshot; `signoffs:voided` also speaks, so the store has it. */
export type SnapshotEvent =
  | 'mediation:changed'
  | 'drafts:changed'
  | 'disputes:changed'
  | 'disputes:queue'
  | 'caucus:message'
  | 'proposals:changed'
  | 'signoffs:changed'
  | 'positions:changed'
  | 'positions:overlaps'
  | 'positions:published';

/** How each mediation event from the server changes what this member sees. */
export const mediationEvents: {
  [E in SnapshotEvent]: (
    snapshot: MediationSnapshot,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ) => MediationUpdate;
} = {
  'mediation:changed': (_snapshot, state) => ({ state }),
  'drafts:changed': (snapshot, draft) => ({
    drafts: upsert(snapshot.drafts, draft, (d) => d.number === draft.number),
  }),
  // A dispute that is no longer open leaves the mediator's queue at once; new ones arrive with
  // the queue's own event, in the server's order.
  'disputes:changed': (snapshot, dispute) => ({
    disputes: upsert(snapshot.disputes, dispute, (d) => d.id === dispute.id),
    queue:
      dispute.status === 'open'
        ? snapshot.queue
        : snapshot.queue.filter((d) => d.id !== dispute.id),
  }),
  'disputes:queue': (_snapshot, { disputes }) => ({ queue: disputes }),
  'caucus:message': caucusAdded,
  'proposals:changed': proposalChanged,
  'signoffs:changed': (_snapshot, signoffs) => ({ signoffs }),
  'positions:changed': (_snapshot, list) => ({
    positions: list.positions,
    published: list.published,
  }),
  'positions:overlaps': (_snapshot, { overlaps }) => ({ overlaps }),
  'positions:published': (snapshot, publication) => ({
    published: upsert(
      snapshot.published,
      publication,
      (p) => p.clauseId === publication.clauseId && p.param === publication.param,
    ),
  }),
};

type Events = ClientToServerEvents;

/**
 * What the server's answer to this member's own action changes at once, without waiting for the
 * event that tells everyone (which may come later, or not at all to the sender).
 */
export function actionAnswered<E extends keyof Events>(
  snapshot: MediationSnapshot,
  event: E,
  data: unknown,
): MediationUpdate {
  switch (event) {
    case 'caucus:send':
      return caucusAdded(snapshot, data as CaucusMessage);
    case 'proposals:create':
    case 'proposals:counter':
    case 'proposals:decide':
    case 'proposals:apply':
    case 'proposals:withdraw':
      return proposalChanged(snapshot, data as ProposalView);
    case 'mediation:lock':
    case 'mediation:unlock':
    case 'mediation:mode':
    case 'agenda:set':
    case 'agenda:current':
      return { state: data as MediationState };
    default:
      return null;
  }
}

export function noticeAdded(snapshot: MediationSnapshot, notice: MediationNotice): MediationUpdate {
  return { notices: [...snapshot.notices, notice].slice(-NOTICES_SHOWN) };
}

export function noticeDismissed(snapshot: MediationSnapshot, id: number): MediationUpdate {
  return { notices: snapshot.notices.filter((n) => n.id !== id) };
}
