// What this browser shows of the room, apart from the document: which pane a narrow screen shows,
// and whether the search bar and the shortcuts dialog are open.
import { createStore } from '../lib/store';
import type { ReadStore, StoreApi } from '../lib/store';

/** The panes a narrow screen switches between with its bottom bar. */
export type RoomPane = 'clauses' | 'value';

export interface RoomUiState {
  pane: RoomPane;
  searchOpen: boolean;
  shortcutsOpen: boolean;
}

export class RoomUi {
  private readonly store: StoreApi<RoomUiState> = createStore<RoomUiState>()(() => ({
    pane: 'clauses',
    searchOpen: false,
    shortcutsOpen: false,
  }));
  readonly state: ReadStore<RoomUiState> = this.store;

  showPane(pane: RoomPane): void {
    this.store.setState({ pane });
  }

  setSearchOpen(searchOpen: boolean): void {
    this.store.setState({ searchOpen });
  }

  setShortcutsOpen(shortcutsOpen: boolean): void {
    this.store.setState({ shortcutsOpen });
  }
}
