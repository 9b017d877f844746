// Export from the room header: Word, PDF or Markdown, clean or as a redline against a version,
// marked as a draft until the sheet is agreed. Anyone who reads the sheet may export it.
import { useEffect, useState } from 'react';
import type { ExportFormat, VersionSummary } from '@parley/shared/versions';
import { useRoom } from '../RoomContext';
import { downloadExport, listVersions } from '../suggestions';
import { versionLabel } from './VersionsPanel';

const formats: { id: ExportFormat; label: string }[] = [
  { id: 'docx', label: 'Word (.docx)' },
  { id: 'pdf', label: 'PDF' },
  { id: 'md', label: 'Markdown' },
];

export function ExportMenu({ onClose }: { onClose: () => void }) {
  const { roomId, token } = useRoom();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [against, setAgainst] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listVersions(token, roomId).then(setVersions, () => setVersions([]));
  }, [token, roomId]);
  const download = async (format: ExportFormat) => {
    setError(null);
    setStatus('Preparing…');
    try {
      const name = await downloadExport(token, roomId, format, against === '' ? null : against);
      setStatus(`Downloaded ${name}`);
    } catch (e) {
      setStatus(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div
      className="export-menu"
      role="dialog"
      aria-label="Export the term sheet"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <label>
        Redline against
        <select
          aria-label="Redline against"
          value={against}
          onChange={(e) => setAgainst(e.target.value)}
        >
          <option value="">No redline (clean)</option>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {versionLabel(v)}
            </option>
          ))}
        </select>
      </label>
      <div className="export-buttons">
        {formats.map((f) => (
          <button
            key={f.id}
            type="button"
            className="btn btn-small"
            onClick={() => void download(f.id)}
          >
            Download {f.label}
          </button>
        ))}
      </div>
      {status && (
        <p className="export-status" role="status">
          {status}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="btn-link" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
