// The tornado: for each term, what moving it down and up by the step does to one party's net or
// NPV, largest first, drawn in SVG with a table of the same figures for screen readers and print.
import { formatMoney, formatMoneyCompact } from '../../lib/format';
import type { TornadoRow } from './analysisView';
import { tornadoExtent } from './analysisView';

interface Props {
  rows: TornadoRow[];
  currency: string;
  /** "net" or "NPV", as the caption says it. */
  figure: string;
  stepPct: number;
  partyName: string;
}

const ROW_H = 38;
const BAR_H = 12;
const WIDTH = 320;
const PAD_X = 8;

function signed(v: number, currency: string): string {
  const text = formatMoneyCompact(Math.abs(v), currency);
  return v > 0 ? `+${text}` : v < 0 ? `−${text}` : text;
}

export function TornadoChart({ rows, currency, figure, stepPct, partyName }: Props) {
  const extent = tornadoExtent(rows);
  const mid = WIDTH / 2;
  const half = mid - PAD_X;
  const x = (v: number) => mid + (v / extent) * half;
  const height = rows.length * ROW_H + 24;
  const title = `What moves ${partyName}'s ${figure}: each term ${stepPct} % down and up`;
  return (
    <figure className="analysis-chart" data-chart="tornado">
      <svg
        className="tornado"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={title}
        preserveAspectRatio="xMidYMin meet"
      >
        <line className="axis-zero" x1={mid} x2={mid} y1={0} y2={height - 20} />
        {rows.map((row, i) => {
          const y = i * ROW_H;
          const bar = (v: number | null, tone: 'down' | 'up') => {
            if (v === null || v === 0) return null;
            const from = Math.min(mid, x(v));
            const w = Math.max(1, Math.abs(x(v) - mid));
            return (
              <rect
                className={`bar bar-${tone}`}
                x={from}
                y={y + 16 + (tone === 'down' ? 0 : BAR_H / 2)}
                width={w}
                height={BAR_H / 2 + 2}
                rx={1.5}
              >
                <title>
                  {tone === 'down' ? `−${stepPct} %` : `+${stepPct} %`}: {signed(v, currency)}
                </title>
              </rect>
            );
          };
          return (
            <g key={row.key} className="tornado-row" data-row={row.key}>
              <text className="row-label" x={PAD_X} y={y + 11}>
                {row.label.length > 58 ? `${row.label.slice(0, 56)}…` : row.label}
              </text>
              {bar(row.down, 'down')}
              {bar(row.up, 'up')}
            </g>
          );
        })}
        <text className="axis-label" x={PAD_X} y={height - 6}>
          {signed(-extent, currency)}
        </text>
        <text className="axis-label" x={mid} y={height - 6} textAnchor="middle">
          0
        </text>
        <text className="axis-label" x={WIDTH - PAD_X} y={height - 6} textAnchor="end">
          {signed(extent, currency)}
        </text>
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-swatch bar-down" aria-hidden="true" /> {stepPct} % lower{' '}
        <span className="legend-swatch bar-up" aria-hidden="true" /> {stepPct} % higher
      </figcaption>
      <details className="chart-table">
        <summary>Show as a table</summary>
        <table className="analysis-table" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">{stepPct} % lower</th>
              <th scope="col">{stepPct} % higher</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {[row.down, row.up].map((v, i) => (
                  <td
                    key={i}
                    className={v !== null && v < 0 ? 'is-negative' : undefined}
                    title={v === null ? undefined : formatMoney(v, currency)}
                  >
                    {v === null ? 'not allowed' : signed(v, currency)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
