// A typed Socket.IO client for tests: connecting with a token, emitting with an ack (bad payloads
// included), and collecting the events a member receives.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@parley/shared/protocol';

export type ParleyClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects a Socket.IO client with a token; resolves once connected, rejects on refusal. */
export async function connectSocket(
  baseUrl: string,
  token: string | undefined,
  options: { extraHeaders?: Record<string, string>; roomId?: string } = {},
): Promise<ParleyClientSocket> {
  const socket: ParleyClientSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: {
      ...(token !== undefined ? { token } : {}),
      ...(options.roomId ? { roomId: options.roomId } : {}),
    },
    ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}

/** Emits an event with an ack and resolves with the answer (an untyped emit, for bad payloads too). */
export function emitWithAck<T = unknown>(
  socket: ParleyClientSocket,
  event: string,
  payload: unknown,
  timeoutMs = 5000,
): Promise<Ack<T>> {
  return (
    socket.timeout(timeoutMs) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<Ack<T>>;
    }
  ).emitWithAck(event, payload);
}

/** Collects every event of one name a socket receives, for retrying assertions. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: ParleyClientSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
    seen.push(payload);
  }) as never);
  return seen;
}
