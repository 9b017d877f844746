// Agreement events over Socket.IO: thin handlers that parse, then call proposals, sign-offs
// and positions.
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
import { router } from '../../realtime';
import type { SocketHandlers } from '../../realtime';
import type { AgreementDeps } from './deps';
import {
  listOverlaps,
  listPositions,
  publishOverlap,
  removePosition,
  setPosition,
  sharePosition,
} from './positions';
import {
  applyProposal,
  counterProposal,
  createProposal,
  decideProposal,
  listProposals,
  previewProposal,
  withdrawProposal,
} from './proposals';
import { listSignOffs, signOff, withdrawSignOff } from './signoff';

/** Proposal, sign-off and confidential-position events over Socket.IO. */
export function agreementSockets(deps: AgreementDeps): SocketHandlers {
  return {
    events: agreementClientEvents,
    connect(socket, on) {
      const handle = router(on);
      const member = socket.data.member;
      const empty = agreementEmptyRequestSchema;
      handle('proposals:list', empty, () => listProposals(deps, member));
      handle('proposals:preview', proposalChangeSchema, (p) => previewProposal(deps, member, p));
      handle('proposals:create', createProposalRequestSchema, (p) =>
        createProposal(deps, member, p),
      );
      handle('proposals:decide', decideProposalRequestSchema, (p) =>
        decideProposal(deps, member, p),
      );
      handle('proposals:counter', counterProposalRequestSchema, (p) =>
        counterProposal(deps, member, p),
      );
      handle('proposals:withdraw', proposalRefRequestSchema, (p) =>
        withdrawProposal(deps, member, p.proposalId),
      );
      handle('proposals:apply', proposalRefRequestSchema, (p) =>
        applyProposal(deps, member, p.proposalId),
      );
      handle('signoffs:list', empty, () => listSignOffs(deps, member));
      handle('signoffs:sign', signOffRequestSchema, (p) => signOff(deps, member, p.clauseId));
      handle('signoffs:withdraw', signOffRequestSchema, (p) =>
        withdrawSignOff(deps, member, p.clauseId),
      );
      handle('positions:list', empty, () => listPositions(deps, member));
      handle('positions:set', setPositionRequestSchema, (p) => setPosition(deps, member, p));
      handle('positions:delete', positionKeySchema, (p) => removePosition(deps, member, p));
      handle('positions:share', sharePositionRequestSchema, (p) => sharePosition(deps, member, p));
      handle('positions:overlaps', empty, () => listOverlaps(deps, member));
      handle('positions:publish', parameterRefSchema, (p) => publishOverlap(deps, member, p));
    },
  };
}
