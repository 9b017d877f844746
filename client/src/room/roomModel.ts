import { computeValue } from '@parley/shared';
import { exportTermSheet } from './roomDoc';
import type { Issue, ValueResult } from '@parley/shared';
import type * as Y from 'yjs';
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

type Listener = () => void;

/**
 * The live view of a room's document: every change re-exports the term sheet and reruns the
 * engine, coalesced per microtask so that one keystroke costs one computation.
 */
export class RoomModel {
  private snapshot: RoomSnapshot;
  private readonly listeners = new Set<Listener>();
  private scheduled = false;
  private readonly onUpdate = () => this.schedule();

  constructor(private readonly doc: Y.Doc) {
    this.snapshot = this.compute(0);
    doc.on('update', this.onUpdate);
  }

  private compute(revision: number): RoomSnapshot {
    const started = performance.now();
    const exported = exportTermSheet(this.doc);
    const value = computeValue(exported);
    const sheet = readSheet(exported);
    return { sheet, value, issues: value.issues, computeMs: performance.now() - started, revision };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.snapshot = this.compute(this.snapshot.revision + 1);
      for (const listener of this.listeners) listener();
    });
  }

  getSnapshot = (): RoomSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
  }
}
