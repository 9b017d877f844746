// What the agreement slice of the store offers; who sees what is the services' business.
import type {
  OverlapPublication,
  Position,
  PositionKey,
  Proposal,
  SignOff,
} from '@parley/shared/mediation';

/**
 * Proposals with their decisions, sign-offs, confidential positions and published overlaps. The
 * store keeps every party's positions; only the positions service decides who sees what.
 */
export interface AgreementStore {
  /** Inserts or replaces a proposal (decisions and status travel with it). */
  saveProposal(proposal: Proposal): Promise<void>;
  getProposal(roomId: string, proposalId: string): Promise<Proposal | undefined>;
  /** Oldest first. */
  listProposals(roomId: string): Promise<Proposal[]>;

  saveSignOff(signOff: SignOff): Promise<void>;
  /** Oldest first. */
  listSignOffs(roomId: string): Promise<SignOff[]>;

  savePosition(roomId: string, position: Position): Promise<void>;
  /** False when the party held no such position. */
  deletePosition(roomId: string, partyId: string, key: PositionKey): Promise<boolean>;
  /** One party's positions, or every party's when `partyId` is null (for the overlap only). */
  listPositions(roomId: string, partyId: string | null): Promise<Position[]>;

  saveOverlapPublication(roomId: string, publication: OverlapPublication): Promise<void>;
  listOverlapPublications(roomId: string): Promise<OverlapPublication[]>;
}
