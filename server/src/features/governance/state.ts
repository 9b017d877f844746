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

/** Reads the room's governance state from the store as the room loads. */
export function governanceStateHook(store: GovernanceStore): RoomHook {
  return {
    name: 'governance-state',
    async onLoad(room) {
      const [state, locks] = await Promise.all([
        store.getMediationState(room.id),
        store.listLocks(room.id),
      ]);
      room.slot(governanceSlot).state = {
        mode: state?.mode ?? 'normal',
        agenda: state?.agenda ?? [],
        current: state?.current ?? null,
        locks: new Set(locks.map((l) => l.clauseId)),
        agreedAt: state?.agreedAt ?? null,
      };
    },
  };
}

export class GovernanceStates {
  constructor(
    private readonly rooms: Pick<RoomRuntime, 'hold'>,
    private readonly store: GovernanceStore,
  ) {}

  /** { mode, locks, agenda, current } of the room. */
  read(roomId: string): Promise<MediationState> {
    return this.rooms.hold(roomId, (room) => snapshotOf(roomGovernance(room)));
  }

  /**
   * Runs `change` on the room's state after every earlier change of the same room. `change`
   * stores what it changes and mutates the state it is given only after the store succeeded.
   */
  mutate<T>(roomId: string, change: (state: RoomGovernance) => Promise<T>): Promise<T> {
    return this.rooms.hold(roomId, (room) => {
      const slot = room.slot(governanceSlot);
      const run = slot.queue.then(() => change(roomGovernance(room)));
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
