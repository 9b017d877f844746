// What the exports need from the rest of the server.
import type { MediationState } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import type { Side } from '../versions';

/** Who signed what, and the audit log's head at agreement: what an agreed export carries. */
export interface AgreedRecord {
  agreedAt: number;
  signatures: {
    clauseId: string;
    clauseTitle: string;
    partyName: string;
    memberName: string;
    signedAt: number;
    contentHash: string;
  }[];
  auditHead: { count: number; hash: string } | null;
}

export interface ExportDeps {
  /** The sheet now, or a stored version (404 when there is none). */
  side(roomId: string, ref: string): Promise<Side>;
  governance(roomId: string): Promise<MediationState>;
  /** The signatures of an agreed sheet. */
  agreement(member: MemberClaims): Promise<AgreedRecord>;
  now(): number;
}
