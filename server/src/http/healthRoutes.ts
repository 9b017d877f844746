// Liveness for load balancers and Prometheus metrics, the latter behind a token when one is set.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { ServiceError } from '../errors';
import { bearerToken } from './requestAuth';

function matches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerHealthRoutes(
  app: FastifyInstance,
  registry: Registry,
  metricsToken: string | null,
): void {
  app.get('/healthz', async () => ({ ok: true }));

  app.get('/metrics', async (request, reply) => {
    if (metricsToken !== null && !matches(bearerToken(request), metricsToken)) {
      throw new ServiceError(
        401,
        'unauthorized',
        'The metrics of this server need its METRICS_TOKEN as "Authorization: Bearer <token>".',
      );
    }
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
}
