// Every REST failure leaves in one shape, `{ error: { code, message } }`, with a fitting status.
import type { FastifyError, FastifyInstance } from 'fastify';
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
