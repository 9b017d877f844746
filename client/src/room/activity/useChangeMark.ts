// A field's view of the change marks: the last change someone else made to it, and whether it is
// fresh enough to flash.
import { useEffect, useState } from 'react';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { markKey } from './activityStore';
import type { ChangeMark } from './activityStore';

/** How long a changed field stays highlighted. */
export const FLASH_MS = 4000;

export function useChangeMark(
  clauseId: string,
  path: string,
): { mark: ChangeMark | null; flashing: boolean } {
  const { activity } = useRoom();
  const mark = useStore(activity.state, (s) => s.marks[markKey(clauseId, path)] ?? null);
  const [flashing, setFlashing] = useState(false);
  const seq = mark?.seq ?? 0;
  const receivedAt = mark?.receivedAt ?? 0;
  useEffect(() => {
    if (seq === 0) return;
    const left = FLASH_MS - (Date.now() - receivedAt);
    if (left <= 0) return;
    setFlashing(true);
    const timer = window.setTimeout(() => setFlashing(false), left);
    return () => window.clearTimeout(timer);
  }, [seq, receivedAt]);
  return { mark, flashing };
}
