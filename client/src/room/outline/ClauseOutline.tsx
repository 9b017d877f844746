// The outline beside the clauses: every clause with its state, who is working in it and its
// unread comments; reordering, removing and adding clauses for those who may edit.
import { clauseKindIds, clauseKinds } from '@parley/shared/termsheet';
import type { ClauseKind } from '@parley/shared/termsheet';
import { useEffect, useState } from 'react';
import { useShallow, useStore } from '../../lib/store';
import { OutlineUnreadBadge } from '../comments';
import { kindLabel } from '../kindLabel';
import { useMediation } from '../mediation/MediationContext';
import { useRoom } from '../RoomContext';
import { insertClause, moveClause, removeClause } from '../roomDoc';
import { scrollToClause } from '../scrollToClause';

export function ClauseOutline() {
  const { session, model, canEdit } = useRoom();
  const { store: mediation } = useMediation();
  const { sheet, issues } = useStore(
    model.state,
    useShallow(({ sheet, issues }) => ({ sheet, issues })),
  );
  const presence = useStore(session.state, (s) => s.presence);
  const agendaCurrent = useStore(mediation.state, (s) => s.state.current);
  // The server refuses any change to a locked clause, its removal included: no Remove for those.
  const locks = useStore(mediation.state, (s) => s.state.locks);
  const [openOnPhone, setOpenOnPhone] = useState(false);
  const [kind, setKind] = useState<string>('custom');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const order = sheet.clauses.map((c) => c.id).join(',');

  // The clause nearest the top of the viewport is the one the outline marks as current.
  useEffect(() => {
    const blocks = [
      ...document.querySelectorAll<HTMLElement>('section.clause-block[id^="clause-"]'),
    ];
    const visible = new Map<string, number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = entry.target.id.slice('clause-'.length);
          if (entry.isIntersecting) visible.set(id, entry.boundingClientRect.top);
          else visible.delete(id);
        }
        const top = [...visible.entries()].sort((a, b) => a[1] - b[1])[0];
        if (top) setCurrent(top[0]);
      },
      { rootMargin: '-80px 0px -55% 0px' },
    );
    blocks.forEach((block) => observer.observe(block));
    return () => observer.disconnect();
  }, [order]);

  const usedCalculatorKinds = new Set(
    sheet.clauses.filter((c) => clauseKinds[c.kind as ClauseKind]?.calculator).map((c) => c.kind),
  );
  const addable = clauseKindIds.filter(
    (k) => !(clauseKinds[k].calculator && usedCalculatorKinds.has(k)),
  );

  const add = () => {
    const chosen = addable.includes(kind as ClauseKind) ? (kind as ClauseKind) : 'custom';
    const id = insertClause(session.doc, {
      kind: chosen,
      title: clauseKinds[chosen].label,
    });
    requestAnimationFrame(() => scrollToClause(id));
  };

  return (
    <nav className={`outline${openOnPhone ? ' is-open' : ''}`} aria-label="Clauses">
      <div className="outline-head">
        <h2>Term sheet</h2>
        <span className="muted small">{sheet.clauses.length} clauses</span>
        <button
          type="button"
          className="btn btn-secondary btn-xs outline-toggle"
          aria-expanded={openOnPhone}
          aria-controls="outline-list"
          onClick={() => setOpenOnPhone(!openOnPhone)}
        >
          {openOnPhone ? 'Hide the list' : 'Go to a clause'}
        </button>
      </div>
      <ol className="outline-list" id="outline-list">
        {sheet.clauses.map((clause, index) => {
          const clauseIssues = issues.filter((i) => i.clauseId === clause.id);
          const errors = clauseIssues.filter((i) => i.severity === 'error').length;
          const state = errors ? 'error' : clauseIssues.length ? 'warning' : 'ok';
          const here = presence.filter((p) => p.focus === clause.id && !p.self);
          const title = clause.title.trim() || kindLabel(clause.kind);
          const locked = locks.includes(clause.id);
          return (
            <li
              key={clause.id}
              className={`outline-item state-${state}${current === clause.id ? ' is-current' : ''}${agendaCurrent === clause.id ? ' is-agenda-current' : ''}`}
            >
              <button
                type="button"
                className="outline-link"
                aria-current={current === clause.id ? 'location' : undefined}
                onClick={() => {
                  setOpenOnPhone(false);
                  // After the list has folded away, or the clause would move up by its height.
                  requestAnimationFrame(() => scrollToClause(clause.id));
                }}
              >
                <span className={`state-dot state-${state}`} aria-hidden="true" />
                <span className="outline-title">{title}</span>
                <span className="visually-hidden">
                  {state === 'ok'
                    ? ', no issues'
                    : `, ${clauseIssues.length} issue${clauseIssues.length === 1 ? '' : 's'}`}
                </span>
                <OutlineUnreadBadge clauseId={clause.id} />
                {agendaCurrent === clause.id && (
                  <span className="outline-agenda" title="On the agenda now">
                    now
                  </span>
                )}
                {here.length > 0 && (
                  <span
                    className="outline-here"
                    aria-label={`${here.map((p) => p.name).join(', ')} here`}
                  >
                    {here.map((p) => (
                      <span key={p.key} className="mini-dot" style={{ background: p.color }} />
                    ))}
                  </span>
                )}
              </button>
              {canEdit && (
                <span className="outline-actions">
                  <button
                    type="button"
                    className="btn btn-icon btn-xs"
                    aria-label={`Move ${title} up`}
                    disabled={index === 0}
                    onClick={() => moveClause(session.doc, clause.id, index - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-icon btn-xs"
                    aria-label={`Move ${title} down`}
                    disabled={index === sheet.clauses.length - 1}
                    onClick={() => moveClause(session.doc, clause.id, index + 1)}
                  >
                    ↓
                  </button>
                  {locked ? (
                    <span
                      className="outline-locked"
                      title={`${title} is locked: it cannot be removed until it is unlocked`}
                    >
                      <span aria-hidden="true">🔒</span>
                      <span className="visually-hidden">{title} is locked</span>
                    </span>
                  ) : confirming === clause.id ? (
                    <button
                      type="button"
                      className="btn btn-danger btn-xs"
                      aria-label={`Confirm removing ${title}`}
                      onClick={() => {
                        removeClause(session.doc, clause.id);
                        setConfirming(null);
                      }}
                      onBlur={() => setConfirming(null)}
                    >
                      Remove?
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-icon btn-xs"
                      aria-label={`Remove ${title}`}
                      onClick={() => setConfirming(clause.id)}
                    >
                      ×
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <div className="outline-add">
          <label htmlFor="add-clause-kind" className="small muted">
            Add a clause
          </label>
          <div className="outline-add-row">
            <select
              id="add-clause-kind"
              className="input select"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
            >
              {addable.map((k) => (
                <option key={k} value={k}>
                  {clauseKinds[k].label}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn-secondary" onClick={add}>
              Add
            </button>
          </div>
        </div>
      )}
      <a
        className="outline-link outline-extra"
        href="#assumptions"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('assumptions')?.scrollIntoView({ behavior: 'smooth' });
        }}
      >
        Assumptions &amp; scenarios
      </a>
    </nav>
  );
}
