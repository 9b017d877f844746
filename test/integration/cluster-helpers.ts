// What the cluster suites share: rooms with many editors, the document content clients compare,
// a seeded random source, and retrying assertions with room for a busy machine.
import { vi } from 'vitest';
import * as Y from 'yjs';
import { createNotesRoom, invite } from './helpers';

/** vi.waitFor with room for a busy machine. */
export function until<T>(
  check: () => T | Promise<T>,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  return vi.waitFor(check, { timeout: 15_000, interval: 25, ...options });
}

/** What two copies of a room must agree on. */
export function content(doc: Y.Doc): unknown {
  return {
    meta: doc.getMap('meta').toJSON(),
    clauses: doc.getMap('clauses').toJSON(),
    order: doc.getArray('clauseOrder').toJSON(),
    assumptions: doc.getMap('assumptions').toJSON(),
  };
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A notes room with `count` negotiators besides its organizer: their session tokens. */
export async function notesRoomWith(baseUrl: string, count: number) {
  const room = await createNotesRoom(baseUrl);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await invite(baseUrl, room.roomId, room.organizerToken, {
      name: `Negotiator ${i}`,
      role: 'negotiator',
      party: 'insurer',
    });
    tokens.push(created.token);
  }
  return { room, tokens };
}

/** The document the store holds for a room: snapshot plus every later update. */
export function docOf(load: {
  snapshot: Uint8Array | null;
  updates: { data: Uint8Array }[];
}): Y.Doc {
  const doc = new Y.Doc();
  if (load.snapshot !== null) Y.applyUpdate(doc, load.snapshot);
  for (const update of load.updates) Y.applyUpdate(doc, update.data);
  return doc;
}
