// A word-level redline as people read one: removed words struck through, added words underlined.
import type { RedlineSegment } from '@parley/shared/versions';

export function Redline({ segments }: { segments: RedlineSegment[] }) {
  const paragraphs: RedlineSegment[][] = [[]];
  for (const segment of segments) {
    segment.text.split('\n').forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (piece !== '') paragraphs[paragraphs.length - 1]!.push({ op: segment.op, text: piece });
    });
  }
  return (
    <div className="version-redline">
      {paragraphs
        .filter((p) => p.length > 0)
        .map((p, i) => (
          <p key={i}>
            {p.map((s, j) =>
              s.op === 'added' ? (
                <ins key={j} className="redline-add">
                  {s.text}
                </ins>
              ) : s.op === 'removed' ? (
                <del key={j} className="redline-del">
                  {s.text}
                </del>
              ) : (
                <span key={j}>{s.text}</span>
              ),
            )}
          </p>
        ))}
    </div>
  );
}
