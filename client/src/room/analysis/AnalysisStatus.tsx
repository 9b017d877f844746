// What an analysis section says instead of, or beside, its figures: still computing, updating
// after an edit, failed, or blocked by the sheet's own errors.
import type { Issue } from '@parley/shared/termsheet';

interface Props {
  pending: boolean;
  error: string | null;
  hasData: boolean;
  issues?: readonly Issue[] | undefined;
  what: string;
}

export function AnalysisStatus({ pending, error, hasData, issues, what }: Props) {
  const errors = (issues ?? []).filter((i) => i.severity === 'error');
  if (error) return <p className="analysis-note is-error">{error}</p>;
  if (!hasData && pending)
    return (
      <p className="analysis-note" role="status">
        Computing the {what}…
      </p>
    );
  if (errors.length > 0)
    return (
      <p className="analysis-note is-error">
        {errors[0]!.path === ''
          ? errors[0]!.message
          : `The calculator needs ${errors.length} fix${errors.length === 1 ? '' : 'es'} before it can show the ${what}.`}
      </p>
    );
  if (pending)
    return (
      <p className="analysis-note is-updating" role="status">
        Updating…
      </p>
    );
  return null;
}
