// The agreement's per-room state, owned by the loaded room: one queue for every read-modify-write
// of proposals and sign-offs, the room's proposals and sign-offs kept in memory once read (so an
// edit never waits on a query), and the rechecks that follow edits, each at most one at a time.
import type { Proposal, SignOff } from '@parley/shared/mediation';
import { roomSlot } from '../../rooms';
import type { RoomContext } from '../../rooms';
import type { AgreementDeps } from './deps';

/**
 * Work asked for again while it runs is done once more afterwards, on the state of then: at most
 * one run in flight, and the latest state always has its run.
 */
export class Coalesced {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly work: () => Promise<void>) {}

  request(): void {
    if (this.running !== null) {
      this.again = true;
      return;
    }
    this.start();
  }

  private start(): void {
    this.again = false;
    this.running = this.work().finally(() => {
      this.running = null;
      if (this.again) this.start();
    });
  }

  get pending(): boolean {
    return this.running !== null;
  }

  /** Resolves once no run is in flight nor asked for. */
  async settled(): Promise<void> {
    while (this.running !== null) await this.running.catch(() => undefined);
  }
}

export interface AgreementRoom {
  /** The tail of the room's queue of read-modify-write steps. */
  tail: Promise<unknown>;
  /** Every proposal of the room, oldest first, once read from the store. */
  proposals: Proposal[] | null;
  /** Every sign-off of the room, oldest first, once read from the store. */
  signOffs: SignOff[] | null;
  /** Proposals being written into the document right now: their own edit does not make them stale. */
  applying: Set<string>;
  /** Last impact published per proposal, to push only real changes after a document edit. */
  lastImpact: Map<string, string>;
  /** Clauses changed since the last staleness check. */
  touched: Set<string>;
  staleness: Coalesced | null;
  voiding: Coalesced | null;
}

export const agreementSlot = roomSlot<AgreementRoom>('agreement', () => ({
  tail: Promise.resolve(),
  proposals: null,
  signOffs: null,
  applying: new Set(),
  lastImpact: new Map(),
  touched: new Set(),
  staleness: null,
  voiding: null,
}));

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

/** The room's proposals, read from the store the first time. */
export async function roomProposals(
  deps: Pick<AgreementDeps, 'store'>,
  room: RoomContext,
  state: AgreementRoom,
): Promise<Proposal[]> {
  state.proposals ??= await deps.store.listProposals(room.id);
  return state.proposals;
}

/** Stores a proposal and keeps the room's list in step. */
export async function saveProposal(
  deps: Pick<AgreementDeps, 'store'>,
  state: AgreementRoom,
  proposal: Proposal,
): Promise<void> {
  await deps.store.saveProposal(proposal);
  if (state.proposals === null) return;
  const index = state.proposals.findIndex((p) => p.id === proposal.id);
  if (index < 0) state.proposals.push(proposal);
  else state.proposals[index] = proposal;
}

/** The room's sign-offs, read from the store the first time. */
export async function roomSignOffs(
  deps: Pick<AgreementDeps, 'store'>,
  room: RoomContext,
  state: AgreementRoom,
): Promise<SignOff[]> {
  state.signOffs ??= await deps.store.listSignOffs(room.id);
  return state.signOffs;
}

/** Stores a sign-off and keeps the room's list in step. */
export async function saveSignOff(
  deps: Pick<AgreementDeps, 'store'>,
  state: AgreementRoom,
  signOff: SignOff,
): Promise<void> {
  await deps.store.saveSignOff(signOff);
  if (state.signOffs === null) return;
  const index = state.signOffs.findIndex((s) => s.id === signOff.id);
  if (index < 0) state.signOffs.push(signOff);
  else state.signOffs[index] = signOff;
}
