// Liveness for load balancers and Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

export function registerHealthRoutes(app: FastifyInstance, registry: Registry): void {
  app.get('/healthz', async () => ({ ok: true }));

  app.get('/metrics', async (_request, reply) => {
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
}
