// Break-even: for every party of the chosen scenario, the multiple of the volumes at which its net
// over the term turns positive (or negative), all volumes together and each volume driver alone.
import { formatMoney, formatMoneyCompact } from '../../lib/format';
import type { Sheet } from '../sheet';
import type { AnalysisRunner } from './analysisRunner';
import { breakEvenText } from './analysisView';
import { AnalysisStatus } from './AnalysisStatus';
import { useSheetJob } from './useSheetJob';

interface Props {
  runner: AnalysisRunner;
  sheet: Sheet;
  scenarioId: string;
}

export function BreakEvenSection({ runner, sheet, scenarioId }: Props) {
  const { data, pending, error } = useSheetJob(runner, { kind: 'break-even', scenarioId });
  const scenario = data?.result?.scenarios.find((s) => s.id === scenarioId);
  const drivers = scenario?.parties[0]?.drivers.map((d) => d.driver) ?? [];
  const name = (id: string) => sheet.parties.find((p) => p.id === id)?.name ?? id;
  return (
    <section className="analysis-section" aria-labelledby="break-even-heading">
      <h3 id="break-even-heading">Break-even volumes</h3>
      <p className="analysis-lead small muted">
        The multiple of this scenario&apos;s volumes at which each party&apos;s net over the term
        turns positive: 0.5 × means half the volumes still break even. “Never” is a loss at any
        volume, “always” a profit at any.
      </p>
      <AnalysisStatus
        pending={pending}
        error={error}
        hasData={data !== null}
        issues={data?.issues}
        what="break-even volumes"
      />
      {scenario && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Break-even per party">
          <table className="analysis-table" data-table="break-even">
            <caption className="visually-hidden">
              Break-even as a multiple of the volumes, per party
            </caption>
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Net</th>
                {drivers.map((d) => (
                  <th scope="col" key={d ?? 'all'}>
                    {d === null ? 'All volumes' : d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {scenario.parties.map((p) => (
                <tr key={p.partyId} data-party={p.partyId}>
                  <th scope="row">{name(p.partyId)}</th>
                  <td
                    className={p.net < 0 ? 'is-negative' : undefined}
                    title={formatMoney(p.net, sheet.currency)}
                  >
                    {formatMoneyCompact(p.net, sheet.currency)}
                  </td>
                  {p.drivers.map((d) => (
                    <td
                      key={d.driver ?? 'all'}
                      data-status={d.status}
                      className={d.status === 'never' ? 'is-negative' : undefined}
                    >
                      {breakEvenText(d)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
