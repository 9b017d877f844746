// Who changed which value, as the server tells the room: the last change of each parameter by
// someone else, kept for this visit, so fields can flash and say "changed by Ada, was 45 %".
import { activityChangedSchema } from '@parley/shared/protocol';
import type {
  ActivityChanged,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@parley/shared/protocol';
import type { Socket } from 'socket.io-client';
import { createStore } from '../../lib/store';
import type { ReadStore, StoreApi } from '../../lib/store';

/** The last change someone else made to one parameter. */
export interface ChangeMark {
  memberId: string;
  name: string;
  partyId: string | null;
  old?: unknown;
  new?: unknown;
  at: number;
  /** When this browser heard of it (the flash runs from then). */
  receivedAt: number;
  /** Increases with every change, so a field can restart its flash. */
  seq: number;
}

export interface ActivityState {
  /** By `markKey(clauseId, path)`. */
  marks: Record<string, ChangeMark>;
}

export function markKey(clauseId: string, path: string): string {
  return `${clauseId}|${path}`;
}

/** How many parameter marks are kept; the oldest go first. */
const MAX_MARKS = 400;

/** Folds one event into the marks; pure, so tests apply it without a socket. */
export function marksAfter(
  marks: Record<string, ChangeMark>,
  event: ActivityChanged,
  selfId: string,
  seq: number,
  receivedAt: number,
): Record<string, ChangeMark> | null {
  if (event.memberId === selfId || event.params.length === 0) return null;
  const next = { ...marks };
  for (const change of event.params) {
    const key = markKey(change.clauseId, change.path);
    const earlier = next[key];
    delete next[key];
    next[key] = {
      memberId: event.memberId,
      name: event.name,
      partyId: event.partyId,
      // Quick successive edits by the same person keep the value from before the first of them.
      ...(earlier && earlier.memberId === event.memberId && event.at - earlier.at < 10_000
        ? 'old' in earlier
          ? { old: earlier.old }
          : {}
        : 'old' in change
          ? { old: change.old }
          : {}),
      ...('new' in change ? { new: change.new } : {}),
      at: event.at,
      receivedAt,
      seq,
    };
  }
  const keys = Object.keys(next);
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_MARKS))) delete next[key];
  return next;
}

type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The room's live change marks; views read `state`. */
export class ActivityStore {
  private readonly store: StoreApi<ActivityState> = createStore<ActivityState>()(() => ({
    marks: {},
  }));
  readonly state: ReadStore<ActivityState> = this.store;
  private seq = 0;

  constructor(
    private readonly socket: RoomSocket,
    private readonly selfId: string,
  ) {}

  attach(): () => void {
    const onChanged = (payload: ActivityChanged) => {
      const parsed = activityChangedSchema.safeParse(payload);
      if (!parsed.success) return;
      const marks = marksAfter(
        this.store.getState().marks,
        parsed.data,
        this.selfId,
        ++this.seq,
        Date.now(),
      );
      if (marks) this.store.setState({ marks });
    };
    this.socket.on('activity:changed', onChanged);
    return () => {
      this.socket.off('activity:changed', onChanged);
    };
  }
}
