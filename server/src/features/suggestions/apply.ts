// Carrying out a decision in the document: an accepted insertion becomes ordinary text and an
// accepted deletion goes; a rejected insertion goes and a rejected deletion becomes ordinary text.
import {
  DELETION_MARK,
  INSERTION_MARK,
  SUGGESTION_ANCHOR,
  bodyTexts,
  readSuggestionAttrs,
  suggestionKey,
} from '@parley/shared/suggestions';
import type { SuggestionDecision } from '@parley/shared/suggestions';
import type * as Y from 'yjs';

type Op = { insert?: unknown; attributes?: Record<string, unknown> };

interface Step {
  index: number;
  text: string;
  /** Delete the run, or drop this mark from it (and its zero-width anchors). */
  action: 'delete' | typeof INSERTION_MARK | typeof DELETION_MARK;
}

function targeted(op: Op, kind: string, keys: ReadonlySet<string>): boolean {
  const attrs = readSuggestionAttrs(op.attributes?.[kind]);
  return attrs !== null && keys.has(suggestionKey(attrs));
}

/** Applies the decision on every run of the given suggestions in the body; runs in a transaction. */
export function applyDecision(
  body: Y.XmlFragment,
  keys: ReadonlySet<string>,
  decision: SuggestionDecision,
): void {
  for (const text of bodyTexts(body)) {
    const steps: Step[] = [];
    let index = 0;
    for (const op of text.toDelta() as Op[]) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (typeof op.insert === 'string') {
        const ins = targeted(op, INSERTION_MARK, keys);
        const del = targeted(op, DELETION_MARK, keys);
        const chunk = op.insert;
        if (decision === 'accept') {
          if (del) steps.push({ index, text: chunk, action: 'delete' });
          else if (ins) steps.push({ index, text: chunk, action: INSERTION_MARK });
        } else if (ins) steps.push({ index, text: chunk, action: 'delete' });
        else if (del) steps.push({ index, text: chunk, action: DELETION_MARK });
      }
      index += length;
    }
    // From the end, so earlier indexes stay right.
    for (const step of steps.reverse()) {
      if (step.action === 'delete') {
        text.delete(step.index, step.text.length);
        continue;
      }
      text.format(step.index, step.text.length, { [step.action]: null });
      for (let i = step.text.length - 1; i >= 0; i -= 1) {
        if (step.text[i] === SUGGESTION_ANCHOR) text.delete(step.index + i, 1);
      }
    }
  }
}
