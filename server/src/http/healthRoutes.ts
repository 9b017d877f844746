// Liveness and readiness for load balancers, and Prometheus metrics, the latter behind a token
// when one is set.
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

/** What readiness checks: the store answers a query, and Redis (when configured) is connected. */
export interface ReadinessChecks {
  store(): Promise<void>;
  /** null when no Redis is configured. */
  redis: (() => boolean) | null;
}

const STORE_CHECK_MS = 2_000;

async function storeAnswers(check: () => Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), STORE_CHECK_MS);
  });
  try {
    return await Promise.race([check().then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(
  app: FastifyInstance,
  registry: Registry,
  metricsToken: string | null,
  readiness: ReadinessChecks,
): void {
  app.get('/healthz', async () => ({ ok: true }));

  // A load balancer sends traffic only to an instance whose store (and Redis) answer.
  app.get('/readyz', async (_request, reply) => {
    const unreachable: string[] = [];
    if (!(await storeAnswers(readiness.store))) unreachable.push('the store (database)');
    if (readiness.redis !== null && !readiness.redis()) unreachable.push('Redis');
    if (unreachable.length === 0) return { ok: true };
    return reply.code(503).send({
      error: {
        code: 'not-ready',
        message: `Not ready: ${unreachable.join(' and ')} cannot be reached.`,
      },
    });
  });

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
