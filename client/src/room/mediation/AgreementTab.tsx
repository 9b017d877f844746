// The mediation drawer's sign-off tab: the clauses × parties matrix, whether the room has agreed,
// and the downloads of the agreed term sheet and of the audit log.
import { useState } from 'react';
import { useStore } from '../../lib/store';
import { kindTitle } from '../kindLabel';
import { useRoom } from '../RoomContext';
import { downloadAgreement, downloadAudit } from './downloads';
import { useMediation } from './MediationContext';
import { signOffFor } from './signOffFor';

/** The first word of a party's name, enough to tell the matrix's narrow columns apart. */
function shortPartyName(name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? name;
  return first.length >= 3 ? first : name;
}

/** Clauses × parties: who signed what, which sign-offs were voided, and the agreement. */
export function AgreementTab() {
  const { roomId, token, model } = useRoom();
  const sheet = useStore(model.state, (s) => s.sheet);
  const { store, role } = useMediation();
  const signoffs = useStore(store.state, (s) => s.signoffs);
  const [error, setError] = useState<string | null>(null);
  const { agreed, missing } = signoffs.agreement;
  return (
    <div className="med-tab">
      <p className={`agreement-status ${agreed ? 'is-agreed' : ''}`} data-testid="agreement-status">
        {agreed
          ? 'Agreed: every party signed every clause.'
          : `${missing.length} sign-off${missing.length === 1 ? '' : 's'} missing before agreement.`}
      </p>
      {sheet.parties.length > 5 && (
        <p className="hint scroll-hint">Scroll the matrix sideways to see every party.</p>
      )}
      <div
        className={`table-scroll${sheet.parties.length > 5 ? ' scrolls-visibly' : ''}`}
        tabIndex={0}
        role="region"
        aria-label="Sign-offs per clause and party"
      >
        <table className={`signoff-matrix${sheet.parties.length > 5 ? '' : ' is-fitted'}`}>
          <caption className="visually-hidden">Sign-offs per clause and party</caption>
          <thead>
            <tr>
              <th scope="col" className="matrix-clause-col">
                Clause
              </th>
              {sheet.parties.map((p) => (
                <th scope="col" key={p.id} title={p.name}>
                  <span aria-hidden="true">{shortPartyName(p.name)}</span>
                  <span className="visually-hidden">{p.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.clauses.map((clause) => (
              <tr key={clause.id}>
                <th scope="row">{kindTitle(clause)}</th>
                {sheet.parties.map((party) => {
                  const s = signOffFor(signoffs.signOffs, clause.id, party.id);
                  const state = !s ? 'none' : s.voidedAt === null ? 'valid' : 'voided';
                  const text =
                    state === 'valid'
                      ? `signed by ${s!.memberName}`
                      : state === 'voided'
                        ? s!.voidReason === 'withdrawn'
                          ? 'withdrawn'
                          : 'voided'
                        : 'not signed';
                  return (
                    <td
                      key={party.id}
                      className={`matrix-cell is-${state}`}
                      data-state={state}
                      title={`${party.name}: ${text}`}
                    >
                      <span aria-hidden="true">
                        {state === 'valid' ? '✓' : state === 'voided' ? '!' : '○'}
                      </span>
                      <span className="visually-hidden">{text}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="btn btn-primary btn-sm"
        disabled={!agreed}
        onClick={() =>
          void downloadAgreement(roomId, token).then(
            () => setError(null),
            (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
          )
        }
      >
        Download the agreed term sheet
      </button>
      {!agreed && (
        <p className="hint">The export is available once every party has signed every clause.</p>
      )}
      {(role === 'mediator' || role === 'organizer') && (
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() =>
            void downloadAudit(roomId, token).then(
              () => setError(null),
              (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
            )
          }
        >
          Download the audit log
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
