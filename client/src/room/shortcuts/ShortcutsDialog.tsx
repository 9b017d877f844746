// The "?" dialog: every keyboard shortcut of the room, grouped, in a modal the browser keeps focus
// in and Escape closes.
import { useEffect, useRef } from 'react';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { shortcuts } from './shortcutList';

export default function ShortcutsDialog() {
  const { ui } = useRoom();
  const open = useStore(ui.state, (s) => s.shortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => ui.setShortcutsOpen(false)}
    >
      <div className="dialog-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button
          type="button"
          className="btn btn-icon"
          aria-label="Close the list of shortcuts"
          onClick={() => ui.setShortcutsOpen(false)}
        >
          ×
        </button>
      </div>
      <div className="dialog-body">
        <p className="muted small">On a Mac, use ⌘ where the list says Ctrl.</p>
        {shortcuts.map((group) => (
          <section key={group.group} className="shortcut-group">
            <h3>{group.group}</h3>
            <table className="shortcut-table">
              <tbody>
                {group.items.map((item) => (
                  <tr key={`${item.keys.join('+')}-${item.what}`}>
                    <th scope="row">
                      {item.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && <span aria-hidden="true">+</span>}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </th>
                    <td>{item.what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </dialog>
  );
}
