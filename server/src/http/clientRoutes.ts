// The web client: built files, and the single-page routes that all answer with index.html.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley</title></head>
<body><h1>Parley</h1><p>The web client is not built. Run <code>pnpm build</code>
(or start the server with <code>pnpm start</code>, which builds it), then reload.</p>
<p>The API is up: see <a href="/healthz">/healthz</a>.</p></body></html>`;

/** The pages the single-page client routes itself. */
function isClientRoute(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return path === '/' || path === '/index.html' || /^\/rooms\/[^/]+\/?$/.test(path);
}

/** Serves the built client with an SPA fallback; says so on / when it has not been built. */
export async function registerClientRoutes(app: FastifyInstance, clientDir: string): Promise<void> {
  const built = existsSync(join(clientDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: clientDir, wildcard: false, index: false });
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && isClientRoute(request.url)) {
      if (built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return reply.status(503).type('text/html; charset=utf-8').send(notBuiltPage);
    }
    return reply.status(404).send({
      error: {
        code: 'not-found',
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}
