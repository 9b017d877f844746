import {
  agreementClientEvents,
  agreementEmptyRequestSchema,
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
} from '@parley/shared';
import type { AgreementPublisher } from '../mediation/agreementDeps';
import type { PositionsService } from '../mediation/positions';
import type { ProposalsService } from '../mediation/proposals';
import type { SignOffService } from '../mediation/signoff';
import { roomSockets, route } from './route';
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
      const member = socket.data.member;
      const empty = agreementEmptyRequestSchema;
      on(
        'proposals:list',
        route('proposals:list', empty, () => proposals.list(member)),
      );
      on(
        'proposals:preview',
        route('proposals:preview', proposalChangeSchema, (p) => proposals.preview(member, p)),
      );
      on(
        'proposals:create',
        route('proposals:create', createProposalRequestSchema, (p) => proposals.create(member, p)),
      );
      on(
        'proposals:decide',
        route('proposals:decide', decideProposalRequestSchema, (p) => proposals.decide(member, p)),
      );
      on(
        'proposals:counter',
        route('proposals:counter', counterProposalRequestSchema, (p) =>
          proposals.counter(member, p),
        ),
      );
      on(
        'proposals:withdraw',
        route('proposals:withdraw', proposalRefRequestSchema, (p) =>
          proposals.withdraw(member, p.proposalId),
        ),
      );
      on(
        'proposals:apply',
        route('proposals:apply', proposalRefRequestSchema, (p) =>
          proposals.apply(member, p.proposalId),
        ),
      );
      on(
        'signoffs:list',
        route('signoffs:list', empty, () => signOffs.list(member)),
      );
      on(
        'signoffs:sign',
        route('signoffs:sign', signOffRequestSchema, (p) => signOffs.sign(member, p.clauseId)),
      );
      on(
        'signoffs:withdraw',
        route('signoffs:withdraw', signOffRequestSchema, (p) =>
          signOffs.withdraw(member, p.clauseId),
        ),
      );
      on(
        'positions:list',
        route('positions:list', empty, () => positions.list(member)),
      );
      on(
        'positions:set',
        route('positions:set', setPositionRequestSchema, (p) => positions.set(member, p)),
      );
      on(
        'positions:delete',
        route('positions:delete', positionKeySchema, (p) => positions.remove(member, p)),
      );
      on(
        'positions:share',
        route('positions:share', sharePositionRequestSchema, (p) => positions.share(member, p)),
      );
      on(
        'positions:overlaps',
        route('positions:overlaps', empty, () => positions.overlaps(member)),
      );
      on(
        'positions:publish',
        route('positions:publish', parameterRefSchema, (p) => positions.publish(member, p)),
      );
    },
  };
}
