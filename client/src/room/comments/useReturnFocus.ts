// Side panels give focus back where it was when they close, so keyboard users do not lose their
// place in the room.
import { useEffect } from 'react';

/** While a panel is open, remembers what had focus before it and puts focus back on close. */
export function useReturnFocus(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [open]);
}
