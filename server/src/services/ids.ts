import { randomBytes } from 'node:crypto';

/** Unguessable, URL-safe ids: a room id is part of a shareable link. */
export function newRoomId(): string {
  return randomBytes(12).toString('base64url');
}

export function newMemberId(): string {
  return `m-${randomBytes(9).toString('base64url')}`;
}
