// The sign-off line under a clause: each party's state on it and this member's button to sign
// for their party or withdraw; a later change to the clause voids sign-offs on the server.
import { useStore } from '../../lib/store';
import type { Sheet } from '../sheet';
import { useMediation } from './MediationContext';
import { signOffFor } from './signOffFor';

const voidLabels: Record<string, string> = {
  'clause-changed': 'voided: clause changed',
  'value-changed': 'voided: figures changed',
  'clause-removed': 'voided: clause removed',
  withdrawn: 'withdrawn',
};

/** The sign-off state of one clause for every party, and the sign-off button for one's own. */
export function SignOffRow({
  clauseId,
  clauseTitle,
  sheet,
}: {
  clauseId: string;
  clauseTitle: string;
  sheet: Sheet;
}) {
  const { store, partyId, speaksForParty } = useMediation();
  const signOffs = useStore(store.state, (s) => s.signoffs.signOffs);
  const mine = partyId ? signOffFor(signOffs, clauseId, partyId) : undefined;
  const signed = mine !== undefined && mine.voidedAt === null;
  const ownParty = sheet.parties.find((p) => p.id === partyId);
  return (
    <div className="signoff-row">
      <ul className="signoff-chips" aria-label={`${clauseTitle}: sign-offs`}>
        {sheet.parties.map((party) => {
          const s = signOffFor(signOffs, clauseId, party.id);
          const state = !s ? 'none' : s.voidedAt === null ? 'valid' : 'voided';
          const text =
            state === 'valid'
              ? `signed by ${s!.memberName}`
              : state === 'voided'
                ? (voidLabels[s!.voidReason ?? ''] ?? 'voided')
                : 'not signed';
          return (
            <li
              key={party.id}
              className={`signoff-chip is-${state}`}
              data-party={party.id}
              data-state={state}
              title={s ? `${party.name}: ${text}` : undefined}
            >
              <span aria-hidden="true">
                {state === 'valid' ? '✓' : state === 'voided' ? '!' : '○'}
              </span>{' '}
              {party.name}
              <span className="visually-hidden">: {text}</span>
            </li>
          );
        })}
      </ul>
      {speaksForParty && ownParty && (
        <button
          type="button"
          className={`btn btn-sm ${signed ? 'btn-ghost' : 'btn-secondary'}`}
          aria-label={
            signed
              ? `Withdraw ${ownParty.name}'s sign-off on ${clauseTitle}`
              : `Sign off ${clauseTitle} for ${ownParty.name}`
          }
          onClick={() =>
            void store.run(signed ? 'signoffs:withdraw' : 'signoffs:sign', { clauseId })
          }
        >
          {signed ? 'Withdraw sign-off' : 'Sign off'}
        </button>
      )}
    </div>
  );
}
