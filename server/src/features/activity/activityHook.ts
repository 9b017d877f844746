// The room hook behind "changed by whom, was what": it keeps each clause's last known params,
// diffs the clauses a member's change touched, and tells the room once the change is stored.
import { MAX_ACTIVITY_PARAMS } from '@parley/shared/protocol';
import type { ActivityChanged, ActivityParamChange } from '@parley/shared/protocol';
import { paramValueChanges, readClauseOrder, readParams } from '@parley/shared/room';
import { everyone } from '../../realtime';
import type { RoomBroadcaster } from '../../realtime';
import { roomSlot } from '../../rooms';
import type { RoomContext, RoomHook } from '../../rooms';
import { clausesWithParamChanges } from './paramsTouched';

/** Who a member is, as the event names them. */
export interface ActivityMember {
  name: string;
  partyId: string | null;
}

export interface ActivityDeps {
  broadcast: Pick<RoomBroadcaster, 'to'>;
  /** The member's name and party; undefined for an id the room does not know. */
  member(roomId: string, memberId: string): Promise<ActivityMember | undefined>;
  now(): number;
  onError(error: unknown, roomId: string): void;
}

interface Pending {
  memberId: string;
  params: ActivityParamChange[];
  truncated: boolean;
}

interface ActivitySlot {
  /** Each clause's params as of the last change this hook saw (JSON, as exported). */
  params: Map<string, unknown>;
  /** The diff of the change applied but not yet stored; the runtime stores one change at a time. */
  pending: Pending | null;
  members: Map<string, ActivityMember | undefined>;
  /** Keeps the room's events in the order of its changes while names are looked up. */
  queue: Promise<void>;
}

const activitySlot = roomSlot<ActivitySlot>('activity', () => ({
  params: new Map(),
  pending: null,
  members: new Map(),
  queue: Promise.resolve(),
}));

function safeParams(room: RoomContext, clauseId: string): unknown {
  try {
    return readParams(room.doc, clauseId);
  } catch {
    // The clause is gone.
    return undefined;
  }
}

export function activityHook(deps: ActivityDeps): RoomHook {
  const memberOf = async (slot: ActivitySlot, roomId: string, memberId: string) => {
    if (!slot.members.has(memberId))
      slot.members.set(memberId, await deps.member(roomId, memberId));
    return slot.members.get(memberId);
  };
  return {
    name: 'activity',
    onLoad(room) {
      const slot = room.slot(activitySlot);
      for (const id of readClauseOrder(room.doc)) slot.params.set(id, safeParams(room, id));
    },
    onChange(room, change) {
      const slot = room.slot(activitySlot);
      slot.pending = null;
      const touched = clausesWithParamChanges(change.transaction);
      const params: ActivityParamChange[] = [];
      let truncated = false;
      for (const clauseId of [...touched].sort()) {
        const after = safeParams(room, clauseId);
        const before = slot.params.get(clauseId);
        if (after === undefined) slot.params.delete(clauseId);
        else slot.params.set(clauseId, after);
        // A clause added or removed as a whole is not a parameter change anyone needs flashed.
        if (before === undefined || after === undefined) continue;
        const remaining = MAX_ACTIVITY_PARAMS - params.length;
        const diff = paramValueChanges(before, after, remaining + 1);
        if (diff.length > remaining) truncated = true;
        for (const d of diff.slice(0, remaining)) {
          params.push({
            clauseId,
            path: d.path,
            ...(d.before !== undefined ? { old: d.before } : {}),
            ...(d.after !== undefined ? { new: d.after } : {}),
          });
        }
      }
      if (change.memberId !== null) slot.pending = { memberId: change.memberId, params, truncated };
    },
    afterStore(room, change) {
      const slot = room.slot(activitySlot);
      const pending = slot.pending;
      slot.pending = null;
      if (pending === null || change.memberId !== pending.memberId) return;
      if (change.clauseIds.length === 0 && pending.params.length === 0) return;
      const at = deps.now();
      const clauseIds = [...change.clauseIds];
      const roomId = room.id;
      slot.queue = slot.queue
        .then(async () => {
          const member = await memberOf(slot, roomId, pending.memberId);
          if (member === undefined) return;
          const event: ActivityChanged = {
            memberId: pending.memberId,
            name: member.name,
            partyId: member.partyId,
            at,
            clauseIds,
            params: pending.params,
            truncated: pending.truncated,
          };
          deps.broadcast.to(roomId, everyone).emit('activity:changed', event);
        })
        .catch((error: unknown) => deps.onError(error, roomId));
    },
  };
}
