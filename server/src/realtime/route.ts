// Thin Socket.IO handlers: parse the payload with its schema, call the service, turn a refusal
// into an error ack.
import type { z } from 'zod';
import { ackError, ackOk } from '@parley/shared/protocol';
import type { Ack } from '@parley/shared/protocol';
import { ServiceError } from '../errors';
import type { EventHandler } from './socketServer';

/** The ack for a payload that failed its schema, naming every field at fault. */
export function invalidPayload(event: string, error: z.ZodError): Ack<never> {
  const problems = error.issues
    .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
    .join('; ');
  return ackError('invalid-payload', `Invalid ${event} payload: ${problems}`);
}

/**
 * A thin event handler: parse the payload with `schema`, then call the service. A refusal from the
 * service becomes an error ack; anything else is a server fault for the socket server to log.
 */
export function route<S extends z.ZodType>(
  event: string,
  schema: S,
  run: (payload: z.output<S>) => Promise<unknown>,
): EventHandler {
  return async (payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return invalidPayload(event, parsed.error);
    try {
      return ackOk(await run(parsed.data));
    } catch (error) {
      if (error instanceof ServiceError) return ackError(error.code, error.message);
      throw error;
    }
  };
}

/** Registers thin handlers on a socket: `handle(event, schema, run)` is `on(event, route(...))`. */
export function router(on: (event: string, fn: EventHandler) => void) {
  return <S extends z.ZodType>(
    event: string,
    schema: S,
    run: (payload: z.output<S>) => Promise<unknown>,
  ): void => on(event, route(event, schema, run));
}
