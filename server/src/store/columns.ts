// Column types and conversions every store slice shares: PostgreSQL returns bigints as strings
// and SQLite as numbers, and both return Buffers where callers want plain bytes.
import type { ColumnType } from 'kysely';

/** A bigint column: read as number or string (see `toNumber`), written as a number. */
export type Int8 = ColumnType<number | string, number, number>;
export type NullableInt8 = ColumnType<number | string | null, number | null, number | null>;
/** Both drivers return a Node Buffer; callers get a plain Uint8Array copy (see `toBytes`). */
export type Bytes = ColumnType<Buffer, Buffer, Buffer>;

export function toNumber(value: number | string | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new Error(`store returned a non-integer or unsafe integer: ${String(value)}`);
  }
  return n;
}

export function toNullableNumber(value: number | string | null): number | null {
  return value === null ? null : toNumber(value);
}

/** Copies, so callers get a plain Uint8Array that compares equal to the bytes they stored. */
export function toBytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value);
}

/** A Buffer view over the caller's bytes (no copy); both drivers bind Buffers as BLOB/BYTEA. */
export function toBuffer(value: Uint8Array): Buffer {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** Whether a write failed on a primary key or unique constraint, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (e === null || typeof e !== 'object') return false;
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed|duplicate key/.test(e.message ?? '')
  );
}

const MAX_APPEND_ATTEMPTS = 8;

/**
 * Runs a numbered append, again when another instance took the same number first (the
 * database's unique key refuses the second): the next attempt builds on top of its row.
 */
export async function withNumberingRetry<T>(append: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await append();
    } catch (error) {
      if (attempt < MAX_APPEND_ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
