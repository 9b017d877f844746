// Room tokens on the client: read from an invitation link, kept per room on this device, and their
// claims decoded (never verified: the server does) so the room can open before the server answers.
// A link carries an invitation, which opens the room once; the session the join answers is kept.
import type { Role } from '@parley/shared/permissions';

/** The claims of a room token (a JWT signed with HS256), read client-side only to shape the UI. */
export interface TokenClaims {
  sub: string;
  room: string;
  role: Role;
  party: string | null;
  name: string;
  exp?: number;
  /** An invitation (what a link carries; tokens without a kind are invitations) or a session. */
  kind: 'invite' | 'session';
}

const roles: readonly string[] = ['organizer', 'negotiator', 'viewer', 'mediator', 'observer'];

export function tokenStorageKey(roomId: string): string {
  return `parley.token.${roomId}`;
}

/** Reads `token` from a location hash such as `#token=abc`; null when absent. */
export function tokenFromHash(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const value = new URLSearchParams(raw).get('token');
  return value && value.length > 0 ? value : null;
}

/** Extracts the room id from a path `/rooms/:roomId`; null for any other path. */
export function roomIdFromPath(pathname: string): string | null {
  const match = /^\/rooms\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Decodes (does not verify: the server does) a token's claims; null when it is not a room token. */
export function decodeTokenClaims(token: string): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload: unknown = JSON.parse(base64UrlDecode(parts[1]));
    if (typeof payload !== 'object' || payload === null) return null;
    const p = payload as Record<string, unknown>;
    if (typeof p.sub !== 'string' || typeof p.room !== 'string') return null;
    if (typeof p.role !== 'string' || !roles.includes(p.role)) return null;
    return {
      sub: p.sub,
      room: p.room,
      role: p.role as Role,
      party: typeof p.party === 'string' ? p.party : null,
      name: typeof p.name === 'string' ? p.name : 'Someone',
      ...(typeof p.exp === 'number' ? { exp: p.exp } : {}),
      kind: p.kind === 'session' ? 'session' : 'invite',
    };
  } catch {
    return null;
  }
}

export function isExpired(claims: TokenClaims, nowMs: number): boolean {
  return claims.exp !== undefined && claims.exp * 1000 <= nowMs;
}

export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Takes the token from the invite link's hash if there is one (and keeps it), else the stored one.
 * The hash wins so that opening a newer invite replaces an older identity, except that opening the
 * invitation this device already joined with keeps the session it joined: a link opens a room once.
 */
export function resolveRoomToken(
  roomId: string,
  hash: string,
  storage: TokenStorage,
): string | null {
  const fromHash = tokenFromHash(hash);
  const stored = storage.getItem(tokenStorageKey(roomId));
  if (fromHash) {
    const link = decodeTokenClaims(fromHash);
    const kept = stored === null ? null : decodeTokenClaims(stored);
    if (link?.kind === 'invite' && kept?.kind === 'session' && kept.sub === link.sub) return stored;
    storage.setItem(tokenStorageKey(roomId), fromHash);
    return fromHash;
  }
  return stored;
}
