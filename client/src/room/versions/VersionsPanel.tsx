// The versions of the sheet: save one with a name, the timeline with who kept each and when, open
// one read-only, compare any two (or one with now) and restore one as proposals.
import { useCallback, useEffect, useState } from 'react';
import { NOW, asLooseSheet, clauseParagraphs } from '@parley/shared/versions';
import type { SheetComparison, Version, VersionSummary } from '@parley/shared/versions';
import { can } from '@parley/shared/permissions';
import type { Role } from '@parley/shared/permissions';
import { formatDateTime } from './when';
import { useRoom } from '../RoomContext';
import { compare, getVersion, listVersions, restoreVersion, saveVersion } from '../suggestions';
import { ComparisonView } from './ComparisonView';

const kindLabel: Record<VersionSummary['kind'], string> = {
  saved: 'Saved',
  draft: 'Draft published',
  agreement: 'Agreed',
  reopen: 'Reopened',
};

export function versionLabel(v: VersionSummary): string {
  return `Version ${v.number}: ${v.name}`;
}

function ReadOnlyVersion({ version }: { version: Version }) {
  const sheet = asLooseSheet(version.termsheet);
  return (
    <article className="version-view" aria-label={`${versionLabel(version)} (read-only)`}>
      <p className="version-readonly-note">Read-only: this is the sheet as it was.</p>
      {(sheet.clauses ?? []).map((clause, i) => (
        <section key={clause.id} className="version-clause">
          <h4>
            {i + 1}. {clause.title || clause.id}
          </h4>
          {clauseParagraphs(sheet, clause).map((p, j) => (
            <p key={j}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}

export function VersionsPanel({ onClose }: { onClose: () => void }) {
  const { roomId, token, session, canEdit } = useRoom();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [opened, setOpened] = useState<Version | null>(null);
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>(NOW);
  const [result, setResult] = useState<{
    comparison: SheetComparison;
    fromLabel: string;
    toLabel: string;
  } | null>(null);

  const refresh = useCallback(async () => {
    try {
      setVersions(await listVersions(token, roomId));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [token, roomId]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const label = (ref: string) =>
    ref === NOW
      ? 'now'
      : versions.find((v) => v.id === ref)
        ? versionLabel(versions.find((v) => v.id === ref)!)
        : ref;
  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    setNote(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const runCompare = (a: string, b: string) =>
    attempt(async () => {
      const answer = await compare(token, roomId, a, b);
      setOpened(null);
      setFrom(a);
      setTo(b);
      setResult({ comparison: answer.comparison, fromLabel: label(a), toLabel: label(b) });
    });

  return (
    <div className="versions-backdrop" role="presentation" onClick={onClose}>
      <div
        className="versions-panel"
        role="dialog"
        aria-modal="true"
        aria-label="Versions"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header className="versions-header">
          <h2>Versions</h2>
          <button type="button" className="btn-close" aria-label="Close versions" onClick={onClose}>
            ×
          </button>
        </header>
        {canEdit && (
          <form
            className="version-save"
            onSubmit={(e) => {
              e.preventDefault();
              void attempt(async () => {
                const saved = await saveVersion(token, roomId, name);
                setName('');
                setNote(`Saved ${versionLabel(saved)}.`);
                await refresh();
              });
            }}
          >
            <label htmlFor="version-name">Save this state as a version</label>
            <input
              id="version-name"
              value={name}
              maxLength={120}
              placeholder="Sent to partner 12 Nov"
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="btn btn-primary" disabled={name.trim() === ''}>
              Save version
            </button>
          </form>
        )}
        {note && (
          <p className="version-note" role="status">
            {note}
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ol className="version-timeline" aria-label="Timeline">
          {[...versions].reverse().map((v) => {
            const previous = versions.find((p) => p.number === v.number - 1);
            return (
              <li key={v.id} className={`version-item kind-${v.kind}`}>
                <div className="version-title">{versionLabel(v)}</div>
                <div className="version-meta">
                  {kindLabel[v.kind]} · {v.createdBy ? v.createdBy.name : 'Parley'} ·{' '}
                  {formatDateTime(v.createdAt)}
                </div>
                <div className="version-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Open ${versionLabel(v)}`}
                    onClick={() =>
                      void attempt(async () => {
                        setResult(null);
                        setOpened(await getVersion(token, roomId, v.id));
                      })
                    }
                  >
                    Open
                  </button>
                  {previous && (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Compare ${versionLabel(v)} with the previous version`}
                      onClick={() => void runCompare(previous.id, v.id)}
                    >
                      Compare with previous
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Compare ${versionLabel(v)} with now`}
                    onClick={() => void runCompare(v.id, NOW)}
                  >
                    Compare with now
                  </button>
                  {can(session.user.role as Role, 'propose') && (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Restore ${versionLabel(v)}`}
                      onClick={() =>
                        void attempt(async () => {
                          if (
                            !window.confirm(
                              `Propose to bring the sheet back to ${versionLabel(v)}? The other parties decide on each clause.`,
                            )
                          )
                            return;
                          const answer = await restoreVersion(token, roomId, v.id);
                          setNote(
                            `Proposed ${answer.proposals.length} change(s) to restore ${versionLabel(v)}.` +
                              answer.skipped.map((s) => ` ${s.title}: ${s.reason}`).join(''),
                          );
                        })
                      }
                    >
                      Restore…
                    </button>
                  )}
                </div>
              </li>
            );
          })}
          {versions.length === 0 && (
            <li className="version-empty">
              No versions yet. Versions are also kept when a draft is published and when the sheet
              is agreed or reopened.
            </li>
          )}
        </ol>
        {versions.length > 0 && (
          <form
            className="version-compare"
            onSubmit={(e) => {
              e.preventDefault();
              if (from) void runCompare(from, to);
            }}
          >
            <label>
              From
              <select
                aria-label="Compare from"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              >
                <option value="">Choose…</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {versionLabel(v)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              To
              <select aria-label="Compare to" value={to} onChange={(e) => setTo(e.target.value)}>
                <option value={NOW}>Now</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {versionLabel(v)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn" disabled={from === ''}>
              Compare
            </button>
          </form>
        )}
        {result && <ComparisonView {...result} />}
        {opened && <ReadOnlyVersion version={opened} />}
      </div>
    </div>
  );
}
