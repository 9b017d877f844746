// Ids the server hands out: unguessable and URL-safe, since room and member ids travel in links.
import { randomBytes } from 'node:crypto';

export function newRoomId(): string {
  return randomBytes(12).toString('base64url');
}

/** `<prefix>-<12 random base64url characters>`, e.g. `m-…` for a member, `p-…` for a proposal. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}

let lastSortable = '';

/** Ids that sort in creation order, so records of the same millisecond keep their order. */
export function newSortableId(prefix: string, at: number): string {
  let id = `${prefix}-${at.toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
  if (id <= lastSortable) id = `${lastSortable}0`;
  lastSortable = id;
  return id;
}
