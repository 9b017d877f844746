import type * as Y from 'yjs';
import { computeValue } from '@parley/shared/engine';
import { clauseHashes, partyIdsOf, valueResultHash } from '@parley/shared/mediation';
import { exportTermSheet, readClauseOrder } from '@parley/shared/room';
import type { ValueResult } from '@parley/shared/engine';
import type {
  LiveHashes,
  OverlapPublication,
  OverlapView,
  PositionList,
  ProposalView,
  SignOffState,
  SignOffVoidedEvent,
} from '@parley/shared/mediation';
import type { Store } from '../store/types';

/** What the audit log takes; never given a confidential value. */
export interface AgreementAuditEntry {
  actorId: string | null;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

/** Everything proposals, sign-offs and positions need from the rest of the server. */
export interface AgreementDeps {
  store: Store;
  getDoc(roomId: string): Promise<Y.Doc>;
  /** Applies an edit to the room's document in one attributed, stored-before-relayed transaction. */
  applyServerChange(
    roomId: string,
    change: (doc: Y.Doc) => void,
    attribution: { memberId: string | null },
  ): Promise<void>;
  audit(roomId: string, entry: AgreementAuditEntry): Promise<void>;
  /** In single-text mode accepted proposals wait for the mediator to apply them. */
  mediationMode(roomId: string): Promise<'normal' | 'single-text'>;
  now(): number;
}

/**
 * Where live changes go. The realtime layer implements it and must deliver each event only to
 * the audience named here.
 */
export interface AgreementPublisher {
  /** Everyone in the room. */
  proposalChanged(roomId: string, proposal: ProposalView): void;
  /** Everyone in the room. */
  signOffsChanged(roomId: string, state: SignOffState): void;
  /** The members of `partyId` only. */
  signOffVoided(roomId: string, partyId: string, event: SignOffVoidedEvent): void;
  /** The members of `partyId` only. */
  positionsChanged(roomId: string, partyId: string, list: PositionList): void;
  /** The mediators of the room only. */
  overlapsChanged(roomId: string, overlaps: OverlapView[]): void;
  /** Everyone in the room. */
  overlapPublished(roomId: string, publication: OverlapPublication): void;
}

export const silentAgreementPublisher: AgreementPublisher = {
  proposalChanged: () => undefined,
  signOffsChanged: () => undefined,
  signOffVoided: () => undefined,
  positionsChanged: () => undefined,
  overlapsChanged: () => undefined,
  overlapPublished: () => undefined,
};

/** The room's document as the agreement rules read it, all from one moment. */
export interface LiveState {
  termsheet: unknown;
  value: ValueResult;
  hashes: LiveHashes;
  partyIds: string[];
  clauseIds: string[];
}

export function liveState(doc: Y.Doc): LiveState {
  const termsheet = exportTermSheet(doc);
  const value = computeValue(termsheet);
  return {
    termsheet,
    value,
    hashes: { clauses: clauseHashes(termsheet), value: valueResultHash(value) },
    partyIds: partyIdsOf(termsheet),
    clauseIds: [...new Set(readClauseOrder(doc))],
  };
}

/** Runs one room's read-modify-write steps one after another. */
export class RoomQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(roomId: string, step: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(roomId) ?? Promise.resolve();
    const next = previous.then(step, step);
    const tail = next.catch(() => undefined);
    this.tails.set(roomId, tail);
    void tail.then(() => {
      if (this.tails.get(roomId) === tail) this.tails.delete(roomId);
    });
    return next;
  }
}

/** Calls `fn(roomId)` once per room after `ms` without a new `touch`. */
export class RoomDebounce {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly ms: number,
    private readonly fn: (roomId: string) => void,
  ) {}

  touch(roomId: string): void {
    const existing = this.timers.get(roomId);
    if (existing !== undefined) clearTimeout(existing);
    this.timers.set(
      roomId,
      setTimeout(() => {
        this.timers.delete(roomId);
        this.fn(roomId);
      }, this.ms),
    );
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
