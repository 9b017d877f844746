// Error codes and the shape of errors: the body of every REST error, and the ok-or-error answer
// every Socket.IO acknowledgement carries.
import { z } from 'zod';

/** Error codes the server uses; features may add their own (the field stays a string). */
export const errorCodes = [
  'invalid-payload',
  'invalid-termsheet',
  'unknown-template',
  'unauthorized',
  'token-expired',
  'forbidden',
  'origin-not-allowed',
  'revoked',
  'invite-not-joined',
  'invite-used',
  'seat-taken',
  'consent-pending',
  'consent-declined',
  'room-not-found',
  'not-found',
  'payload-too-large',
  'rate-limited',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Shape of every REST error response. `issues` is present for an invalid term sheet import. */
export const restErrorSchema = z.object({
  error: errorBodySchema.extend({ issues: z.array(z.unknown()).optional() }),
});

export type RestError = z.infer<typeof restErrorSchema>;

/** What every Socket.IO acknowledgement carries. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type AckCallback<T> = (result: Ack<T>) => void;

export function ackOk<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function ackError<T = never>(code: string, message: string): Ack<T> {
  return { ok: false, error: { code, message } };
}
