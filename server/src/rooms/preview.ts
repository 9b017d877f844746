// The room's document as it would be after a write, kept beside the real one so that write rules
// judge the result without copying the whole document for every keystroke: a write is applied
// here first, the rules read the outcome, and only an accepted write reaches the real document.
import { docEffectOf, mergeEffects } from '@parley/shared/room';
import type { DocEffect } from '@parley/shared/room';
import * as Y from 'yjs';

/** A copy of `source` that goes one write ahead, then back if the write is refused. */
export class DocPreview {
  private copy: Y.Doc;

  constructor(private readonly source: Y.Doc) {
    this.copy = DocPreview.copyOf(source);
  }

  private static copyOf(source: Y.Doc): Y.Doc {
    const copy = new Y.Doc({ gc: source.gc });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
    // Updates still waiting for a missing predecessor wait here too; the next write may be it.
    if (source.store.pendingStructs) Y.applyUpdate(copy, source.store.pendingStructs.update);
    if (source.store.pendingDs) Y.applyUpdate(copy, source.store.pendingDs);
    return copy;
  }

  /** The document with the last previewed write in it. Read it; never write to it. */
  get doc(): Y.Doc {
    return this.copy;
  }

  /** Applies a write ahead of the real document and tells what it changes. Throws if Yjs refuses. */
  apply(update: Uint8Array): DocEffect {
    const effects: DocEffect[] = [];
    const listener = (transaction: Y.Transaction) => effects.push(docEffectOf(transaction));
    this.copy.on('afterTransaction', listener);
    try {
      Y.applyUpdate(this.copy, update);
    } catch (error) {
      this.reset();
      throw error;
    } finally {
      this.copy.off('afterTransaction', listener);
    }
    return mergeEffects(effects);
  }

  /** Takes an update the real document took without a preview (server edits, placeholders). */
  follow(update: Uint8Array): void {
    Y.applyUpdate(this.copy, update);
  }

  /** Back to the real document, after a refused write. */
  reset(): void {
    this.copy.destroy();
    this.copy = DocPreview.copyOf(this.source);
  }

  destroy(): void {
    this.copy.destroy();
  }
}
