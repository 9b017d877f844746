// Request parts are parsed with their zod schema at the edge; a mismatch names each bad field.
import type { z } from 'zod';
import { ServiceError } from '../errors';

/** Parses a request part with its schema; a mismatch is a 400 naming each bad field. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : what;
    return `${path}: ${issue.message}`;
  });
  throw new ServiceError(400, 'invalid-payload', `Invalid ${what}: ${problems.join('; ')}`);
}
