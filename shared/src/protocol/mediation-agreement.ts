// The Socket.IO events of proposals, sign-offs and confidential positions in both directions, with
// who receives each server event.
import { z } from 'zod';
import type { AckCallback } from './ack';
import type {
  CounterProposalRequest,
  CreateProposalRequest,
  DecideProposalRequest,
  ProposalChange,
  ProposalImpact,
  ProposalRefRequest,
  ProposalView,
} from '../mediation/proposal';
import type {
  SignOff,
  SignOffRequest,
  SignOffState,
  SignOffVoidedEvent,
} from '../mediation/signoff';
import type {
  OverlapPublication,
  OverlapView,
  ParameterRef,
  Position,
  PositionKey,
  PositionList,
  SetPositionRequest,
  SharePositionRequest,
} from '../mediation/positions';

type Empty = Record<string, never>;

/** `{}` or nothing, for events without arguments. */
export const agreementEmptyRequestSchema = z
  .object({})
  .strict()
  .optional()
  .transform(() => ({}));

export interface ProposalListResult {
  proposals: ProposalView[];
}

export interface OverlapListResult {
  overlaps: OverlapView[];
}

/** Proposal, sign-off and confidential-position events the server emits. */
export interface AgreementServerToClientEvents {
  /** A proposal was made or changed (decision, status, or its impact after a document change). */
  'proposals:changed': (proposal: ProposalView) => void;
  /** The room's sign-offs or the agreement status changed. */
  'signoffs:changed': (state: SignOffState) => void;
  /** To the members of the party whose sign-off a change voided. */
  'signoffs:voided': (event: SignOffVoidedEvent) => void;
  /** To the members of one party only: that party's positions. */
  'positions:changed': (list: PositionList) => void;
  /** To the mediator only: the overlap of every parameter with positions. */
  'positions:overlaps': (result: OverlapListResult) => void;
  /** To everyone: the mediator published whether a parameter's positions overlap. */
  'positions:published': (publication: OverlapPublication) => void;
}

/** Events a client emits; every payload is validated with the schema named in the comment. */
export interface AgreementClientToServerEvents {
  'proposals:list': (payload: Empty, ack: AckCallback<ProposalListResult>) => void;
  /** proposalChangeSchema: the impact a change would have, without proposing it. */
  'proposals:preview': (payload: ProposalChange, ack: AckCallback<ProposalImpact>) => void;
  'proposals:create': (payload: CreateProposalRequest, ack: AckCallback<ProposalView>) => void;
  'proposals:decide': (payload: DecideProposalRequest, ack: AckCallback<ProposalView>) => void;
  /** Answers the new proposal; the countered one is sent as `proposals:changed`. */
  'proposals:counter': (payload: CounterProposalRequest, ack: AckCallback<ProposalView>) => void;
  'proposals:withdraw': (payload: ProposalRefRequest, ack: AckCallback<ProposalView>) => void;
  /** The mediator applies an accepted proposal (single-text mode). */
  'proposals:apply': (payload: ProposalRefRequest, ack: AckCallback<ProposalView>) => void;
  'signoffs:list': (payload: Empty, ack: AckCallback<SignOffState>) => void;
  'signoffs:sign': (payload: SignOffRequest, ack: AckCallback<SignOff>) => void;
  'signoffs:withdraw': (payload: SignOffRequest, ack: AckCallback<SignOff>) => void;
  'positions:list': (payload: Empty, ack: AckCallback<PositionList>) => void;
  'positions:set': (payload: SetPositionRequest, ack: AckCallback<{ position: Position }>) => void;
  'positions:delete': (payload: PositionKey, ack: AckCallback<{ deleted: boolean }>) => void;
  'positions:share': (
    payload: SharePositionRequest,
    ack: AckCallback<{ position: Position }>,
  ) => void;
  'positions:overlaps': (payload: Empty, ack: AckCallback<OverlapListResult>) => void;
  'positions:publish': (payload: ParameterRef, ack: AckCallback<OverlapPublication>) => void;
}

export const agreementClientEvents = [
  'proposals:list',
  'proposals:preview',
  'proposals:create',
  'proposals:decide',
  'proposals:counter',
  'proposals:withdraw',
  'proposals:apply',
  'signoffs:list',
  'signoffs:sign',
  'signoffs:withdraw',
  'positions:list',
  'positions:set',
  'positions:delete',
  'positions:share',
  'positions:overlaps',
  'positions:publish',
] as const satisfies readonly (keyof AgreementClientToServerEvents)[];
