// "Since your last visit": what happened while the member was away (comments, mentions, changed
// clauses and what they did to each party's figures), and the header button that brings it back.
import type { SinceLastVisit, VisitCommentEntry } from '@parley/shared/comments';
import { useEffect, useRef } from 'react';
import { formatMoneyCompact } from '../../lib/format';
import { useShallow, useStore } from '../../lib/store';
import { useCommentsStore } from '../comments/CommentsContext';
import { fullTime, timeAgo } from '../comments/format';
import { ClockIcon } from '../comments/icons';
import { useReturnFocus } from '../comments/useReturnFocus';
import { kindTitle } from '../kindLabel';
import { paramName, paramValueText } from '../names';
import { useRoom } from '../RoomContext';
import { scrollToClause } from '../scrollToClause';

function countNews(visit: SinceLastVisit | null): number {
  if (!visit || visit.since === null) return 0;
  return visit.newComments.length + visit.clauseChanges.length;
}

/** Moves under one unit of currency are rounding, not news. */
function signed(cents: number, currency: string): string {
  if (Math.abs(cents) < 100) return 'no change';
  return `${cents > 0 ? '+' : '−'}${formatMoneyCompact(Math.abs(cents), currency)}`;
}

function deltaClass(cents: number | null): string {
  if (cents === null || Math.abs(cents) < 100) return 'delta';
  return cents < 0 ? 'delta is-down' : 'delta is-up';
}

/** Header button that brings the summary back after it was dismissed. */
export function VisitButton() {
  const store = useCommentsStore();
  const { visit, visitOpen } = useStore(
    store.state,
    useShallow(({ visit, visitOpen }) => ({ visit, visitOpen })),
  );
  const news = countNews(visit);
  return (
    <button
      type="button"
      className={`header-icon-btn${news ? ' has-count' : ''}`}
      aria-expanded={visitOpen}
      aria-label={`Since your last visit${news ? `: ${news} updates` : ''}`}
      title="Since your last visit"
      onClick={() => store.setVisitOpen(!visitOpen)}
    >
      <ClockIcon />
      {news > 0 && <span className="count-badge">{news}</span>}
    </button>
  );
}

function CommentEntry({ entry, title }: { entry: VisitCommentEntry; title: string }) {
  const store = useCommentsStore();
  return (
    <li>
      <button
        type="button"
        className="visit-entry"
        onClick={() => {
          store.setVisitOpen(false);
          store.showThread(entry.threadId);
        }}
      >
        <span>
          <strong>{entry.author.name}</strong> {entry.isReply ? 'replied' : 'commented'} on{' '}
          <em>{title}</em>
        </span>
        <span className="notification-excerpt">{entry.excerpt}</span>
        <span className="muted small">{timeAgo(entry.createdAt)}</span>
      </button>
    </li>
  );
}

/** "Since your last visit": comments, mentions, clause changes and what they did to the totals. */
export function SinceLastVisitPanel() {
  const store = useCommentsStore();
  const { model } = useRoom();
  const { visit, visitOpen } = useStore(
    store.state,
    useShallow(({ visit, visitOpen }) => ({ visit, visitOpen })),
  );
  const sheet = useStore(model.state, (s) => s.sheet);
  const closeRef = useRef<HTMLButtonElement>(null);
  useReturnFocus(visitOpen);

  useEffect(() => {
    if (!visitOpen) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.setVisitOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visitOpen, store]);

  if (!visitOpen) return null;
  const titleOf = (clauseId: string) => {
    const clause = sheet.clauses.find((c) => c.id === clauseId);
    return clause ? kindTitle(clause) : 'a removed clause';
  };
  const partyName = (id: string) => sheet.parties.find((p) => p.id === id)?.name ?? id;
  const scenarioName = (id: string) =>
    sheet.assumptions.scenarios.find((s) => s.id === id)?.name ?? id;
  const empty = !visit || visit.since === null || countNews(visit) === 0;

  return (
    <aside className="side-panel visit-panel" role="dialog" aria-labelledby="visit-h">
      <header className="side-panel-head">
        <div>
          <h2 id="visit-h">Since your last visit</h2>
          {visit?.since && (
            <p className="muted small" title={fullTime(visit.since)}>
              You were last here {timeAgo(visit.since)}
            </p>
          )}
        </div>
        <button
          ref={closeRef}
          type="button"
          className="btn btn-icon btn-xs"
          aria-label="Close the summary"
          onClick={() => store.setVisitOpen(false)}
        >
          ×
        </button>
      </header>
      <div className="side-panel-body">
        {empty && (
          <p className="muted small">
            {visit?.since === null
              ? 'This is your first visit. Next time, this shows what changed while you were away.'
              : 'Nothing changed while you were away.'}
          </p>
        )}
        {visit && visit.mentions.length > 0 && (
          <section className="panel-group" aria-labelledby="visit-mentions">
            <h3 id="visit-mentions" className="panel-group-title">
              Mentions of you
            </h3>
            <ul className="visit-list">
              {visit.mentions.map((m) => (
                <CommentEntry key={m.commentId} entry={m} title={titleOf(m.clauseId)} />
              ))}
            </ul>
          </section>
        )}
        {visit && visit.newComments.length > 0 && (
          <section className="panel-group" aria-labelledby="visit-comments">
            <h3 id="visit-comments" className="panel-group-title">
              New comments and replies
            </h3>
            <ul className="visit-list">
              {visit.newComments.map((m) => (
                <CommentEntry key={m.commentId} entry={m} title={titleOf(m.clauseId)} />
              ))}
            </ul>
          </section>
        )}
        {visit && visit.clauseChanges.length > 0 && (
          <section className="panel-group" aria-labelledby="visit-changes">
            <h3 id="visit-changes" className="panel-group-title">
              Changed clauses
            </h3>
            <ul className="visit-list">
              {visit.clauseChanges.map((c) => {
                const what = c.added
                  ? 'added'
                  : c.removed
                    ? 'removed'
                    : [c.textChanged && 'text', c.paramsChanged && 'parameters']
                        .filter(Boolean)
                        .join(' and ') + ' changed';
                return (
                  <li key={c.clauseId} className="visit-change">
                    {c.title !== null && !c.removed ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          store.setVisitOpen(false);
                          requestAnimationFrame(() => scrollToClause(c.clauseId));
                        }}
                      >
                        {c.title || titleOf(c.clauseId)}
                      </button>
                    ) : (
                      <strong>{c.title || 'A removed clause'}</strong>
                    )}
                    <span className="muted small">
                      {' '}
                      · {what}
                      {c.changedBy.length > 0 && ` by ${c.changedBy.map((p) => p.name).join(', ')}`}
                    </span>
                    {c.changedParams.length > 0 && (
                      <ul className="changed-params">
                        {(c.paramChanges ?? []).map((p) => {
                          const clause = sheet.clauses.find((x) => x.id === c.clauseId);
                          return (
                            <li key={p.path}>
                              <span className="change-label">
                                {paramName(clause?.params ?? {}, p.path, sheet.parties)}
                              </span>
                              :{' '}
                              <span className="change-old">
                                {paramValueText(sheet, clause, p.path, p.before)}
                              </span>{' '}
                              →{' '}
                              <strong className="change-new">
                                {paramValueText(sheet, clause, p.path, p.after)}
                              </strong>
                            </li>
                          );
                        })}
                        {c.changedParams.length > (c.paramChanges ?? []).length && (
                          <li className="muted">
                            and {c.changedParams.length - (c.paramChanges ?? []).length} more
                          </li>
                        )}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        {visit && visit.valueEffect.length > 0 && (
          <section className="panel-group" aria-labelledby="visit-value">
            <h3 id="visit-value" className="panel-group-title">
              Effect on each party&rsquo;s totals
            </h3>
            {visit.valueEffect.map((s) => (
              <table key={s.scenarioId} className="visit-table">
                <caption>{scenarioName(s.scenarioId)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Party</th>
                    <th scope="col">Allocation</th>
                    <th scope="col">Net</th>
                  </tr>
                </thead>
                <tbody>
                  {s.parties.map((p) => (
                    <tr key={p.partyId}>
                      <th scope="row">{partyName(p.partyId)}</th>
                      <td className={deltaClass(p.allocationDelta)}>
                        {p.allocationDelta === null
                          ? '—'
                          : signed(p.allocationDelta, sheet.currency)}
                      </td>
                      <td className={deltaClass(p.netDelta)}>
                        {p.netDelta === null ? '—' : signed(p.netDelta, sheet.currency)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </section>
        )}
      </div>
      {!empty && (
        <footer className="side-panel-foot">
          <button
            type="button"
            className="btn btn-secondary btn-xs"
            onClick={() => {
              void store.markVisit().catch(() => undefined);
              store.setVisitOpen(false);
            }}
          >
            Mark all as seen
          </button>
        </footer>
      )}
    </aside>
  );
}
