// What a refused write leaves behind: empty placeholders so the writer's later edits still
// integrate everywhere, and a revert that deletes the refused content in the writer's own copy.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { DecodedUpdate } from './updateCheck';

/** A clock range [from, to) of one client's structs. */
export interface ClockRange {
  from: number;
  to: number;
}

/** Per client id: the clock ranges of structs the server refused. */
export type RefusedRanges = Map<number, ClockRange[]>;

/**
 * The structs of `decoded` the document does not hold yet, per client, as one range that starts
 * where the document's knowledge of that client ends. Structs after a gap could not be
 * integrated anyway and are left out.
 */
export function newStructRanges(decoded: DecodedUpdate, doc: Y.Doc): RefusedRanges {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  const spans = new Map<number, ClockRange[]>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const list = spans.get(struct.id.client) ?? [];
    list.push({ from: struct.id.clock, to: struct.id.clock + struct.length });
    spans.set(struct.id.client, list);
  }
  const ranges: RefusedRanges = new Map();
  for (const [client, list] of spans) {
    list.sort((a, b) => a.from - b.from);
    const start = known.get(client) ?? 0;
    let end = start;
    for (const span of list) {
      if (span.to <= end) continue;
      if (span.from > end) break;
      end = span.to;
    }
    if (end > start) ranges.set(client, [{ from: start, to: end }]);
  }
  return ranges;
}

export function addRanges(into: RefusedRanges, ranges: RefusedRanges): void {
  for (const [client, list] of ranges) into.set(client, [...(into.get(client) ?? []), ...list]);
}

function inRanges(id: Y.ID | null, ranges: RefusedRanges): boolean {
  if (id === null) return false;
  return (ranges.get(id.client) ?? []).some((r) => id.clock >= r.from && id.clock < r.to);
}

/** Whether the update builds on refused structs (inserts next to or inside them). */
export function dependsOnRefused(decoded: DecodedUpdate, refused: RefusedRanges): boolean {
  if (refused.size === 0) return false;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    if (inRanges(struct.origin, refused) || inRanges(struct.rightOrigin, refused)) return true;
    if (inRanges(parent, refused)) return true;
  }
  return false;
}

/**
 * Empty (GC) structs for the refused clock ranges: they carry no content, but they let the
 * document, the store and every other client integrate the writer's later edits, which Yjs would
 * otherwise hold back forever waiting for the refused clocks.
 */
export function encodePlaceholder(ranges: RefusedRanges): Uint8Array | null {
  const clients = [...ranges.keys()].sort((a, b) => b - a);
  if (clients.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clients.length);
  for (const client of clients) {
    const range = ranges.get(client)![0]!;
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, range.from);
    encoding.writeUint8(encoder, 0); // GC
    encoding.writeVarUint(encoder, range.to - range.from);
  }
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}

/**
 * An update for the refused writer that deletes, in its own copy, everything the server refused,
 * so text it typed into a locked clause disappears again. Deletions the writer made cannot be
 * undone in its copy (Yjs deletions are final): the auth message tells it to rebuild.
 */
export function encodeRevert(ranges: RefusedRanges): Uint8Array {
  const clients = [...ranges.keys()].sort((a, b) => b - a);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // no structs
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
