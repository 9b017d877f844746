// What a proposed change does to every party's allocation, net and NPV per scenario, computed by
// the server's engine, shown before anyone decides on it.
import type { ProposalImpact } from '@parley/shared/mediation';
import { formatMoney } from '../../lib/format';
import { signedDelta, deltaTone } from './impactFormat';
import { humanizeMessage } from '../names';
import { useRoom } from '../RoomContext';
import type { SheetParty } from '../sheet';

/** Δ allocation, Δ net and Δ NPV of a change, per scenario and party. */
export function ImpactTable({
  impact,
  parties,
  currency,
  caption,
}: {
  impact: ProposalImpact;
  parties: SheetParty[];
  currency: string;
  caption: string;
}) {
  const { model } = useRoom();
  const sheet = model.state.getState().sheet;
  if (!impact.ok) {
    return (
      <div className="impact-issues" role="note">
        <strong>This change would leave the term sheet invalid:</strong>
        <ul>
          {impact.issues.map((issue, i) => (
            <li key={i}>{humanizeMessage(issue.message, sheet, issue.clauseId)}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (impact.scenarios.length === 0) return null;
  return (
    <table className="impact-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Party</th>
          <th scope="col">Δ allocation</th>
          <th scope="col">Δ net</th>
          <th scope="col">Δ NPV</th>
        </tr>
      </thead>
      {impact.scenarios.map((scenario) => (
        <tbody key={scenario.id} data-scenario={scenario.id}>
          <tr className="impact-scenario">
            <th scope="rowgroup" colSpan={4}>
              {scenario.name}
            </th>
          </tr>
          {parties
            .filter((p) => scenario.parties[p.id])
            .map((party) => {
              const figures = scenario.parties[party.id]!;
              return (
                <tr key={party.id} data-party={party.id}>
                  <th scope="row">{party.name}</th>
                  {(['allocation', 'net', 'npv'] as const).map((measure) => (
                    <td
                      key={measure}
                      data-measure={measure}
                      className={deltaTone(figures[measure].delta)}
                      title={`${formatMoney(figures[measure].before ?? 0, currency)} → ${formatMoney(figures[measure].after, currency)}`}
                    >
                      {signedDelta(figures[measure].delta, currency)}
                    </td>
                  ))}
                </tr>
              );
            })}
        </tbody>
      ))}
    </table>
  );
}
