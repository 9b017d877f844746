// Which chain an action is recorded in. A party's confidential actions go to that party's own
// chain, which only its members and the mediator read: other parties cannot even see a gap.
import { AUDIT_JOIN_ACTIONS, AUDIT_ROOM_CHAIN, auditPartyChain } from '@parley/shared/mediation';
import type { AuditDetails } from '@parley/shared/mediation';

/**
 * Actions that tell of a party's confidential positions. To make another action private to the
 * acting party, add it here: its entries then go to that party's chain.
 */
const partyPrivateActions: ReadonlySet<string> = new Set([
  'position.set',
  'position.deleted',
  'position.shared',
  'position.unshared',
]);

export function isPartyPrivateAction(action: string): boolean {
  return partyPrivateActions.has(action);
}

/** The chain of an action, given the party of the member who acted (null: none). */
export function chainOf(action: string, actorParty: string | null): string {
  if (!isPartyPrivateAction(action)) return AUDIT_ROOM_CHAIN;
  if (actorParty === null) {
    throw new TypeError(
      `audit action ${action} is confidential to a party, but its actor has none`,
    );
  }
  return auditPartyChain(actorParty);
}

/** The party chain a room chain entry opens: the one of a party admitting its first member. */
export function chainOpenedBy(chain: string, action: string, details: AuditDetails): string | null {
  if (chain !== AUDIT_ROOM_CHAIN || !AUDIT_JOIN_ACTIONS.includes(action)) return null;
  return typeof details.partyId === 'string' ? auditPartyChain(details.partyId) : null;
}
