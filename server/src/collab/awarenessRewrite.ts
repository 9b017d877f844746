// Presence (awareness) updates as the server relays them: a connection speaks only for its own
// client ids, and the name, role, party and colour of each state are overwritten from its token.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MAX_PRESENCE_STATE_CHARS } from '@parley/shared/protocol';

/** What the server asserts about a connection's person in every awareness state it relays. */
export interface AwarenessIdentity {
  memberId: string;
  name: string;
  role: string;
  party: string | null;
  color: string;
}

export interface AwarenessRewrite {
  /** The update to apply and relay, or null when no entry survived. */
  update: Uint8Array | null;
  /** Client ids the update sets or clears. */
  clientIds: number[];
  /** Client ids dropped because the connection may not speak for them. */
  refused: number[];
}

export class MalformedAwarenessError extends Error {}

/** Presence is a name, a colour and a cursor; anything bigger is abuse, relayed to everyone. */
export const MAX_AWARENESS_STATE_CHARS = MAX_PRESENCE_STATE_CHARS;

export class OversizedAwarenessError extends Error {}

function parseState(json: string): Record<string, unknown> | null {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    throw new MalformedAwarenessError('awareness state is not JSON');
  }
  if (state === null) return null;
  if (typeof state !== 'object' || Array.isArray(state)) {
    throw new MalformedAwarenessError('awareness state is not an object');
  }
  return state as Record<string, unknown>;
}

/**
 * Keeps only the entries for client ids the connection may control, and overwrites the identity
 * fields of `state.user` with the token's, so nobody can appear as someone else.
 * Throws MalformedAwarenessError (or a decoding error) on bytes that are not an awareness update.
 */
export function rewriteAwarenessUpdate(
  update: Uint8Array,
  mayControl: (clientId: number) => boolean,
  identity: AwarenessIdentity,
): AwarenessRewrite {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; json: string }[] = [];
  const refused: number[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_AWARENESS_STATE_CHARS) {
      throw new OversizedAwarenessError(
        `awareness state over ${MAX_AWARENESS_STATE_CHARS} characters`,
      );
    }
    const state = parseState(json);
    if (!mayControl(clientId)) {
      refused.push(clientId);
      continue;
    }
    if (state === null) {
      kept.push({ clientId, clock, json: 'null' });
      continue;
    }
    const user =
      typeof state.user === 'object' && state.user !== null && !Array.isArray(state.user)
        ? (state.user as Record<string, unknown>)
        : {};
    const rewritten = { ...state, user: { ...user, ...identity } };
    kept.push({ clientId, clock, json: JSON.stringify(rewritten) });
  }
  if (kept.length === 0) return { update: null, clientIds: [], refused };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return {
    update: encoding.toUint8Array(encoder),
    clientIds: kept.map((e) => e.clientId),
    refused,
  };
}
