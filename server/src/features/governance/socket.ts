// Governance events over Socket.IO: thin handlers that parse, then call the governance services.
import {
  breakRequestSchema,
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
import { reopenAgreement } from './agreement';
import { setAgenda, setAgendaCurrent } from './agenda';
import { requestBreak } from './breaks';
import { listCaucus, sendCaucus } from './caucus';
import {
  disputeQueue,
  listDisputes,
  openDispute,
  resolveDispute,
  withdrawDispute,
} from './disputes';
import { lockClause, unlockClause } from './locks';
import { governanceSnapshot } from './snapshot';
import type { GovernanceDeps } from './deps';
import { listDrafts, publishDraft, setMode, voteDraft } from './singleText';
import { router } from '../../realtime';
import type { SocketHandlers } from '../../realtime';

/** Locks, agenda, single-text mode, drafts, disputes and caucus over Socket.IO. */
export function governanceSockets(full: GovernanceDeps): SocketHandlers {
  return {
    events: governanceClientEvents,
    connect(socket, on) {
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
      handle('breaks:request', breakRequestSchema, (p) => requestBreak(full, member, p));
      handle('agreement:reopen', emptyRequestSchema, () => reopenAgreement(full, member));
    },
  };
}
