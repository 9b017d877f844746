// Reading JSON columns back: every stored JSON value is checked against its schema, so a damaged
// row is a clear error naming what it held instead of a wrong value travelling on.
import type { z } from 'zod';

export function parseStoredJson<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`store holds an unreadable ${what}: not JSON`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new Error(`store holds an unreadable ${what}: ${result.error.message}`);
  }
  return result.data;
}
