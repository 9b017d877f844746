// Reading a /collab upgrade request (room id and token from the URL), and refusing one with a plain
// HTTP error in the JSON shape REST uses, before any websocket exists.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export const COLLAB_PATH_PREFIX = '/collab/';
const ROOM_ID = /^[A-Za-z0-9_-]{1,128}$/;

export type CollabTarget =
  | { kind: 'not-collab' }
  | { kind: 'bad-room' }
  | { kind: 'room'; roomId: string; token: string | null };

/** Reads `/collab/:roomId?token=...` from an upgrade request; other paths are not ours. */
export function parseCollabTarget(request: IncomingMessage): CollabTarget {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(COLLAB_PATH_PREFIX)) return { kind: 'not-collab' };
  let roomId: string;
  try {
    roomId = decodeURIComponent(url.pathname.slice(COLLAB_PATH_PREFIX.length));
  } catch {
    return { kind: 'bad-room' };
  }
  if (!ROOM_ID.test(roomId)) return { kind: 'bad-room' };
  const token = url.searchParams.get('token');
  return { kind: 'room', roomId, token: token === null || token === '' ? null : token };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Answers the upgrade request with a plain HTTP error, the way REST answers errors. */
export function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      '\r\n' +
      body,
  );
  setTimeout(() => socket.destroy(), 1000).unref();
}
