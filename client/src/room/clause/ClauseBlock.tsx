// One clause of the term sheet on screen: its title, live text, parameter editors, issues,
// mediation strip and comments, editable only where the server would accept the write.
import { clauseKinds, MAX_CLAUSE_TITLE_LENGTH } from '@parley/shared/termsheet';
import type { ClauseKind, Issue } from '@parley/shared/termsheet';
import { memo, useMemo } from 'react';
import * as Y from 'yjs';
import { useStore } from '../../lib/store';
import { ClauseComments, ClauseCommentsToggle } from '../comments';
import { pushAt, removeAt, setAt } from '../docWrites';
import type { DocPath } from '../docWrites';
import { kindLabel } from '../kindLabel';
import { humanizeMessage, specForKind } from '../names';
import {
  ClauseBadges,
  ClauseMediation,
  clauseEditable,
  useMediation,
  valueMovesWith,
} from '../mediation';
import type { ParamEdit } from '../mediation';
import { ParamsContext } from '../params/ParamsContext';
import type { ParamsContextValue } from '../params/ParamsContext';
import { ParamsEditor } from '../params/ParamsEditor';
import { useRoom } from '../RoomContext';
import { getClauseMap } from '../roomDoc';
import type { Sheet, SheetClause } from '../sheet';
import { ClauseBody } from './ClauseBody';

interface ClauseBlockProps {
  clause: SheetClause;
  index: number;
  sheet: Sheet;
  issues: Issue[];
  /** Changes whenever anything this block shows changes; lets the block skip unrelated renders. */
  renderKey: string;
}

function ClauseBlockInner({ clause, index, sheet, issues }: ClauseBlockProps) {
  const { session, model, history, canEdit: roleCanEdit } = useRoom();
  const { store: mediation, guard } = useMediation();
  // Locked clauses and single-text mode make the clause read-only for this member.
  const canEdit = useStore(mediation.state, (s) =>
    clauseEditable(s, clause.id, session.user.role, roleCanEdit),
  );
  // In single-text mode a party may still suggest changes to the text, as the server allows.
  const suggestOnly = useStore(
    mediation.state,
    (s) =>
      !clauseEditable(s, clause.id, session.user.role, roleCanEdit) &&
      roleCanEdit &&
      s.state.mode === 'single-text' &&
      s.state.agreedAt === null &&
      !s.state.locks.includes(clause.id),
  );
  const agendaCurrent = useStore(mediation.state, (s) => s.state.current === clause.id);
  const clauseMap = getClauseMap(session.doc, clause.id);
  const fragment = clauseMap?.get('body');
  const paramsRoot = clauseMap?.get('params');
  const headingId = `clause-${clause.id}-title`;
  const title = clause.title.trim() || kindLabel(clause.kind);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;

  const context = useMemo<ParamsContextValue>(() => {
    const revenue = sheet.clauses.find((c) => c.kind === 'revenue');
    const streams = Array.isArray(revenue?.params.streams)
      ? (revenue.params.streams as { id?: unknown; name?: unknown }[]).map((s) => ({
          id: String(s.id ?? ''),
          name: String(s.name ?? s.id ?? ''),
        }))
      : [];
    const drivers = [
      ...new Set(sheet.assumptions.scenarios.flatMap((s) => Object.keys(s.drivers))),
    ];
    const root = paramsRoot instanceof Y.Map ? (paramsRoot as Y.Map<unknown>) : null;
    // Every parameter write asks first when it would void sign-offs; whether it moves the
    // figures (and so voids every sign-off) is worked out only while some sign-off holds.
    const write = (edit: ParamEdit, apply: (root: Y.Map<unknown>) => void) => {
      if (!root || !canEdit) return;
      const holding = mediation.state.getState().signoffs.signOffs.some((s) => s.voidedAt === null);
      const valueMoves = holding && valueMovesWith(session.doc, clause.id, edit);
      guard.request({ clauseId: clause.id, valueMoves }, () => apply(root));
    };
    return {
      clauseId: clause.id,
      clauseTitle: title,
      currency: sheet.currency,
      parties: sheet.parties,
      streams,
      drivers,
      issues,
      canEdit,
      history,
      set: (path: DocPath, value: unknown) =>
        write({ op: 'set', path, value }, (r) => setAt(r, path, value)),
      push: (path: DocPath, value: unknown) =>
        write({ op: 'push', path, value }, (r) => pushAt(r, path, value)),
      remove: (path: DocPath) => write({ op: 'remove', path }, (r) => removeAt(r, path)),
    };
  }, [clause.id, title, sheet, issues, canEdit, paramsRoot, history, guard, mediation, session]);

  const spec = specForKind(clause.kind);
  const calculator = (clauseKinds as Record<string, { calculator?: boolean } | undefined>)[
    clause.kind as ClauseKind
  ]?.calculator;

  return (
    <section
      className={`clause-block${errors ? ' has-errors' : ''}${agendaCurrent ? ' is-agenda-current' : ''}${canEdit || !roleCanEdit ? '' : ' is-locked'}`}
      id={`clause-${clause.id}`}
      aria-labelledby={headingId}
      role="region"
      tabIndex={-1}
      onFocus={() => session.focusClause(clause.id)}
    >
      <header className="clause-head">
        <span className="clause-number" aria-hidden="true">
          {index + 1}
        </span>
        <div className="clause-title-wrap">
          <h2 id={headingId} className="clause-title">
            {canEdit ? (
              <input
                className="title-input"
                aria-label={`${title}: clause title`}
                aria-describedby={
                  clause.title.length >= MAX_CLAUSE_TITLE_LENGTH ? `${headingId}-limit` : undefined
                }
                value={clause.title}
                maxLength={MAX_CLAUSE_TITLE_LENGTH}
                placeholder={kindLabel(clause.kind)}
                onChange={(e) => {
                  const next = e.target.value.slice(0, MAX_CLAUSE_TITLE_LENGTH);
                  guard.request({ clauseId: clause.id, valueMoves: false }, () =>
                    clauseMap?.set('title', next),
                  );
                }}
              />
            ) : (
              title
            )}
          </h2>
          {canEdit && clause.title.length >= MAX_CLAUSE_TITLE_LENGTH && (
            <p id={`${headingId}-limit`} className="field-warning" role="status">
              A clause title holds at most {MAX_CLAUSE_TITLE_LENGTH} characters.
            </p>
          )}
          <div className="clause-meta">
            <span className={`kind-badge${calculator ? ' is-calc' : ''}`}>
              {kindLabel(clause.kind)}
            </span>
            {errors > 0 && (
              <span className="status-pill is-error">
                {errors} error{errors === 1 ? '' : 's'}
              </span>
            )}
            {warnings > 0 && (
              <span className="status-pill is-warning">
                {warnings} warning{warnings === 1 ? '' : 's'}
              </span>
            )}
            <ClauseBadges clauseId={clause.id} />
            <ClauseCommentsToggle clauseId={clause.id} title={title} />
          </div>
        </div>
      </header>
      {fragment instanceof Y.XmlFragment && (
        <ClauseBody
          clauseId={clause.id}
          title={title}
          fragment={fragment}
          session={session}
          model={model}
          history={history}
          editable={canEdit || suggestOnly}
          forceSuggest={!canEdit && suggestOnly}
          guard={guard}
        />
      )}
      <ParamsContext.Provider value={context}>
        <ParamsEditor spec={spec} params={clause.params} />
      </ParamsContext.Provider>
      {issues.filter((i) => !i.param).length > 0 && (
        <ul className="clause-issues">
          {issues
            .filter((i) => !i.param)
            .map((issue, i) => (
              <li key={i} className={issue.severity === 'error' ? 'field-error' : 'field-warning'}>
                {humanizeMessage(issue.message, sheet, clause.id)}
              </li>
            ))}
        </ul>
      )}
      <ClauseMediation clause={clause} clauseTitle={title} sheet={sheet} spec={spec} />
      <ClauseComments clauseId={clause.id} title={title} params={clause.params} />
    </section>
  );
}

export const ClauseBlock = memo(
  ClauseBlockInner,
  (a, b) => a.renderKey === b.renderKey && a.index === b.index,
);
