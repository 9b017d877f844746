import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { DecodedUpdate } from './updateCheck';

export type { WriteRefusalReason as WriteRefusal } from './types';

/** Per client id: the clock range [from, to) of structs the server refused. */
export type RefusedRanges = Map<number, { from: number; to: number }[]>;

/** The struct ranges of `decoded` that `doc` does not hold yet: what applying it would add. */
export function newStructRanges(decoded: DecodedUpdate, doc: Y.Doc): RefusedRanges {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  const ranges: RefusedRanges = new Map();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const client = struct.id.client;
    const from = Math.max(struct.id.clock, known.get(client) ?? 0);
    const to = struct.id.clock + struct.length;
    if (to <= from) continue;
    const list = ranges.get(client) ?? [];
    const last = list[list.length - 1];
    if (last !== undefined && last.to >= from) last.to = Math.max(last.to, to);
    else list.push({ from, to });
    ranges.set(client, list);
  }
  return ranges;
}

/** Whether the update carries structs that continue refused ones (same client, later clocks). */
export function continuesRefused(
  decoded: DecodedUpdate,
  doc: Y.Doc,
  refused: ReadonlyMap<number, number>,
): boolean {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const client = struct.id.client;
    if (!refused.has(client)) continue;
    if (struct.id.clock + struct.length > (known.get(client) ?? 0)) return true;
  }
  return false;
}

/**
 * A Yjs update (v1) for the refused client that undoes what it added on its side: it deletes
 * every struct the server refused, and appends one empty (GC) struct right after them under each
 * of their client ids. Yjs gives a document a new client id when a remote update adds structs
 * under its own id, so the client's next edits start a fresh id the server can integrate instead
 * of waiting forever behind the refused clocks.
 *
 * Deletions the client made cannot be undone inside its copy (Yjs deletions are final); those
 * need the client to rebuild its document from the server.
 */
export function encodeRevert(ranges: RefusedRanges): Uint8Array {
  const clients = [...ranges.keys()].sort((a, b) => b - a);
  const encoder = encoding.createEncoder();
  // Structs: one GC of length 1 per client, at the end of its refused range.
  encoding.writeVarUint(encoder, clients.length);
  for (const client of clients) {
    const list = ranges.get(client)!;
    const end = list[list.length - 1]!.to;
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, end);
    encoding.writeUint8(encoder, 0);
    encoding.writeVarUint(encoder, 1);
  }
  // Delete set: every refused range.
  encoding.writeVarUint(encoder, clients.length);
  for (const client of clients) {
    const list = ranges.get(client)!;
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, list.length);
    for (const range of list) {
      encoding.writeVarUint(encoder, range.from);
      encoding.writeVarUint(encoder, range.to - range.from);
    }
  }
  return encoding.toUint8Array(encoder);
}
