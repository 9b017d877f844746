import {
  counterProposalRequestSchema,
  createProposalRequestSchema,
  decideProposalRequestSchema,
  parameterRefSchema,
  positionKeySchema,
  proposalChangeSchema,
  proposalRefRequestSchema,
  setPositionRequestSchema,
  sharePositionRequestSchema,
  signOffRequestSchema,
} from '@parley/shared/mediation';
import { agreementClientEvents, agreementEmptyRequestSchema } from '@parley/shared/protocol';
import type { AgreementPublisher } from '../mediation/agreementDeps';
import type { PositionsService } from '../mediation/positions';
import type { ProposalsService } from '../mediation/proposals';
import type { SignOffService } from '../mediation/signoff';
import { roomSockets, router } from './route';
import type { ParleyIo, RealtimeFeature } from './socket-server';

export interface AgreementServices {
  proposals: ProposalsService;
  signOffs: SignOffService;
  positions: PositionsService;
}

/**
 * Proposal, sign-off and confidential-position events. Every live event is emitted socket by
 * socket to its audience only: a party's positions to that party, overlaps to the mediator.
 */
export function agreementRealtime(services: AgreementServices): RealtimeFeature {
  let io: ParleyIo | null = null;

  const everyone = () => true;
  const publisher: AgreementPublisher = {
    proposalChanged(roomId, proposal) {
      for (const s of roomSockets(io, roomId, everyone)) s.emit('proposals:changed', proposal);
    },
    signOffsChanged(roomId, state) {
      for (const s of roomSockets(io, roomId, everyone)) s.emit('signoffs:changed', state);
    },
    signOffVoided(roomId, partyId, event) {
      for (const s of roomSockets(io, roomId, (m) => m.partyId === partyId)) {
        s.emit('signoffs:voided', event);
      }
    },
    positionsChanged(roomId, partyId, list) {
      for (const s of roomSockets(io, roomId, (m) => m.partyId === partyId)) {
        s.emit('positions:changed', list);
      }
    },
    overlapsChanged(roomId, overlaps) {
      for (const s of roomSockets(io, roomId, (m) => m.role === 'mediator')) {
        s.emit('positions:overlaps', { overlaps });
      }
    },
    overlapPublished(roomId, publication) {
      for (const s of roomSockets(io, roomId, everyone)) s.emit('positions:published', publication);
    },
  };

  const { proposals, signOffs, positions } = services;
  return {
    events: agreementClientEvents,
    attach(server) {
      io = server;
      proposals.setPublisher(publisher);
      signOffs.setPublisher(publisher);
      positions.setPublisher(publisher);
    },
    connection(socket, on) {
      const handle = router(on);
      const member = socket.data.member;
      const empty = agreementEmptyRequestSchema;
      handle('proposals:list', empty, () => proposals.list(member));
      handle('proposals:preview', proposalChangeSchema, (p) => proposals.preview(member, p));
      handle('proposals:create', createProposalRequestSchema, (p) => proposals.create(member, p));
      handle('proposals:decide', decideProposalRequestSchema, (p) => proposals.decide(member, p));
      handle('proposals:counter', counterProposalRequestSchema, (p) =>
        proposals.counter(member, p),
      );
      handle('proposals:withdraw', proposalRefRequestSchema, (p) =>
        proposals.withdraw(member, p.proposalId),
      );
      handle('proposals:apply', proposalRefRequestSchema, (p) =>
        proposals.apply(member, p.proposalId),
      );
      handle('signoffs:list', empty, () => signOffs.list(member));
      handle('signoffs:sign', signOffRequestSchema, (p) => signOffs.sign(member, p.clauseId));
      handle('signoffs:withdraw', signOffRequestSchema, (p) =>
        signOffs.withdraw(member, p.clauseId),
      );
      handle('positions:list', empty, () => positions.list(member));
      handle('positions:set', setPositionRequestSchema, (p) => positions.set(member, p));
      handle('positions:delete', positionKeySchema, (p) => positions.remove(member, p));
      handle('positions:share', sharePositionRequestSchema, (p) => positions.share(member, p));
      handle('positions:overlaps', empty, () => positions.overlaps(member));
      handle('positions:publish', parameterRefSchema, (p) => positions.publish(member, p));
    },
  };
}
