// Why a proposal cannot go ahead: the errors it would add to the term sheet, in the words the
// clause editor uses, said where the disabled buttons are.
import type { Issue } from '@parley/shared/termsheet';
import { humanizeMessage } from '../names';
import type { Sheet } from '../sheet';

export function ProposalBlockers({
  id,
  issues,
  sheet,
  draft = false,
}: {
  id: string;
  issues: readonly Issue[];
  sheet: Sheet;
  /** A draft not sent yet, rather than a proposal on the table. */
  draft?: boolean;
}) {
  return (
    <div id={id} className="proposal-blockers field-error" role="status">
      <p>
        {draft
          ? 'This draft would break the term sheet, so it cannot be sent:'
          : 'This proposal would break the term sheet, so it cannot be accepted or applied:'}
      </p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>{humanizeMessage(issue.message, sheet, issue.clauseId)}</li>
        ))}
      </ul>
      <p className="small">
        {draft
          ? 'Change the values until the problem is gone.'
          : 'Counter it with values that keep the sheet whole.'}
      </p>
    </div>
  );
}
