// The value panel's charts (allocation by scenario, cumulative net, shares against Shapley): a
// separate chunk, since recharts is most of their weight and they can follow first paint.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney, formatMoneyCompact } from '../../lib/format';
import type { Sheet } from '../sheet';
import type { ScenarioView } from './valueView';

const palette = (i: number) => `var(--party-${i % 16})`;

interface Props {
  scenarios: ScenarioView[];
  scenarioId: string;
  sheet: Sheet;
  /** Changes whenever the plotted data changes. */
  signature: string;
}

/** The value panel's charts, loaded only when first shown (recharts is most of their weight). */
export default function ValueCharts({ scenarios, scenarioId, sheet }: Props) {
  const names = new Map(sheet.assumptions.scenarios.map((s) => [s.id, s.name]));
  const currency = sheet.currency;
  const scenario = scenarios.find((s) => s.id === scenarioId);
  const money = (v: unknown) => formatMoney(Number(v), currency);
  const compact = (v: unknown) => formatMoneyCompact(Number(v), currency);

  const byScenario = scenarios.map((s) => {
    const row: Record<string, string | number> = { scenario: names.get(s.id) ?? s.id };
    for (const p of sheet.parties) row[p.id] = s.totals[p.id]?.allocation ?? 0;
    return row;
  });

  const cumulative: Record<string, number>[] = [];
  if (scenario) {
    const running: Record<string, number> = {};
    for (const period of scenario.periods) {
      const row: Record<string, number> = { t: period.t };
      for (const p of sheet.parties) {
        running[p.id] = (running[p.id] ?? 0) + (period.parties[p.id]?.net ?? 0);
        row[p.id] = running[p.id] ?? 0;
      }
      cumulative.push(row);
    }
  }

  const shares = sheet.parties.map((p) => {
    const t = scenario?.totals[p.id];
    return {
      party: p.name,
      Allocation: t?.allocationSharePct ?? 0,
      Shapley: t?.shapleySharePct ?? 0,
      ...(t?.contributionSharePct !== null && t?.contributionSharePct !== undefined
        ? { Contribution: t.contributionSharePct }
        : {}),
    };
  });
  const hasContribution = shares.some((s) => 'Contribution' in s);
  const unit = sheet.assumptions.periodUnit;

  return (
    <div className="charts">
      <figure className="chart">
        <figcaption>Allocation by scenario</figcaption>
        <ResponsiveContainer width="100%" height={190}>
          <BarChart data={byScenario} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="scenario" tick={{ fontSize: 11 }} />
            <YAxis tickFormatter={compact} tick={{ fontSize: 11 }} width={56} />
            <Tooltip formatter={money} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {sheet.parties.map((p, i) => (
              <Bar
                key={p.id}
                dataKey={p.id}
                name={p.name}
                stackId="a"
                fill={palette(i)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart">
        <figcaption>Cumulative net per {unit}</figcaption>
        <ResponsiveContainer width="100%" height={190}>
          <LineChart data={cumulative} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="t" tick={{ fontSize: 11 }} />
            <YAxis tickFormatter={compact} tick={{ fontSize: 11 }} width={56} />
            <Tooltip formatter={money} labelFormatter={(t) => `${unit} ${String(t)}`} />
            {sheet.parties.map((p, i) => (
              <Line
                key={p.id}
                dataKey={p.id}
                name={p.name}
                stroke={palette(i)}
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart">
        <figcaption>
          Allocation share vs Shapley{hasContribution ? ' and contribution' : ''} (%)
        </figcaption>
        <ResponsiveContainer width="100%" height={190}>
          <BarChart data={shares} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="party"
              tick={{ fontSize: 10 }}
              interval={0}
              tickFormatter={(v: string) => v.split(' ')[0] ?? v}
            />
            <YAxis tick={{ fontSize: 11 }} width={36} unit="%" />
            <Tooltip formatter={(v) => `${Number(v).toFixed(1)} %`} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Bar dataKey="Allocation" fill="#334155" isAnimationActive={false} />
            <Bar dataKey="Shapley" fill="#94a3b8" isAnimationActive={false} />
            {hasContribution && (
              <Bar dataKey="Contribution" fill="#0d9488" isAnimationActive={false} />
            )}
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
