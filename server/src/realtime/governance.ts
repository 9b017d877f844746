import {
  caucusListRequestSchema,
  caucusSendRequestSchema,
  clauseRefRequestSchema,
  disputeRefRequestSchema,
  emptyRequestSchema,
  governanceClientEvents,
  listDisputesRequestSchema,
  openDisputeRequestSchema,
  publishDraftRequestSchema,
  resolveDisputeRequestSchema,
  setAgendaCurrentRequestSchema,
  setAgendaRequestSchema,
  setModeRequestSchema,
  voteDraftRequestSchema,
} from '@parley/shared';
import type { MemberClaims } from '@parley/shared';
import { setAgenda, setAgendaCurrent } from '../mediation/agenda';
import { listCaucus, sendCaucus } from '../mediation/caucus';
import {
  disputeQueue,
  listDisputes,
  openDispute,
  resolveDispute,
  withdrawDispute,
} from '../mediation/disputes';
import { lockClause, unlockClause } from '../mediation/locks';
import { governanceSnapshot } from '../mediation/roomModeSnapshot';
import type { GovernanceDeps, GovernancePublisher } from '../mediation/roomModeDeps';
import { listDrafts, publishDraft, setMode, voteDraft } from '../mediation/singleText';
import { roomSockets, route } from './route';
import type { ParleyIo, RealtimeFeature } from './socket-server';

/**
 * Locks, agenda, single-text mode, drafts, disputes and caucus over Socket.IO. Live events are
 * emitted socket by socket; a caucus message reaches only its party's members and the mediators.
 */
export function governanceRealtime(
  full: GovernanceDeps,
  setPublisher: (publisher: GovernancePublisher) => void,
): RealtimeFeature {
  let io: ParleyIo | null = null;

  const everyone = () => true;

  const publisher: GovernancePublisher = {
    stateChanged(roomId, state) {
      for (const s of roomSockets(io, roomId, everyone)) s.emit('mediation:changed', state);
    },
    draftChanged(roomId, draft) {
      for (const s of roomSockets(io, roomId, everyone)) s.emit('drafts:changed', draft);
    },
    disputeChanged(roomId, dispute, queue) {
      for (const s of roomSockets(io, roomId, everyone)) s.emit('disputes:changed', dispute);
      const facilitators = (m: MemberClaims) => m.role === 'mediator' || m.role === 'organizer';
      for (const s of roomSockets(io, roomId, facilitators)) {
        s.emit('disputes:queue', { disputes: queue });
      }
    },
    caucusMessage(roomId, message) {
      const audience = (m: MemberClaims) =>
        m.role === 'mediator' || (m.partyId === message.partyId && m.role !== 'observer');
      for (const s of roomSockets(io, roomId, audience)) s.emit('caucus:message', message);
    },
  };
  setPublisher(publisher);

  return {
    events: governanceClientEvents,
    attach(server) {
      io = server;
    },
    connection(socket, on) {
      const member = socket.data.member;
      on(
        'mediation:state',
        route('mediation:state', emptyRequestSchema, () => governanceSnapshot(full, member.roomId)),
      );
      on(
        'mediation:lock',
        route('mediation:lock', clauseRefRequestSchema, (p) =>
          lockClause(full, member, p.clauseId),
        ),
      );
      on(
        'mediation:unlock',
        route('mediation:unlock', clauseRefRequestSchema, (p) =>
          unlockClause(full, member, p.clauseId),
        ),
      );
      on(
        'mediation:mode',
        route('mediation:mode', setModeRequestSchema, (p) => setMode(full, member, p.mode)),
      );
      on(
        'agenda:set',
        route('agenda:set', setAgendaRequestSchema, (p) => setAgenda(full, member, p)),
      );
      on(
        'agenda:current',
        route('agenda:current', setAgendaCurrentRequestSchema, (p) =>
          setAgendaCurrent(full, member, p.current),
        ),
      );
      on(
        'drafts:list',
        route('drafts:list', emptyRequestSchema, async () => ({
          drafts: await listDrafts(full, member.roomId),
        })),
      );
      on(
        'drafts:publish',
        route('drafts:publish', publishDraftRequestSchema, (p) =>
          publishDraft(full, member, p.note),
        ),
      );
      on(
        'drafts:vote',
        route('drafts:vote', voteDraftRequestSchema, (p) =>
          voteDraft(full, member, p.number, p.vote),
        ),
      );
      on(
        'disputes:list',
        route('disputes:list', listDisputesRequestSchema, async (p) => ({
          disputes: await listDisputes(full, member.roomId, p?.status),
        })),
      );
      on(
        'disputes:queue',
        route('disputes:queue', emptyRequestSchema, async () => ({
          disputes: await disputeQueue(full, member),
        })),
      );
      on(
        'disputes:open',
        route('disputes:open', openDisputeRequestSchema, (p) => openDispute(full, member, p)),
      );
      on(
        'disputes:withdraw',
        route('disputes:withdraw', disputeRefRequestSchema, (p) =>
          withdrawDispute(full, member, p.disputeId),
        ),
      );
      on(
        'disputes:resolve',
        route('disputes:resolve', resolveDisputeRequestSchema, (p) =>
          resolveDispute(full, member, p.disputeId, p.resolution),
        ),
      );
      on(
        'caucus:send',
        route('caucus:send', caucusSendRequestSchema, (p) => sendCaucus(full, member, p)),
      );
      on(
        'caucus:list',
        route('caucus:list', caucusListRequestSchema, (p) => listCaucus(full, member, p?.partyId)),
      );
    },
  };
}
