import type { MediationMode, MediationState } from '@parley/shared/mediation';
import type { Store } from '../store/types';

interface RoomGovernance {
  mode: MediationMode;
  agenda: string[];
  current: string | null;
  locks: Set<string>;
}

function snapshot(state: RoomGovernance): MediationState {
  return {
    mode: state.mode,
    locks: [...state.locks].sort(),
    agenda: [...state.agenda],
    current: state.current,
  };
}

/** How long a room's state is trusted before it is read again (other instances may change it). */
const REFRESH_MS = 1000;

/**
 * The mediation state of each room (mode, locks, agenda), read from the store and kept here for
 * a moment, since the write guard asks for it on every document write; the store stays the truth
 * that several instances share. Every change goes through `mutate`, which runs one change per
 * room at a time on a fresh read and stores it before the kept copy changes.
 */
export class RoomModes {
  private readonly loaded = new Map<string, { state: Promise<RoomGovernance>; at: number }>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private load(roomId: string, fresh = false): Promise<RoomGovernance> {
    const kept = this.loaded.get(roomId);
    if (!fresh && kept !== undefined && this.now() - kept.at < REFRESH_MS) return kept.state;
    const loading = (async (): Promise<RoomGovernance> => {
      const [state, locks] = await Promise.all([
        this.store.getMediationState(roomId),
        this.store.listLocks(roomId),
      ]);
      return {
        mode: state?.mode ?? 'normal',
        agenda: state?.agenda ?? [],
        current: state?.current ?? null,
        locks: new Set(locks.map((l) => l.clauseId)),
      };
    })();
    const entry = { state: loading, at: this.now() };
    this.loaded.set(roomId, entry);
    // A failed read is not kept: the next call reads again.
    loading.catch(() => {
      if (this.loaded.get(roomId) === entry) this.loaded.delete(roomId);
    });
    return loading;
  }

  /** { mode, locks, agenda, current } of the room. */
  async getMediationState(roomId: string): Promise<MediationState> {
    return snapshot(await this.load(roomId));
  }

  /**
   * Runs `change` on the room's state after every earlier change of the same room. `change`
   * stores what it changes and mutates the state it is given only after the store succeeded.
   */
  mutate<T>(roomId: string, change: (state: RoomGovernance) => Promise<T>): Promise<T> {
    const previous = this.queues.get(roomId) ?? Promise.resolve();
    const run = previous.then(async () => {
      const state = await this.load(roomId, true);
      try {
        return await change(state);
      } finally {
        // What this change left is the newest state, whatever a read meanwhile brought in.
        this.loaded.set(roomId, { state: Promise.resolve(state), at: this.now() });
      }
    });
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(roomId, settled);
    void settled.then(() => {
      if (this.queues.get(roomId) === settled) this.queues.delete(roomId);
    });
    return run;
  }

  /** Stores mode, agenda and current item (locks are stored on their own). */
  saveModeAndAgenda(roomId: string, state: RoomGovernance, at: number): Promise<void> {
    return this.store.saveMediationState(
      roomId,
      { mode: state.mode, agenda: state.agenda, current: state.current },
      at,
    );
  }
}

export type { RoomGovernance };
