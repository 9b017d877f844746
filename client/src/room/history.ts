// Undo and redo of this member's own edits, parameters and clause text alike: one Yjs UndoManager
// over the whole room document that tracks only local changes, never what arrives from others.
import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { createStore } from '../lib/store';
import type { ReadStore, StoreApi } from '../lib/store';

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
}

/** Edits closer together than this are one step of undo (a typed word, a committed number). */
const CAPTURE_MS = 500;

/**
 * The room's undo history for this member. Local writes carry the origin `null` (parameter
 * fields, titles, the outline) or the editor's sync key (clause text); updates from the server
 * and from this device's store carry their provider as origin and are never recorded, so undo
 * only ever takes back what this member did.
 */
export class RoomHistory {
  private readonly manager: Y.UndoManager;
  private readonly store: StoreApi<HistoryState>;
  readonly state: ReadStore<HistoryState>;

  constructor(doc: Y.Doc) {
    const scope = [
      doc.getMap('meta'),
      doc.getMap('assumptions'),
      doc.getArray('clauseOrder'),
      doc.getMap('clauses'),
    ];
    this.manager = new Y.UndoManager(scope, {
      trackedOrigins: new Set<unknown>([null, ySyncPluginKey]),
      captureTimeout: CAPTURE_MS,
      // Keeps undo from deleting the paragraphs ProseMirror needs, as the editor's own undo does.
      deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
      captureTransaction: (transaction) => transaction.meta.get('addToHistory') !== false,
    });
    this.store = createStore<HistoryState>()(() => ({ canUndo: false, canRedo: false }));
    this.state = this.store;
    const refresh = () => {
      const next = { canUndo: this.manager.canUndo(), canRedo: this.manager.canRedo() };
      const current = this.store.getState();
      if (next.canUndo !== current.canUndo || next.canRedo !== current.canRedo)
        this.store.setState(next);
    };
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const)
      this.manager.on(event, refresh);
  }

  undo(): boolean {
    return this.manager.undo() !== null;
  }

  redo(): boolean {
    return this.manager.redo() !== null;
  }

  /** Ends the current undo step, so that the next edit starts a new one (a committed field). */
  stopCapturing(): void {
    this.manager.stopCapturing();
  }

  destroy(): void {
    this.manager.destroy();
  }
}
