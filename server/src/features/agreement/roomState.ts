// The agreement's per-room state, owned by the loaded room: one queue for every read-modify-write
// of proposals and sign-offs, what was last published, and the pending rechecks after edits.
import { roomSlot } from '../../rooms';
import type { RoomContext } from '../../rooms';
import type { AgreementDeps } from './deps';

/** Calls `run` once, `ms` after the last `touch`. */
export class Debounce {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private work: (() => void) | null = null;

  constructor(private readonly ms: number) {}

  touch(run: () => void): void {
    this.work = run;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.ms);
  }

  get pending(): boolean {
    return this.work !== null;
  }

  private fire(): void {
    this.timer = null;
    const work = this.work;
    this.work = null;
    work?.();
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.work = null;
  }
}

export interface AgreementRoom {
  /** The tail of the room's queue of read-modify-write steps. */
  tail: Promise<unknown>;
  /** Proposals being written into the document right now: their own edit does not make them stale. */
  applying: Set<string>;
  /** Last impact published per proposal, to push only real changes after a document edit. */
  lastImpact: Map<string, string>;
  /** Voids broken sign-offs shortly after edits stop. */
  signOffRecheck: Debounce;
  /** Recomputes open proposals' impacts shortly after edits stop. */
  impactRefresh: Debounce;
}

export const SIGN_OFF_RECHECK_MS = 150;
export const IMPACT_REFRESH_MS = 250;

export const agreementSlot = roomSlot<AgreementRoom>(
  'agreement',
  () => ({
    tail: Promise.resolve(),
    applying: new Set(),
    lastImpact: new Map(),
    signOffRecheck: new Debounce(SIGN_OFF_RECHECK_MS),
    impactRefresh: new Debounce(IMPACT_REFRESH_MS),
  }),
  (state) => {
    state.signOffRecheck.cancel();
    state.impactRefresh.cancel();
  },
);

/**
 * Runs `step` after every earlier step of the same room, with the room held loaded until it
 * settles; a failed step does not stall the ones after it.
 */
export function inRoomQueue<T>(
  deps: Pick<AgreementDeps, 'rooms'>,
  roomId: string,
  step: (room: RoomContext, state: AgreementRoom) => Promise<T>,
): Promise<T> {
  return deps.rooms.hold(roomId, (room) => inLoadedRoomQueue(room, step));
}

/** The same, for a room the caller already holds (an onUnload hook). */
export function inLoadedRoomQueue<T>(
  room: RoomContext,
  step: (room: RoomContext, state: AgreementRoom) => Promise<T>,
): Promise<T> {
  const state = room.slot(agreementSlot);
  const run = state.tail.then(
    () => step(room, state),
    () => step(room, state),
  );
  state.tail = run.catch(() => undefined);
  return run;
}
