// The lawyer's tools in the room header: the text mode, the versions and the export menu.
import { Suspense, lazy, useState } from 'react';
import { TextModeToggle } from '../suggestions';

// Loaded when first opened, so the room's first paint does not wait for them.
const VersionsPanel = lazy(() =>
  import('./VersionsPanel').then((m) => ({ default: m.VersionsPanel })),
);
const ExportMenu = lazy(() => import('./ExportMenu').then((m) => ({ default: m.ExportMenu })));

export function LawyerTools() {
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  return (
    <div className="lawyer-tools">
      <TextModeToggle />
      <button type="button" className="btn btn-small" onClick={() => setVersionsOpen(true)}>
        Versions
      </button>
      <div className="export-anchor">
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={exportOpen}
          onClick={() => setExportOpen((o) => !o)}
        >
          Export
        </button>
        {exportOpen && (
          <Suspense fallback={null}>
            <ExportMenu onClose={() => setExportOpen(false)} />
          </Suspense>
        )}
      </div>
      {versionsOpen && (
        <Suspense fallback={null}>
          <VersionsPanel onClose={() => setVersionsOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
