// Whether this member types as an edit or as a suggestion, per room and remembered on this device,
// and the last thing the suggestion editor refused, for the clause to say why.
import { createStore } from '../../lib/store';
import type { ReadStore, StoreApi } from '../../lib/store';

export type TextMode = 'editing' | 'suggesting';

export interface SuggestModeState {
  mode: TextMode;
  /** Why the editor refused a keystroke, and in which clause. */
  notice: { clauseId: string; message: string; at: number } | null;
}

const key = (roomId: string) => `parley:text-mode:${roomId}`;

export class SuggestMode {
  private readonly store: StoreApi<SuggestModeState>;
  readonly state: ReadStore<SuggestModeState>;

  constructor(private readonly roomId: string) {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(key(roomId));
    } catch {
      saved = null;
    }
    this.store = createStore<SuggestModeState>()(() => ({
      mode: saved === 'suggesting' ? 'suggesting' : 'editing',
      notice: null,
    }));
    this.state = this.store;
  }

  setMode(mode: TextMode): void {
    this.store.setState({ mode });
    try {
      localStorage.setItem(key(this.roomId), mode);
    } catch {
      // A private window keeps the choice for this visit only.
    }
  }

  refuse(clauseId: string, message: string): void {
    this.store.setState({ notice: { clauseId, message, at: Date.now() } });
  }

  clearNotice(): void {
    this.store.setState({ notice: null });
  }
}

const modes = new Map<string, SuggestMode>();

/** The room's one text mode, shared by the header toggle and every clause editor. */
export function suggestModeFor(roomId: string): SuggestMode {
  let mode = modes.get(roomId);
  if (mode === undefined) {
    mode = new SuggestMode(roomId);
    modes.set(roomId, mode);
  }
  return mode;
}
