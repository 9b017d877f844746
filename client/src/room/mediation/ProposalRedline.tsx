// A proposed clause text as a redline against the current text: words added underlined, words
// removed struck through, parameter chips shown as their values (old values in the current text,
// proposed values in the new one).
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { DiffOp } from '@parley/shared/versions';
import { redline, readableTokens } from './redline';
import type { TextToken } from './redline';

function styled(token: TextToken): ReactNode {
  if (token.kind === 'chip') return <span className="param-chip">{token.text}</span>;
  let node: ReactNode = token.text;
  if (token.marks.includes('code')) node = <code>{node}</code>;
  if (token.marks.includes('strike')) node = <s>{node}</s>;
  if (token.marks.includes('italic')) node = <em>{node}</em>;
  if (token.marks.includes('bold')) node = <strong>{node}</strong>;
  return node;
}

/** Splits the ops into paragraphs at block boundaries that both versions share or either adds. */
function paragraphs(ops: DiffOp<TextToken>[]): DiffOp<TextToken>[][] {
  const out: DiffOp<TextToken>[][] = [[]];
  for (const op of ops) {
    if (op.token.kind === 'block' && op.op !== 'removed') out.push([]);
    else if (op.token.kind !== 'block') out[out.length - 1]!.push(op);
  }
  return out.filter((p) => p.length > 0);
}

export default function ProposalRedline({
  currentText,
  proposedText,
  currentChip,
  proposedChip,
  label,
}: {
  currentText: string;
  proposedText: string;
  /** The value a chip shows in the clause as it is. */
  currentChip(path: string): string;
  /** The value a chip would show once the proposal is applied. */
  proposedChip(path: string): string;
  label: string;
}) {
  const ops = useMemo(
    () =>
      redline(readableTokens(currentText, currentChip), readableTokens(proposedText, proposedChip)),
    [currentText, proposedText, currentChip, proposedChip],
  );
  const changed = ops.some((op) => op.op !== 'same');
  return (
    <div className="redline" role="group" aria-label={label}>
      {!changed && <p className="muted small">The proposed text reads as the current text.</p>}
      {paragraphs(ops).map((paragraph, i) => (
        <p key={i}>
          {paragraph.map((op, j) =>
            op.token.kind === 'break' ? (
              <br key={j} />
            ) : op.op === 'added' ? (
              <ins key={j} className="redline-ins">
                {styled(op.token)}
              </ins>
            ) : op.op === 'removed' ? (
              <del key={j} className="redline-del">
                {styled(op.token)}
              </del>
            ) : (
              <span key={j}>{styled(op.token)}</span>
            ),
          )}
        </p>
      ))}
      {changed && (
        <p className="redline-legend small muted">
          <ins className="redline-ins">Added</ins> and <del className="redline-del">removed</del>{' '}
          words, against the clause text as it is now.
        </p>
      )}
    </div>
  );
}
