// The agenda: the order clauses are discussed in, and the one on the table now.
import { readClauseOrder } from '@parley/shared/room';
import type { MediationState, SetAgendaRequest } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import type { GovernanceDeps } from './deps';
import { announceState } from './live';
import { requireFacilitator } from './rules';

/** Sets the order in which clauses are discussed (and optionally the current item). */
export async function setAgenda(
  deps: GovernanceDeps,
  member: MemberClaims,
  request: SetAgendaRequest,
): Promise<MediationState> {
  await requireFacilitator(deps, member, 'set the agenda');
  const { roomId } = member;
  const seen = new Set<string>();
  for (const id of request.items) {
    if (seen.has(id)) {
      throw new ServiceError(400, 'invalid-payload', `Clause "${id}" is on the agenda twice.`);
    }
    seen.add(id);
  }
  const clauses = new Set(readClauseOrder(await deps.rooms.getDoc(roomId)));
  const unknown = request.items.filter((id) => !clauses.has(id));
  if (unknown.length > 0) {
    throw new ServiceError(
      404,
      'clause-not-found',
      `There is no clause ${unknown.map((id) => `"${id}"`).join(', ')} in this room.`,
    );
  }
  const current = request.current ?? null;
  if (current !== null && !seen.has(current)) {
    throw new ServiceError(
      400,
      'invalid-payload',
      `The current item "${current}" must be one of the agenda's items.`,
    );
  }
  await deps.states.mutate(roomId, async (state) => {
    const at = deps.now();
    const next = { ...state, agenda: [...request.items], current };
    await deps.states.saveModeAndAgenda(roomId, next, at);
    state.agenda = next.agenda;
    state.current = current;
    await deps.audit.append(roomId, {
      actorId: member.memberId,
      action: 'agenda.set',
      details: { items: next.agenda, current },
    });
  });
  return publish(deps, roomId);
}

/** Moves the highlight to another agenda item (or clears it with null). */
export async function setAgendaCurrent(
  deps: GovernanceDeps,
  member: MemberClaims,
  current: string | null,
): Promise<MediationState> {
  await requireFacilitator(deps, member, 'move the agenda on');
  const { roomId } = member;
  await deps.states.mutate(roomId, async (state) => {
    if (current !== null && !state.agenda.includes(current)) {
      throw new ServiceError(
        400,
        'not-on-agenda',
        `Clause "${current}" is not on the agenda; set the agenda first.`,
      );
    }
    if (state.current === current) return;
    const at = deps.now();
    await deps.states.saveModeAndAgenda(roomId, { ...state, current }, at);
    state.current = current;
    await deps.audit.append(roomId, {
      actorId: member.memberId,
      action: 'agenda.current',
      target: current ?? undefined,
    });
  });
  return publish(deps, roomId);
}

async function publish(deps: GovernanceDeps, roomId: string): Promise<MediationState> {
  const state = await deps.states.read(roomId);
  announceState(deps, roomId, state);
  return state;
}
