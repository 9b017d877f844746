// The risk charts, in SVG: each party's range of net over the term (P5 to P95, the middle half,
// the median and the scenario as written), and the spread of one party's net across the paths.
import type { PartyRisk } from '@parley/shared/analysis';
import { formatMoneyCompact } from '../../lib/format';
import { niceRange, position } from './analysisView';

const WIDTH = 320;
const PAD_X = 8;

interface RangeProps {
  parties: { id: string; name: string; index: number; risk: PartyRisk; asWritten: number | null }[];
  currency: string;
  label: string;
}

/** Per party: a whisker from P5 to P95, a box from P25 to P75, a mark at the median. */
export function RiskRangeChart({ parties, currency, label }: RangeProps) {
  const lo = Math.min(...parties.map((p) => p.risk.net.p5));
  const hi = Math.max(...parties.map((p) => p.risk.net.p95));
  const range = niceRange(lo, hi);
  const inner = WIDTH - 2 * PAD_X;
  const x = (v: number) => PAD_X + position(v, range, inner);
  const ROW = 34;
  const height = parties.length * ROW + 22;
  return (
    <svg
      className="risk-range"
      data-chart="risk-range"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={label}
    >
      <line className="axis-zero" x1={x(0)} x2={x(0)} y1={0} y2={height - 18} />
      {parties.map((p, i) => {
        const y = i * ROW;
        const colour = `var(--party-${p.index % 16})`;
        const n = p.risk.net;
        return (
          <g key={p.id} className="risk-row" data-party={p.id}>
            <text className="row-label" x={PAD_X} y={y + 11}>
              {p.name}
            </text>
            <line
              className="whisker"
              x1={x(n.p5)}
              x2={x(n.p95)}
              y1={y + 22}
              y2={y + 22}
              stroke={colour}
            />
            <rect
              className="box"
              x={x(n.p25)}
              y={y + 16}
              width={Math.max(1.5, x(n.p75) - x(n.p25))}
              height={12}
              fill={colour}
            >
              <title>
                {p.name}: P5 {formatMoneyCompact(n.p5, currency)}, median{' '}
                {formatMoneyCompact(n.p50, currency)}, P95 {formatMoneyCompact(n.p95, currency)}
              </title>
            </rect>
            <line className="median" x1={x(n.p50)} x2={x(n.p50)} y1={y + 14} y2={y + 30} />
            {p.asWritten !== null && (
              <circle className="as-written" cx={x(p.asWritten)} cy={y + 22} r={2.5} />
            )}
          </g>
        );
      })}
      <text className="axis-label" x={PAD_X} y={height - 4}>
        {formatMoneyCompact(range.min, currency)}
      </text>
      {x(0) - PAD_X > 40 && WIDTH - PAD_X - x(0) > 40 && (
        <text className="axis-label" x={x(0)} y={height - 4} textAnchor="middle">
          0
        </text>
      )}
      <text className="axis-label" x={WIDTH - PAD_X} y={height - 4} textAnchor="end">
        {formatMoneyCompact(range.max, currency)}
      </text>
    </svg>
  );
}

interface HistogramProps {
  risk: PartyRisk;
  currency: string;
  label: string;
  colourIndex: number;
}

/** The share of paths in each band of net, with the loss side marked. */
export function NetHistogram({ risk, currency, label, colourIndex }: HistogramProps) {
  const { from, width, pct } = risk.histogram;
  const height = 110;
  const chartH = 86;
  const inner = WIDTH - 2 * PAD_X;
  const barW = inner / pct.length;
  const top = Math.max(...pct, 1);
  const to = from + width * pct.length;
  const zeroAt =
    to > from && from < 0 && to > 0 ? PAD_X + ((0 - from) / (to - from)) * inner : null;
  return (
    <svg
      className="net-histogram"
      data-chart="histogram"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={label}
    >
      {pct.map((share, k) => {
        const h = (share / top) * (chartH - 4);
        const lower = from + k * width;
        return (
          <rect
            key={k}
            className={`hist-bar${lower + width <= 0 ? ' is-loss' : ''}`}
            x={PAD_X + k * barW + 0.5}
            y={chartH - h}
            width={Math.max(0.5, barW - 1)}
            height={h}
            fill={lower + width <= 0 ? undefined : `var(--party-${colourIndex % 16})`}
          >
            <title>
              {formatMoneyCompact(lower, currency)} to {formatMoneyCompact(lower + width, currency)}
              : {share.toLocaleString('en-GB', { maximumFractionDigits: 1 })} % of paths
            </title>
          </rect>
        );
      })}
      {zeroAt !== null && <line className="axis-zero" x1={zeroAt} x2={zeroAt} y1={0} y2={chartH} />}
      <line className="axis-base" x1={PAD_X} x2={WIDTH - PAD_X} y1={chartH} y2={chartH} />
      <text className="axis-label" x={PAD_X} y={height - 6}>
        {formatMoneyCompact(from, currency)}
      </text>
      <text className="axis-label" x={WIDTH - PAD_X} y={height - 6} textAnchor="end">
        {formatMoneyCompact(to, currency)}
      </text>
    </svg>
  );
}
