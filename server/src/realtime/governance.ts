import {
  caucusListRequestSchema,
  caucusSendRequestSchema,
  clauseRefRequestSchema,
  disputeRefRequestSchema,
  listDisputesRequestSchema,
  openDisputeRequestSchema,
  publishDraftRequestSchema,
  resolveDisputeRequestSchema,
  setAgendaCurrentRequestSchema,
  setAgendaRequestSchema,
  setModeRequestSchema,
  voteDraftRequestSchema,
} from '@parley/shared/mediation';
import { emptyRequestSchema, governanceClientEvents } from '@parley/shared/protocol';
import type { MemberClaims } from '@parley/shared/protocol';
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
import { roomSockets, router } from './route';
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
      const handle = router(on);
      const member = socket.data.member;
      handle('mediation:state', emptyRequestSchema, () => governanceSnapshot(full, member.roomId));
      handle('mediation:lock', clauseRefRequestSchema, (p) => lockClause(full, member, p.clauseId));
      handle('mediation:unlock', clauseRefRequestSchema, (p) =>
        unlockClause(full, member, p.clauseId),
      );
      handle('mediation:mode', setModeRequestSchema, (p) => setMode(full, member, p.mode));
      handle('agenda:set', setAgendaRequestSchema, (p) => setAgenda(full, member, p));
      handle('agenda:current', setAgendaCurrentRequestSchema, (p) =>
        setAgendaCurrent(full, member, p.current),
      );
      handle('drafts:list', emptyRequestSchema, async () => ({
        drafts: await listDrafts(full, member.roomId),
      }));
      handle('drafts:publish', publishDraftRequestSchema, (p) =>
        publishDraft(full, member, p.note),
      );
      handle('drafts:vote', voteDraftRequestSchema, (p) =>
        voteDraft(full, member, p.number, p.vote),
      );
      handle('disputes:list', listDisputesRequestSchema, async (p) => ({
        disputes: await listDisputes(full, member.roomId, p?.status),
      }));
      handle('disputes:queue', emptyRequestSchema, async () => ({
        disputes: await disputeQueue(full, member),
      }));
      handle('disputes:open', openDisputeRequestSchema, (p) => openDispute(full, member, p));
      handle('disputes:withdraw', disputeRefRequestSchema, (p) =>
        withdrawDispute(full, member, p.disputeId),
      );
      handle('disputes:resolve', resolveDisputeRequestSchema, (p) =>
        resolveDispute(full, member, p.disputeId, p.resolution),
      );
      handle('caucus:send', caucusSendRequestSchema, (p) => sendCaucus(full, member, p));
      handle('caucus:list', caucusListRequestSchema, (p) => listCaucus(full, member, p?.partyId));
    },
  };
}
