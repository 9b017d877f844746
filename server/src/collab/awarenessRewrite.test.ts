// Relayed awareness states carry the token's identity whatever the client claimed, entries for
// other clients' ids are dropped, and states that are not JSON objects are refused.
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MalformedAwarenessError, rewriteAwarenessUpdate } from './awarenessRewrite';

const identity = {
  memberId: 'm-1',
  name: 'Ann Negotiator',
  role: 'negotiator',
  party: 'csp',
  color: '#2563eb',
};

function update(states: Record<number, unknown>): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  for (const [id, state] of Object.entries(states)) {
    awareness.states.set(Number(id), state as Record<string, unknown>);
    awareness.meta.set(Number(id), { clock: 1, lastUpdated: 0 });
  }
  const encoded = awarenessProtocol.encodeAwarenessUpdate(
    awareness,
    Object.keys(states).map(Number),
  );
  awareness.destroy();
  return encoded;
}

function read(encoded: Uint8Array): Map<number, unknown> {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  awarenessProtocol.applyAwarenessUpdate(awareness, encoded, null);
  const states = new Map(awareness.getStates());
  awareness.destroy();
  return states;
}

describe('awareness rewrite', () => {
  it('overwrites identity fields and keeps the rest of the state', () => {
    const result = rewriteAwarenessUpdate(
      update({ 7: { user: { name: 'CEO', color: '#000', avatar: 'a.png' }, cursor: { at: 3 } } }),
      () => true,
      identity,
    );
    expect(result.clientIds).toEqual([7]);
    expect(read(result.update!).get(7)).toEqual({
      user: { avatar: 'a.png', ...identity },
      cursor: { at: 3 },
    });
  });

  it('drops entries for client ids the connection may not control', () => {
    const result = rewriteAwarenessUpdate(
      update({ 7: { a: 1 }, 8: { b: 2 } }),
      (id) => id === 7,
      identity,
    );
    expect(result.refused).toEqual([8]);
    expect([...read(result.update!).keys()]).toEqual([7]);
    expect(
      rewriteAwarenessUpdate(update({ 8: { b: 2 } }), () => false, identity).update,
    ).toBeNull();
  });

  it('rejects states that are not JSON objects', () => {
    expect(() => rewriteAwarenessUpdate(update({ 7: [1, 2] }), () => true, identity)).toThrow(
      MalformedAwarenessError,
    );
  });
});
