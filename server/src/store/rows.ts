import type { Role } from '@parley/shared/permissions';
import type { ClauseChange, MemberRecord, RoomRecord, StoredUpdate } from './types';

export function toNumber(value: number | string | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new Error(`store returned a non-integer or unsafe integer: ${String(value)}`);
  }
  return n;
}

/** Copies, so callers get a plain Uint8Array that compares equal to the bytes they stored. */
export function toBytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value);
}

/** A Buffer view over the caller's bytes (no copy); both drivers bind Buffers as BLOB/BYTEA. */
export function toBuffer(value: Uint8Array): Buffer {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

const roles: readonly Role[] = ['organizer', 'negotiator', 'viewer', 'mediator', 'observer'];

function toRole(value: string): Role {
  const role = roles.find((r) => r === value);
  if (!role) {
    throw new Error(`store holds a member with an unknown role: ${value}`);
  }
  return role;
}

export function roomFromRow(row: {
  id: string;
  title: string;
  created_at: number | string;
}): RoomRecord {
  return { id: row.id, title: row.title, createdAt: toNumber(row.created_at) };
}

export function memberFromRow(row: {
  room_id: string;
  id: string;
  name: string;
  role: string;
  party_id: string | null;
  created_at: number | string;
  revoked_at: number | string | null;
}): MemberRecord {
  return {
    id: row.id,
    roomId: row.room_id,
    name: row.name,
    role: toRole(row.role),
    partyId: row.party_id,
    createdAt: toNumber(row.created_at),
    revokedAt: row.revoked_at === null ? null : toNumber(row.revoked_at),
  };
}

export function updateFromRow(row: {
  seq: number | string;
  data: Buffer;
  member_id: string | null;
  created_at: number | string;
}): StoredUpdate {
  return {
    seq: toNumber(row.seq),
    data: toBytes(row.data),
    memberId: row.member_id,
    createdAt: toNumber(row.created_at),
  };
}

export function clauseChangeFromRow(row: {
  seq: number | string;
  clause_id: string;
  member_id: string | null;
  at: number | string;
}): ClauseChange {
  return {
    seq: toNumber(row.seq),
    clauseId: row.clause_id,
    memberId: row.member_id,
    at: toNumber(row.at),
  };
}
