// The assumptions after the clauses: periods, period unit, discount rate, and each scenario's
// probability and drivers as a constant, a start with growth, or a series (the last two with an
// optional volatility), all written into the shared document.
import { MAX_PERIODS } from '@parley/shared/termsheet';
import type { Issue } from '@parley/shared/termsheet';
import { memo, useMemo } from 'react';
import { pushAt, removeAt, setAt } from '../docWrites';
import type { DocPath } from '../docWrites';
import { useMediation } from '../mediation';
import { FieldErrors, NumberInput, SelectInput, TextInput } from '../params/inputs';
import type { NumberInputProps } from '../params/inputs';
import { fieldId, issuesAt, ParamsContext, useParams } from '../params/ParamsContext';
import type { ParamsContextValue } from '../params/ParamsContext';
import { useRoom } from '../RoomContext';
import type { Sheet, SheetDriver, SheetScenario } from '../sheet';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type DriverKind = 'constant' | 'growth' | 'series';

function driverKind(driver: SheetDriver): DriverKind {
  if (isRecord(driver) && 'series' in driver) return 'series';
  if (isRecord(driver) && 'start' in driver) return 'growth';
  return 'constant';
}

/**
 * A number the format lets a sheet leave out (a scenario's probability, a driver's volatility):
 * clearing the field removes it rather than writing an empty value.
 */
function OptionalNumber(props: NumberInputProps) {
  const ctx = useParams();
  const optional: ParamsContextValue = {
    ...ctx,
    set: (path, value) => (value === null ? ctx.remove(path) : ctx.set(path, value)),
  };
  return (
    <ParamsContext.Provider value={optional}>
      <NumberInput {...props} nullable />
    </ParamsContext.Provider>
  );
}

function SeriesInput({
  path,
  label,
  value,
  periods,
}: {
  path: DocPath;
  label: string;
  value: unknown;
  periods: number;
}) {
  const ctx = useParams();
  const dotted = path.join('.');
  const id = fieldId(ctx.clauseId, dotted);
  const series = Array.isArray(value) ? value : [];
  const own = issuesAt(ctx.issues, dotted).concat(
    issuesAt(ctx.issues, path.slice(0, -1).join('.')),
  );
  return (
    <div className="field field-series">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className={`input${own.length ? ' is-invalid' : ''}`}
        defaultValue={series.join(', ')}
        key={series.join(',')}
        readOnly={!ctx.canEdit}
        aria-describedby={own.length ? `${id}-err` : undefined}
        onBlur={(e) => {
          const values = e.target.value
            .split(/[,;\s]+/)
            .filter(Boolean)
            .map(Number);
          if (values.every((v) => Number.isFinite(v))) ctx.set(path, values);
        }}
      />
      <p className="hint">
        {series.length} of {periods} values, separated by commas
      </p>
      <FieldErrors id={id} issues={own} />
    </div>
  );
}

function DriverRow({
  scenarioIndex,
  name,
  driver,
  periods,
}: {
  scenarioIndex: number;
  name: string;
  driver: SheetDriver;
  periods: number;
}) {
  const ctx = useParams();
  const kind = driverKind(driver);
  const path: DocPath = ['scenarios', scenarioIndex, 'drivers', name];
  const scenarioLabel = `scenario ${scenarioIndex + 1}`;
  const changeKind = (next: DriverKind) => {
    const current =
      typeof driver === 'number'
        ? driver
        : isRecord(driver) && typeof driver.start === 'number'
          ? driver.start
          : 0;
    if (next === 'constant') ctx.set(path, current);
    else if (next === 'growth') ctx.set(path, { start: current, growthPct: 0 });
    else ctx.set(path, { series: Array.from({ length: Math.max(periods, 1) }, () => current) });
  };
  const kindId = fieldId(ctx.clauseId, `${path.join('.')}.kind`);
  return (
    <tr>
      <th scope="row">
        <code>{name}</code>
      </th>
      <td>
        <label htmlFor={kindId} className="visually-hidden">
          Assumptions: {name} driver type ({scenarioLabel})
        </label>
        <select
          id={kindId}
          className="input select"
          value={kind}
          disabled={!ctx.canEdit}
          onChange={(e) => changeKind(e.target.value as DriverKind)}
        >
          <option value="constant">Constant</option>
          <option value="growth">Growth</option>
          <option value="series">Series</option>
        </select>
      </td>
      <td className="driver-values">
        {kind === 'constant' && (
          <NumberInput
            path={path}
            label={`Assumptions: ${name} value (${scenarioLabel})`}
            value={driver}
            unit="plain"
            hideLabel
            compact
          />
        )}
        {kind === 'growth' && isRecord(driver) && (
          <div className="inline-fields">
            <NumberInput
              path={[...path, 'start']}
              label={`Assumptions: ${name} start (${scenarioLabel})`}
              value={driver.start}
              unit="plain"
              compact
            />
            <NumberInput
              path={[...path, 'growthPct']}
              label={`Assumptions: ${name} growth per period (%) (${scenarioLabel})`}
              visibleLabel="Growth per period"
              value={driver.growthPct}
              unit="percent"
              min={-99.9999}
              max={1000}
              compact
            />
            <OptionalNumber
              path={[...path, 'volatilityPct']}
              label={`Assumptions: ${name} volatility per period (%) (${scenarioLabel})`}
              visibleLabel="Volatility"
              value={driver.volatilityPct}
              unit="percent"
              min={0}
              max={100}
              placeholder="none"
              compact
            />
          </div>
        )}
        {kind === 'series' && isRecord(driver) && (
          <>
            <SeriesInput
              path={[...path, 'series']}
              label={`Assumptions: ${name} series (${scenarioLabel})`}
              value={driver.series}
              periods={periods}
            />
            <OptionalNumber
              path={[...path, 'volatilityPct']}
              label={`Assumptions: ${name} volatility per period (%) (${scenarioLabel})`}
              visibleLabel="Volatility"
              value={driver.volatilityPct}
              unit="percent"
              min={0}
              max={100}
              placeholder="none"
              compact
            />
          </>
        )}
      </td>
      {ctx.canEdit && (
        <td className="cell-actions">
          <button
            type="button"
            className="btn btn-icon"
            aria-label={`Remove driver ${name} from ${scenarioLabel}`}
            onClick={() => ctx.remove(path)}
          >
            ×
          </button>
        </td>
      )}
    </tr>
  );
}

function ScenarioCard({
  scenario,
  index,
  periods,
  count,
}: {
  scenario: SheetScenario;
  index: number;
  periods: number;
  count: number;
}) {
  const ctx = useParams();
  const own = issuesAt(ctx.issues, `scenarios.${index}`);
  return (
    <div className="scenario-card">
      <div className="scenario-head">
        <TextInput
          path={['scenarios', index, 'name']}
          label={`Assumptions: scenario ${index + 1} name`}
          value={scenario.name}
        />
        {ctx.canEdit && count > 1 && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            aria-label={`Remove scenario ${scenario.name}`}
            onClick={() => ctx.remove(['scenarios', index])}
          >
            Remove
          </button>
        )}
      </div>
      <div className="scenario-probability">
        <OptionalNumber
          path={['scenarios', index, 'probabilityPct']}
          label={`Assumptions: scenario ${index + 1} probability (%)`}
          visibleLabel="Probability"
          value={scenario.probabilityPct ?? undefined}
          unit="percent"
          min={0}
          max={100}
          placeholder="not given"
          compact
        />
      </div>
      <FieldErrors id={fieldId(ctx.clauseId, `scenarios.${index}`)} issues={own} />
      <div className="table-scroll">
        <table className="param-table drivers-table">
          <caption className="visually-hidden">Drivers of {scenario.name}</caption>
          <thead>
            <tr>
              <th scope="col">Driver</th>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
              {ctx.canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {Object.entries(scenario.drivers).map(([name, driver]) => (
              <DriverRow
                key={name}
                scenarioIndex={index}
                name={name}
                driver={driver}
                periods={periods}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface AssumptionsEditorProps {
  sheet: Sheet;
  issues: Issue[];
  /** Changes whenever anything the editor shows changes; other edits skip its render. */
  renderKey: string;
}

function AssumptionsEditorInner({ sheet, issues }: AssumptionsEditorProps) {
  const { session, canEdit, history } = useRoom();
  const { guard } = useMediation();
  // Every sign-off is bound to the assumptions: any change here asks before voiding them.
  const write = (apply: () => void) => {
    if (canEdit) guard.request({ clauseId: null, valueMoves: true }, apply);
  };
  const a = sheet.assumptions;
  const root = session.doc.getMap<unknown>('assumptions');
  const mapped = useMemo<Issue[]>(
    () =>
      issues
        .filter((i) => i.path.startsWith('assumptions.') || i.path === 'assumptions')
        .map((i) => ({ ...i, param: i.path.replace(/^assumptions\.?/, '') })),
    [issues],
  );
  const context: ParamsContextValue = {
    clauseId: 'assumptions',
    clauseTitle: 'Assumptions',
    currency: sheet.currency,
    parties: sheet.parties,
    streams: [],
    drivers: [],
    issues: mapped,
    canEdit,
    history,
    set: (path, value) => write(() => setAt(root, path, value)),
    push: (path, value) => write(() => pushAt(root, path, value)),
    remove: (path) => write(() => removeAt(root, path)),
  };
  const addScenario = () => {
    const base = a.scenarios[0];
    const n = a.scenarios.length + 1;
    context.push(['scenarios'], {
      id: `scenario-${Date.now().toString(36)}`,
      name: `Scenario ${n}`,
      drivers: base?.drivers ?? {},
    });
  };
  const addDriver = () => {
    const name = window.prompt('Name of the new driver (letters and digits, no spaces)');
    if (!name || !/^[A-Za-z0-9][A-Za-z0-9_:-]{0,63}$/.test(name)) return;
    write(() =>
      session.doc.transact(() => {
        a.scenarios.forEach((_, i) => setAt(root, ['scenarios', i, 'drivers', name], 0));
      }),
    );
  };
  return (
    <section
      className="clause-block assumptions"
      id="assumptions"
      aria-labelledby="assumptions-title"
      role="region"
      tabIndex={-1}
    >
      <header className="clause-head">
        <span className="clause-number" aria-hidden="true">
          ∑
        </span>
        <div className="clause-title-wrap">
          <h2 id="assumptions-title" className="clause-title">
            Assumptions
          </h2>
          <div className="clause-meta">
            <span className="kind-badge is-calc">Scenarios and drivers</span>
          </div>
        </div>
      </header>
      <ParamsContext.Provider value={context}>
        <div className="params">
          <div className="param-row">
            <NumberInput
              path={['periods']}
              label="Assumptions: periods"
              value={a.periods}
              unit="count"
              min={1}
              max={MAX_PERIODS}
            />
            <SelectInput
              path={['periodUnit']}
              label="Assumptions: period unit"
              value={a.periodUnit}
              options={[
                { value: 'month', label: 'Month' },
                { value: 'quarter', label: 'Quarter' },
                { value: 'year', label: 'Year' },
              ]}
            />
            <NumberInput
              path={['discountRatePct']}
              label="Assumptions: annual discount rate (%)"
              value={a.discountRatePct}
              unit="percent"
              min={0}
              max={1000}
            />
          </div>
          <div className="scenario-grid">
            {a.scenarios.map((scenario, i) => (
              <ScenarioCard
                key={`${scenario.id}-${i}`}
                scenario={scenario}
                index={i}
                periods={a.periods}
                count={a.scenarios.length}
              />
            ))}
          </div>
          {canEdit && (
            <div className="button-row">
              <button type="button" className="btn btn-secondary btn-sm" onClick={addScenario}>
                + Add scenario
              </button>
              <button type="button" className="btn btn-secondary btn-sm" onClick={addDriver}>
                + Add driver
              </button>
            </div>
          )}
        </div>
      </ParamsContext.Provider>
    </section>
  );
}

export const AssumptionsEditor = memo(
  AssumptionsEditorInner,
  (a, b) => a.renderKey === b.renderKey,
);
