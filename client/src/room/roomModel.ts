// The room's figures, recomputed in this browser from the shared document on every edit, kept in a
// store so that each view re-renders only for the part it reads.
import { computeValue } from '@parley/shared/engine';
import type { ValueResult } from '@parley/shared/engine';
import type { Issue } from '@parley/shared/termsheet';
import * as Y from 'yjs';
import { createStore } from '../lib/store';
import type { ReadStore, StoreApi } from '../lib/store';
import { exportTermSheet } from './roomDoc';
import { readSheet } from './sheet';
import type { Sheet } from './sheet';

export interface RoomSnapshot {
  sheet: Sheet;
  value: ValueResult;
  issues: Issue[];
  /** Milliseconds the last export + engine run took, for the performance read-out. */
  computeMs: number;
  revision: number;
}

/** Clause text only feeds warnings about parameter references, so it may lag a little behind. */
const TEXT_ONLY_DELAY_MS = 400;

/** Whether every change of the transaction is inside a clause body (rich text). */
export function touchesOnlyClauseText(transaction: Y.Transaction): boolean {
  if (transaction.changed.size === 0) return false;
  for (const type of transaction.changed.keys()) {
    let node: Y.AbstractType<unknown> | null = type as Y.AbstractType<unknown>;
    let inBody = false;
    while (node) {
      if (node instanceof Y.XmlFragment && !(node instanceof Y.XmlElement)) {
        inBody = true;
        break;
      }
      node = (node._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
    }
    if (!inBody) return false;
  }
  return true;
}

/**
 * The live view of a room's document: a change to anything the calculator reads re-exports the
 * term sheet and reruns the engine at once (coalesced per microtask, so one keystroke costs one
 * computation); typing in clause text, which the engine does not read, recomputes when it pauses.
 * The latest result is the store `state`.
 */
export class RoomModel {
  private readonly store: StoreApi<RoomSnapshot>;
  readonly state: ReadStore<RoomSnapshot>;
  private scheduled = false;
  /** Set once the views have let go: a recompute still queued then wakes nobody. */
  private destroyed = false;
  private textTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (touchesOnlyClauseText(transaction)) this.scheduleLater();
    else this.schedule();
  };

  constructor(private readonly doc: Y.Doc) {
    this.store = createStore<RoomSnapshot>()(() => this.compute(0));
    this.state = this.store;
    doc.on('afterTransaction', this.onTransaction);
  }

  private compute(revision: number): RoomSnapshot {
    const started = performance.now();
    const exported = exportTermSheet(this.doc);
    const value = computeValue(exported);
    const sheet = readSheet(exported);
    return { sheet, value, issues: value.issues, computeMs: performance.now() - started, revision };
  }

  private schedule(): void {
    if (this.textTimer) {
      clearTimeout(this.textTimer);
      this.textTimer = null;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.recompute();
    });
  }

  private scheduleLater(): void {
    if (this.scheduled) return;
    if (this.textTimer) clearTimeout(this.textTimer);
    this.textTimer = setTimeout(() => {
      this.textTimer = null;
      this.recompute();
    }, TEXT_ONLY_DELAY_MS);
  }

  /** Recomputes now; exposed for measurements. */
  recompute(): void {
    if (this.destroyed) return;
    this.store.setState(this.compute(this.store.getState().revision + 1), true);
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off('afterTransaction', this.onTransaction);
    if (this.textTimer) clearTimeout(this.textTimer);
  }
}
