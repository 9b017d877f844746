// Checks on a client's Yjs update before any of it is applied: it must decode completely, and a
// read-only client is judged on whether it would change the document at all.
import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Parses a Yjs update completely; null when it is not one, so nothing of it is ever applied. */
export function decodeUpdateSafely(update: Uint8Array): DecodedUpdate | null {
  try {
    return Y.decodeUpdate(update);
  } catch {
    return null;
  }
}

/** The next clock of `client` the document would take: one client's entry of its state vector. */
function knownClock(doc: Y.Doc, client: number): number {
  const structs = doc.store.clients.get(client);
  const last = structs?.[structs.length - 1];
  return last === undefined ? 0 : last.id.clock + last.length;
}

/**
 * Whether applying the update would change the document: new items, or deletions of items the
 * document still shows. A read-only client's sync answer always carries its whole delete set, so
 * "non-empty" is not the same as "a write".
 */
export function updateChangesDoc(decoded: DecodedUpdate, doc: Y.Doc): boolean {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const known = knownClock(doc, struct.id.client);
    if (struct.id.clock + struct.length > known) return true;
  }
  if (decoded.ds.clients.size === 0) return false;
  const docDeletes = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of decoded.ds.clients) {
    const deleted = docDeletes.clients.get(client) ?? [];
    for (const range of ranges) {
      if (range.len === 0) continue;
      const covered = deleted.some(
        (d) => d.clock <= range.clock && d.clock + d.len >= range.clock + range.len,
      );
      if (!covered) return true;
    }
  }
  return false;
}
