// The /collab endpoint's contract with the rest of the server: how a connection is
// authenticated, its limits, and the handle the app closes and disconnects members through.
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { MemberClaims } from '@parley/shared/protocol';
import type { RoomRuntime } from '../rooms';

export type AuthenticateResult =
  | { ok: true; member: MemberClaims }
  | { ok: false; status: 401 | 403 | 404; code: string; message: string };

/**
 * Checks a connection attempt before anything of the room is loaded:
 * token signature and expiry, revocation, the room's existence and the Origin header.
 */
export type Authenticate = (
  roomId: string,
  token: string | null,
  origin: string | undefined,
  host?: string,
) => Promise<AuthenticateResult>;

export interface CollabLimits {
  /** Largest accepted websocket message in bytes. Default MAX_MESSAGE_BYTES (2 MiB). */
  maxMessageBytes?: number;
  /** Token bucket per connection: sustained messages per second. Default 200. */
  rateLimitPerSecond?: number;
  /** Token bucket per connection: burst size. Default 400. */
  rateLimitBurst?: number;
  /** Bytes per second a connection may send, sustained. Default 2 MiB; bursts up to 2 messages of the largest size. */
  byteRatePerSecond?: number;
  /** Ping interval; a connection that misses a whole interval is dropped. Default 30 000 ms. */
  heartbeatMs?: number;
  /** Live connections one member may hold in one room. Default MAX_COLLAB_CONNECTIONS_PER_MEMBER (8). */
  connectionsPerMember?: number;
}

export interface CollabOptions {
  server: HttpServer;
  rooms: RoomRuntime;
  authenticate: Authenticate;
  logger: Logger;
  /**
   * Awareness colour of a member; `partyIndex` is the member's party position in the room's
   * party list (null without a party). Defaults to the shared `memberColor(role, partyIndex)`.
   */
  memberColor?: (member: MemberClaims, partyIndex: number | null) => string;
  limits?: CollabLimits;
}

export interface CollabHandle {
  /**
   * Closes every live collab connection of the member (e.g. after revocation), with `code`
   * (default 4403) and `reason`; a connection still being authenticated is closed the same way.
   */
  disconnectMember(roomId: string, memberId: string, code?: number, reason?: string): void;
  connections(): number;
  /** Stops accepting and closes every connection (the room runtime flushes the rooms). */
  close(): Promise<void>;
}
