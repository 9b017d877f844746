// The room's keyboard shortcuts that are not bound to one field: undo and redo outside the fields
// that keep their own, the search bar, and the "?" list of shortcuts.
import { useEffect } from 'react';
import type { RoomHistory } from '../history';
import type { RoomUi } from '../roomUi';

/** Where typed keys belong to what is being written, not to the room. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return false;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
  return false;
}

export function useRoomShortcuts(history: RoomHistory, ui: RoomUi, canEdit: boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && key === 'f') {
        // A second Ctrl+F from the search box goes to the browser's own search.
        const box = document.getElementById('sheet-search-input');
        if (box && document.activeElement === box) return;
        e.preventDefault();
        ui.setSearchOpen(true);
        requestAnimationFrame(() => document.getElementById('sheet-search-input')?.focus());
        return;
      }
      if (isTyping(e.target)) return;
      if (mod && !e.altKey && (key === 'z' || key === 'y')) {
        if (!canEdit) return;
        e.preventDefault();
        if (key === 'z' && !e.shiftKey) history.undo();
        else history.redo();
        return;
      }
      if (mod || e.altKey) return;
      if (e.key === '?') {
        e.preventDefault();
        ui.setShortcutsOpen(true);
      } else if (e.key === '/') {
        e.preventDefault();
        ui.setSearchOpen(true);
        requestAnimationFrame(() => document.getElementById('sheet-search-input')?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history, ui, canEdit]);
}
