import { useState } from 'react';
import { useRoom, useSnapshot } from '../RoomContext';
import { kindTitle } from './kindTitle';
import { useMediation, useMediationSnapshot } from './MediationContext';
import { signOffFor } from './SignOffRow';

/** Fetches the agreed term sheet with its signatures and saves it as a JSON file. */
export async function downloadAgreement(roomId: string, token: string): Promise<void> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/agreement`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok)
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  saveJson(body, `agreement-${roomId}.json`);
}

/** Fetches the hash-chained audit log (organizer and mediator) and saves it as a JSON file. */
async function downloadAudit(roomId: string, token: string): Promise<void> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/audit`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string };
  } | null;
  if (!response.ok) {
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  saveJson(body, `audit-${roomId}.json`);
}

function saveJson(body: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Clauses × parties: who signed what, which sign-offs were voided, and the agreement. */
export function AgreementTab() {
  const { roomId, token } = useRoom();
  const { sheet } = useSnapshot();
  const snapshot = useMediationSnapshot();
  const { role } = useMediation();
  const [error, setError] = useState<string | null>(null);
  const { agreed, missing } = snapshot.signoffs.agreement;
  return (
    <div className="med-tab">
      <p className={`agreement-status ${agreed ? 'is-agreed' : ''}`} data-testid="agreement-status">
        {agreed
          ? 'Agreed: every party signed every clause.'
          : `${missing.length} sign-off${missing.length === 1 ? '' : 's'} missing before agreement.`}
      </p>
      <div className="table-scroll">
        <table className="signoff-matrix">
          <caption className="visually-hidden">Sign-offs per clause and party</caption>
          <thead>
            <tr>
              <th scope="col">Clause</th>
              {sheet.parties.map((p) => (
                <th scope="col" key={p.id}>
                  {p.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.clauses.map((clause) => (
              <tr key={clause.id}>
                <th scope="row">{kindTitle(clause)}</th>
                {sheet.parties.map((party) => {
                  const s = signOffFor(snapshot.signoffs.signOffs, clause.id, party.id);
                  const state = !s ? 'none' : s.voidedAt === null ? 'valid' : 'voided';
                  return (
                    <td key={party.id} className={`matrix-cell is-${state}`} data-state={state}>
                      {state === 'valid'
                        ? `✓ ${s!.memberName}`
                        : state === 'voided'
                          ? s!.voidReason === 'withdrawn'
                            ? 'withdrawn'
                            : 'voided'
                          : '—'}
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
