// Browser origins at the websocket endpoints: only the server's own by default, and exactly the
// ALLOWED_ORIGINS once they are set, on Socket.IO and /collab alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectSocket, createRoom, startServer } from './helpers';
import type { StartedServer } from './helpers';

/** Opens a raw websocket on /collab and reports the HTTP status of a refused upgrade. */
function collabUpgrade(
  server: StartedServer,
  roomId: string,
  token: string,
  origin: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.collabUrl}/${roomId}?token=${token}`, {
      headers: { origin },
    });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (error) => reject(error));
  });
}

async function socketOutcome(server: StartedServer, token: string, origin: string) {
  try {
    const socket = await connectSocket(server.url, token, { extraHeaders: { origin } });
    socket.close();
    return 'connected';
  } catch {
    return 'refused';
  }
}

describe('origins on the websocket endpoints', () => {
  let sameOrigin: StartedServer;
  let listed: StartedServer;

  beforeAll(async () => {
    sameOrigin = await startServer();
    listed = await startServer({
      env: { ALLOWED_ORIGINS: 'https://app.example.com,http://localhost:5173' },
    });
  });

  afterAll(async () => {
    await sameOrigin?.close();
    await listed?.close();
  });

  it('accepts only the same origin by default', async () => {
    const room = await createRoom(sameOrigin.url);
    const token = room.organizerToken;
    expect(await collabUpgrade(sameOrigin, room.roomId, token, sameOrigin.url)).toBe(101);
    expect(await collabUpgrade(sameOrigin, room.roomId, token, 'https://evil.example.com')).toBe(
      403,
    );
    expect(await socketOutcome(sameOrigin, token, sameOrigin.url)).toBe('connected');
    expect(await socketOutcome(sameOrigin, token, 'https://evil.example.com')).toBe('refused');
  });

  it('accepts exactly the ALLOWED_ORIGINS when they are set', async () => {
    const room = await createRoom(listed.url);
    const token = room.organizerToken;
    for (const origin of ['https://app.example.com', 'http://localhost:5173']) {
      expect(await collabUpgrade(listed, room.roomId, token, origin)).toBe(101);
      expect(await socketOutcome(listed, token, origin)).toBe('connected');
    }
    for (const origin of ['https://evil.example.com', 'https://app.example.com.evil.net']) {
      expect(await collabUpgrade(listed, room.roomId, token, origin)).toBe(403);
      expect(await socketOutcome(listed, token, origin)).toBe('refused');
    }
  });
});
