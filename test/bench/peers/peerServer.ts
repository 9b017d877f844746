/**
 * Child-process entry for the peer servers of the comparison, each on its own event loop as
 * Parley runs in production: `node --import tsx peerServer.ts <kind>` listens on a port the
 * kernel picks, prints `LISTENING <port>` and stops on SIGTERM.
 *
 * y-websocket: the reference server of @y/websocket-server (its `setupWSConnection`, wired to
 * an HTTP server exactly as its own bin does, on the same `ws` release Parley uses). With
 * YPERSISTENCE set to a directory it persists every update to LevelDB (y-leveldb) after
 * relaying it. Hocuspocus: its stock `Server`, no extensions, documents in memory.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

async function serveYWebsocket(): Promise<() => Promise<void>> {
  const { setupWSConnection, getPersistence } = await import('@y/websocket-server/utils');
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('okay');
  });
  wss.on('connection', setupWSConnection);
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(`LISTENING ${(server.address() as AddressInfo).port}`);
  return async () => {
    for (const client of wss.clients) client.terminate();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const persistence = getPersistence() as { provider?: { destroy(): Promise<void> } } | null;
    await persistence?.provider?.destroy();
  };
}

async function serveHocuspocus(): Promise<() => Promise<void>> {
  const { Server } = await import('@hocuspocus/server');
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
  await server.listen();
  console.log(`LISTENING ${server.address.port}`);
  return () => server.destroy();
}

const kind = process.argv[2];
if (kind !== 'y-websocket' && kind !== 'hocuspocus') {
  console.error(`peerServer: expected y-websocket or hocuspocus, got ${String(kind)}`);
  process.exit(2);
}
const stop = kind === 'y-websocket' ? await serveYWebsocket() : await serveHocuspocus();
process.once('SIGTERM', () => {
  stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('peerServer: stopping failed', error);
      process.exit(1);
    },
  );
});
