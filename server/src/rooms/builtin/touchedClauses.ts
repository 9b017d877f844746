// Attribution: records which clauses each stored update touched and who made it, so "what
// changed since my last visit" survives compaction of the updates themselves.
import { clausesTouchedBy } from '@parley/shared/room';
import type { RoomHook } from '../hooks';

export function touchedClausesHook(): RoomHook {
  return {
    name: 'touched-clauses',
    onChange(_room, change) {
      change.clauseIds = clausesTouchedBy(change.transaction);
    },
  };
}
