// Undo and redo in the header, for this member's own changes; they follow the room's history and
// are disabled when there is nothing to take back or bring back.
import { useShallow, useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';

export function HistoryButtons() {
  const { history } = useRoom();
  const { canUndo, canRedo } = useStore(
    history.state,
    useShallow(({ canUndo, canRedo }) => ({ canUndo, canRedo })),
  );
  return (
    <>
      <button
        type="button"
        className="header-icon-btn"
        aria-label="Undo your last change"
        title="Undo (Ctrl+Z)"
        disabled={!canUndo}
        onClick={() => history.undo()}
      >
        <span aria-hidden="true" className="header-glyph">
          ↶
        </span>
      </button>
      <button
        type="button"
        className="header-icon-btn"
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
        disabled={!canRedo}
        onClick={() => history.redo()}
      >
        <span aria-hidden="true" className="header-glyph">
          ↷
        </span>
      </button>
    </>
  );
}
