// What every member may see of a room's governance, in one answer.
import type { GovernanceSnapshot } from '@parley/shared/protocol';
import { listDisputes } from './disputes';
import type { GovernanceDeps } from './deps';
import { mediatorPresent } from './rules';
import { listDrafts } from './singleText';

/** Everything about the room's governance that every member may see. */
export async function governanceSnapshot(
  deps: GovernanceDeps,
  roomId: string,
): Promise<GovernanceSnapshot> {
  const [state, drafts, disputes, present] = await Promise.all([
    deps.states.read(roomId),
    listDrafts(deps, roomId),
    listDisputes(deps, roomId),
    mediatorPresent(deps, roomId),
  ]);
  return { state, drafts, disputes, mediatorPresent: present };
}
