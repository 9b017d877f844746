// Every REST failure leaves in one shape, `{ error: { code, message } }`, with a fitting status.
import { MAX_ID_LENGTH } from '@parley/shared/protocol';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ServiceError } from '../errors';

function body(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...details } };
}

/** Every failure leaves as `{ error: { code, message } }` with a fitting status. */
export function installErrorHandling(app: FastifyInstance, onServerError: () => void): void {
  app.setErrorHandler((error: FastifyError | ServiceError | Error, request, reply) => {
    if (error instanceof ServiceError) {
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(body('payload-too-large', 'The request body is too large.'));
    }
    if (fastifyError.statusCode !== undefined && fastifyError.statusCode < 500) {
      const code =
        fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported-media-type'
          : 'invalid-payload';
      return reply.status(fastifyError.statusCode).send(body(code, fastifyError.message));
    }
    onServerError();
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body('internal', 'Something went wrong on the server.'));
  });
}

/** Errors the router raises before any route runs (an over-long id, a malformed URL). */
export function answerFrameworkError(error: FastifyError, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply
    .status(tooLong ? 414 : 400)
    .send(
      tooLong
        ? body(
            'id-too-long',
            `An id in this address is longer than ${MAX_ID_LENGTH} characters; no room or member has such an id.`,
          )
        : body('invalid-url', 'This address is not a valid URL.'),
    );
}
