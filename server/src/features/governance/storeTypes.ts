// What the governance slice of the store offers; filtering per member is the services' job.
import type {
  CaucusMessage,
  Dispute,
  DisputeStatus,
  DraftVoteValue,
  MediationMode,
} from '@parley/shared/mediation';

/** A draft as stored: the note, the state reference and the whole state at publication. */
export interface DraftRecord {
  number: number;
  note: string;
  stateVector: string;
  state: Uint8Array;
  createdBy: string;
  createdAt: number;
}

export interface DraftVoteRecord {
  number: number;
  partyId: string;
  vote: DraftVoteValue;
  memberId: string;
  at: number;
}

export interface MediationStateRecord {
  mode: MediationMode;
  agenda: string[];
  current: string | null;
  /** Set while the sheet is agreed and frozen. */
  agreedAt: number | null;
}

export interface ClauseLockRecord {
  clauseId: string;
  lockedBy: string;
  lockedAt: number;
}

/**
 * Governance data: mediation mode and agenda, locks, drafts and votes, disputes and caucus
 * messages. Filtering per member is the services' job.
 */
export interface GovernanceStore {
  getMediationState(roomId: string): Promise<MediationStateRecord | undefined>;
  saveMediationState(roomId: string, state: MediationStateRecord, at: number): Promise<void>;

  listLocks(roomId: string): Promise<ClauseLockRecord[]>;
  /** false when it was already locked. */
  addLock(roomId: string, lock: ClauseLockRecord): Promise<boolean>;
  /** false when it was not locked. */
  removeLock(roomId: string, clauseId: string): Promise<boolean>;

  /** Stores the draft with the next number and returns that number. */
  addDraft(roomId: string, draft: Omit<DraftRecord, 'number'>): Promise<number>;
  listDrafts(roomId: string): Promise<Omit<DraftRecord, 'state'>[]>;
  getDraftState(roomId: string, number: number): Promise<Uint8Array | undefined>;
  /** One vote per party and draft: a later vote replaces the earlier one. */
  putDraftVote(roomId: string, vote: DraftVoteRecord): Promise<void>;
  listDraftVotes(roomId: string): Promise<DraftVoteRecord[]>;

  addDispute(roomId: string, dispute: Dispute): Promise<void>;
  getDispute(roomId: string, id: string): Promise<Dispute | undefined>;
  listDisputes(roomId: string): Promise<Dispute[]>;
  /** Closes an open dispute; false when it is not open (any more). */
  closeDispute(
    roomId: string,
    id: string,
    close: {
      status: Exclude<DisputeStatus, 'open'>;
      by: string;
      at: number;
      resolution: string | null;
    },
  ): Promise<boolean>;

  addCaucusMessage(roomId: string, message: CaucusMessage): Promise<void>;
  listCaucusMessages(roomId: string, partyId: string): Promise<CaucusMessage[]>;
}
