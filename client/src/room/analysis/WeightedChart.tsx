// Each party's probability-weighted net and NPV as bars from zero, in SVG.
import type { WeightedTotals } from '@parley/shared/analysis';
import { formatMoneyCompact } from '../../lib/format';
import { niceRange, position } from './analysisView';

interface Props {
  parties: { id: string; name: string; index: number; totals: WeightedTotals }[];
  currency: string;
}

const WIDTH = 320;
const PAD_X = 8;
const ROW = 36;

export function WeightedChart({ parties, currency }: Props) {
  const values = parties.flatMap((p) => [p.totals.net, p.totals.npv]);
  const range = niceRange(Math.min(...values), Math.max(...values));
  const inner = WIDTH - 2 * PAD_X;
  const x = (v: number) => PAD_X + position(v, range, inner);
  const height = parties.length * ROW + 20;
  const bar = (v: number, y: number, className: string, colour?: string) => (
    <rect
      className={className}
      x={Math.min(x(0), x(v))}
      y={y}
      width={Math.max(1, Math.abs(x(v) - x(0)))}
      height={7}
      fill={colour}
      rx={1.5}
    />
  );
  return (
    <figure className="analysis-chart">
      <svg
        className="weighted-chart"
        data-chart="weighted"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label="Net and NPV per party, weighted by the scenarios' probabilities"
      >
        <line className="axis-zero" x1={x(0)} x2={x(0)} y1={0} y2={height - 16} />
        {parties.map((p, i) => {
          const y = i * ROW;
          return (
            <g key={p.id} data-party={p.id}>
              <text className="row-label" x={PAD_X} y={y + 11}>
                {p.name}
              </text>
              {bar(p.totals.net, y + 16, 'bar-net', `var(--party-${p.index % 16})`)}
              {bar(p.totals.npv, y + 24, 'bar-npv')}
              <title>
                {p.name}: net {formatMoneyCompact(p.totals.net, currency)}, NPV{' '}
                {formatMoneyCompact(p.totals.npv, currency)}
              </title>
            </g>
          );
        })}
        <text className="axis-label" x={PAD_X} y={height - 3}>
          {formatMoneyCompact(range.min, currency)}
        </text>
        <text className="axis-label" x={WIDTH - PAD_X} y={height - 3} textAnchor="end">
          {formatMoneyCompact(range.max, currency)}
        </text>
      </svg>
      <figcaption className="chart-legend">
        Upper bar: net over the term · lower bar: NPV
      </figcaption>
    </figure>
  );
}
