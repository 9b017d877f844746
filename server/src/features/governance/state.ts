// The governance state of each loaded room (mode, agenda, current item, locks), owned by the
// room: read from the store when the room loads, changed only through `mutate`, which stores a
// change before the room's copy takes it. The write rules read it on every write without a query.
import type { MediationMode, MediationState } from '@parley/shared/mediation';
import type { RoomContext, RoomHook, RoomRuntime } from '../../rooms';
import { roomSlot } from '../../rooms';
import type { GovernanceStore } from './storeTypes';

export interface RoomGovernance {
  mode: MediationMode;
  agenda: string[];
  current: string | null;
  locks: Set<string>;
  /** Set while the sheet is agreed: every write is refused until it is reopened. */
  agreedAt: number | null;
}

interface GovernanceSlot {
  state: RoomGovernance | null;
  /** Changes run one after another per room. */
  queue: Promise<unknown>;
}

const governanceSlot = roomSlot<GovernanceSlot>('governance', () => ({
  state: null,
  queue: Promise.resolve(),
}));

export function snapshotOf(state: RoomGovernance): MediationState {
  return {
    mode: state.mode,
    locks: [...state.locks].sort(),
    agenda: [...state.agenda],
    current: state.current,
    agreedAt: state.agreedAt,
  };
}

/** The room's governance state; loaded with the room, so always there once it is. */
export function roomGovernance(room: RoomContext): RoomGovernance {
  const { state } = room.slot(governanceSlot);
  if (state === null) throw new Error(`room ${room.id}: governance state is not loaded`);
  return state;
}

/**
 * Reads the room's governance state from the store into its slot. A state already there is
 * updated in place, so a change running on it keeps working on the room's one copy.
 */
async function loadGovernance(room: RoomContext, store: GovernanceStore): Promise<RoomGovernance> {
  const [state, locks] = await Promise.all([
    store.getMediationState(room.id),
    store.listLocks(room.id),
  ]);
  const loaded: RoomGovernance = {
    mode: state?.mode ?? 'normal',
    agenda: state?.agenda ?? [],
    current: state?.current ?? null,
    locks: new Set(locks.map((l) => l.clauseId)),
    agreedAt: state?.agreedAt ?? null,
  };
  const slot = room.slot(governanceSlot);
  if (slot.state === null) slot.state = loaded;
  else Object.assign(slot.state, loaded);
  return slot.state;
}

/** Reads the room's governance state from the store as the room loads. */
export function governanceStateHook(store: GovernanceStore): RoomHook {
  return {
    name: 'governance-state',
    async onLoad(room) {
      await loadGovernance(room, store);
    },
  };
}

export class GovernanceStates {
  /**
   * @param fresh several instances change the same rooms: every decision reads the state from
   *   the store rather than from this instance's copy, which another instance may have outdated.
   */
  constructor(
    private readonly rooms: Pick<RoomRuntime, 'hold'>,
    private readonly store: GovernanceStore,
    readonly fresh = false,
  ) {}

  /** The state a decision on the room rests on: the room's copy, or the store's when fresh. */
  current(room: RoomContext): Promise<RoomGovernance> {
    return this.fresh ? loadGovernance(room, this.store) : Promise.resolve(roomGovernance(room));
  }

  /** { mode, locks, agenda, current } of the room. */
  read(roomId: string): Promise<MediationState> {
    return this.rooms.hold(roomId, async (room) => snapshotOf(await this.current(room)));
  }

  /**
   * Runs `change` on the room's state after every earlier change of the same room. `change`
   * stores what it changes and mutates the state it is given only after the store succeeded.
   */
  mutate<T>(roomId: string, change: (state: RoomGovernance) => Promise<T>): Promise<T> {
    return this.rooms.hold(roomId, (room) => {
      const slot = room.slot(governanceSlot);
      const run = slot.queue.then(async () => change(await this.current(room)));
      slot.queue = run.catch(() => undefined);
      return run;
    });
  }

  /** Stores mode, agenda, current item and the agreement freeze (locks are stored on their own). */
  saveModeAndAgenda(roomId: string, state: RoomGovernance, at: number): Promise<void> {
    return this.store.saveMediationState(
      roomId,
      { mode: state.mode, agenda: state.agenda, current: state.current, agreedAt: state.agreedAt },
      at,
    );
  }
}
