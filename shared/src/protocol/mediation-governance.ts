// The Socket.IO events of governance (locks, mode, agenda, drafts, disputes, caucus) in both
// directions, with who receives each server event.
import type { AckCallback } from './ack';
import type {
  BreakRequestInput,
  BreakRequested,
  CaucusListRequest,
  CaucusMessage,
  CaucusSendRequest,
  ClauseRefRequest,
  Dispute,
  DisputeRefRequest,
  Draft,
  ListDisputesRequest,
  MediationState,
  OpenDisputeRequest,
  PublishDraftRequest,
  ResolveDisputeRequest,
  SetAgendaCurrentRequest,
  SetAgendaRequest,
  SetModeRequest,
  VoteDraftRequest,
} from '../mediation/governance-schemas';

type Empty = Record<string, never>;

/** Everything about governance a member may see, in one answer. */
export interface GovernanceSnapshot {
  state: MediationState;
  drafts: Draft[];
  disputes: Dispute[];
  /** Whether a mediator is a member of the room (then the organizer no longer facilitates). */
  mediatorPresent: boolean;
}

export interface DisputeListResult {
  disputes: Dispute[];
}

export interface DraftListResult {
  drafts: Draft[];
}

export interface CaucusListResult {
  partyId: string;
  messages: CaucusMessage[];
}

/** Governance events the server emits. */
export interface GovernanceServerToClientEvents {
  /** Everyone in the room: mode, locks or agenda changed. */
  'mediation:changed': (state: MediationState) => void;
  /** Everyone in the room: a draft was published or got a vote. */
  'drafts:changed': (draft: Draft) => void;
  /** Everyone in the room: a dispute was opened, withdrawn or resolved. */
  'disputes:changed': (dispute: Dispute) => void;
  /** Mediators (and organizers): the open disputes, oldest first. */
  'disputes:queue': (result: DisputeListResult) => void;
  /** Only that party's members and the mediators. */
  'caucus:message': (message: CaucusMessage) => void;
  /** The facilitator (the mediator, or the organizers without one) and the asking party. */
  'breaks:requested': (request: BreakRequested) => void;
}

/** Governance events a client emits; every payload is validated with the schema of the same name. */
export interface GovernanceClientToServerEvents {
  'mediation:state': (payload: Empty, ack: AckCallback<GovernanceSnapshot>) => void;
  'mediation:lock': (payload: ClauseRefRequest, ack: AckCallback<MediationState>) => void;
  'mediation:unlock': (payload: ClauseRefRequest, ack: AckCallback<MediationState>) => void;
  'mediation:mode': (payload: SetModeRequest, ack: AckCallback<MediationState>) => void;
  'agenda:set': (payload: SetAgendaRequest, ack: AckCallback<MediationState>) => void;
  'agenda:current': (payload: SetAgendaCurrentRequest, ack: AckCallback<MediationState>) => void;
  'drafts:list': (payload: Empty, ack: AckCallback<DraftListResult>) => void;
  'drafts:publish': (payload: PublishDraftRequest, ack: AckCallback<Draft>) => void;
  'drafts:vote': (payload: VoteDraftRequest, ack: AckCallback<Draft>) => void;
  'disputes:list': (payload: ListDisputesRequest, ack: AckCallback<DisputeListResult>) => void;
  'disputes:queue': (payload: Empty, ack: AckCallback<DisputeListResult>) => void;
  'disputes:open': (payload: OpenDisputeRequest, ack: AckCallback<Dispute>) => void;
  'disputes:withdraw': (payload: DisputeRefRequest, ack: AckCallback<Dispute>) => void;
  'disputes:resolve': (payload: ResolveDisputeRequest, ack: AckCallback<Dispute>) => void;
  'caucus:send': (payload: CaucusSendRequest, ack: AckCallback<CaucusMessage>) => void;
  'caucus:list': (payload: CaucusListRequest, ack: AckCallback<CaucusListResult>) => void;
  'breaks:request': (payload: BreakRequestInput, ack: AckCallback<BreakRequested>) => void;
  'agreement:reopen': (payload: Empty, ack: AckCallback<MediationState>) => void;
}

export const governanceClientEvents = [
  'mediation:state',
  'mediation:lock',
  'mediation:unlock',
  'mediation:mode',
  'agenda:set',
  'agenda:current',
  'drafts:list',
  'drafts:publish',
  'drafts:vote',
  'disputes:list',
  'disputes:queue',
  'disputes:open',
  'disputes:withdraw',
  'disputes:resolve',
  'caucus:send',
  'caucus:list',
  'breaks:request',
  'agreement:reopen',
] as const satisfies readonly (keyof GovernanceClientToServerEvents)[];
