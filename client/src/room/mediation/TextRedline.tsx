// Where a proposal carries a new clause text: the redline against the current text, loaded when
// first shown, with the chips' values before and after the proposal's parameter changes.
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { chipText } from '../names';
import type { Sheet } from '../sheet';

const ProposalRedline = lazy(() => import('./ProposalRedline'));

export function TextRedline({
  sheet,
  clauseId,
  currentText,
  proposedText,
  proposedParams,
  label,
}: {
  sheet: Sheet;
  clauseId: string;
  currentText: string;
  proposedText: string;
  /** The clause's params once the proposal's changes are applied. */
  proposedParams: Record<string, unknown>;
  label: string;
}) {
  const proposedSheet = useMemo<Sheet>(
    () => ({
      ...sheet,
      clauses: sheet.clauses.map((c) => (c.id === clauseId ? { ...c, params: proposedParams } : c)),
    }),
    [sheet, clauseId, proposedParams],
  );
  const currentChip = useCallback(
    (path: string) => chipText(sheet, clauseId, path).text,
    [sheet, clauseId],
  );
  const proposedChip = useCallback(
    (path: string) => chipText(proposedSheet, clauseId, path).text,
    [proposedSheet, clauseId],
  );
  return (
    <Suspense fallback={<p className="muted small">Comparing the texts…</p>}>
      <ProposalRedline
        currentText={currentText}
        proposedText={proposedText}
        currentChip={currentChip}
        proposedChip={proposedChip}
        label={label}
      />
    </Suspense>
  );
}
