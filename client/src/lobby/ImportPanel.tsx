// Creating a room from a term sheet file: checked by the engine in the browser first, so a faulty
// file lists all its issues at once, with where they are, instead of reaching the server.
import { useState } from 'react';
import { ApiError, createRoom } from '../lib/api';
import { enterNewRoom, rememberName } from '../lib/enterRoom';

interface ShownIssue {
  severity: string;
  path: string;
  message: string;
}

function toShownIssues(details: unknown): ShownIssue[] {
  if (!Array.isArray(details)) return [];
  return details.map((raw) => {
    const issue = raw as Partial<ShownIssue>;
    return {
      severity: issue.severity ?? 'error',
      path: issue.path ?? '',
      message: issue.message ?? String(raw),
    };
  });
}

/** Import of a parley.termsheet/v1 file: checked with the engine here, and again by the server. */
export function ImportPanel({ organizerName }: { organizerName: string }) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [issues, setIssues] = useState<ShownIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File) => {
    setFileName(file.name);
    setIssues([]);
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setError('This file is not JSON. Choose a parley.termsheet/v1 file.');
      return;
    }
    const { isTermSheetFormat, checkTermSheetFully } = await import('@parley/shared/termsheet');
    if (!isTermSheetFormat(parsed)) {
      setError(
        'This JSON is not a parley.termsheet/v1 document (its "format" field is missing or different).',
      );
      return;
    }
    // Every problem at once, the structure's and the rules', so fixing the file takes one round.
    const { termsheet, issues: found } = checkTermSheetFully(parsed);
    const errors = found.filter((i) => i.severity === 'error');
    if (!termsheet || errors.length > 0) {
      setIssues(found);
      setError(
        `The term sheet has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before import.`,
      );
      return;
    }
    setBusy(true);
    try {
      const name = rememberName(organizerName);
      const room = await createRoom({
        title: termsheet.title,
        termsheet: parsed,
        ...(name ? { organizerName: name } : {}),
      });
      enterNewRoom(room.roomId, room.organizerToken);
    } catch (err) {
      if (err instanceof ApiError) {
        setIssues(toShownIssues(err.details));
        setError(err.message);
      } else {
        setError('The room could not be created.');
      }
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a term sheet</h2>
      <p className="muted">
        Bring a <code>parley.termsheet/v1</code> JSON file exported from Parley or written by hand.
      </p>
      <label className="dropzone">
        <input
          type="file"
          accept="application/json,.json"
          aria-label="Term sheet file"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void onFile(file);
            e.target.value = '';
          }}
        />
        <span className="dropzone-text">
          {busy ? 'Importing…' : (fileName ?? 'Choose a file…')}
        </span>
      </label>
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
          {issues.length > 0 && (
            <ul className="import-issues">
              {issues.map((issue, i) => (
                <li key={i}>
                  <span className={`sev sev-${issue.severity}`}>{issue.severity}</span>
                  {issue.path && <code>{issue.path}</code>} {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
