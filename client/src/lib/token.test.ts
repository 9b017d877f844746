// Invitation links and kept tokens: which token a room uses, and which links count as invalid or
// expired before the server is asked.
import { describe, expect, it } from 'vitest';
import {
  decodeTokenClaims,
  isExpired,
  resolveRoomToken,
  roomIdFromPath,
  tokenFromHash,
} from './token';

function fakeToken(claims: object): string {
  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

describe('invite links', () => {
  it('reads the token from the hash of an invite link', () => {
    expect(tokenFromHash('#token=abc.def.ghi')).toBe('abc.def.ghi');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#other=1')).toBeNull();
  });

  it('recognises room paths only', () => {
    expect(roomIdFromPath('/rooms/r-123')).toBe('r-123');
    expect(roomIdFromPath('/rooms/r-123/')).toBe('r-123');
    expect(roomIdFromPath('/rooms/')).toBeNull();
    expect(roomIdFromPath('/elsewhere')).toBeNull();
  });

  it('keeps the token from the link so that a reload without the hash still works', () => {
    const storage = memoryStorage();
    expect(resolveRoomToken('r1', '#token=t1', storage)).toBe('t1');
    expect(storage.items.get('parley.token.r1')).toBe('t1');
    expect(resolveRoomToken('r1', '', storage)).toBe('t1');
  });

  it('lets a newer invite link replace the kept token', () => {
    const storage = memoryStorage();
    resolveRoomToken('r1', '#token=old', storage);
    expect(resolveRoomToken('r1', '#token=new', storage)).toBe('new');
  });

  it('keeps the session an invitation opened when the same link is opened again', () => {
    const storage = memoryStorage();
    const base = { room: 'r1', role: 'negotiator', party: 'csp', name: 'Ana' };
    const invitation = fakeToken({ ...base, sub: 'm1', kind: 'invite' });
    const session = fakeToken({ ...base, sub: 'm1', kind: 'session', sid: 's1' });
    storage.setItem('parley.token.r1', session);
    expect(resolveRoomToken('r1', `#token=${invitation}`, storage)).toBe(session);
    // Another member's invitation on this device is another identity.
    const other = fakeToken({ ...base, sub: 'm2', kind: 'invite' });
    expect(resolveRoomToken('r1', `#token=${other}`, storage)).toBe(other);
    expect(storage.items.get('parley.token.r1')).toBe(other);
  });
});

describe('token claims', () => {
  it('decodes the claims the UI needs', () => {
    const token = fakeToken({
      sub: 'm1',
      room: 'r1',
      role: 'negotiator',
      party: 'csp',
      name: 'Ana',
      exp: 2000000000,
    });
    expect(decodeTokenClaims(token)).toEqual({
      sub: 'm1',
      room: 'r1',
      role: 'negotiator',
      party: 'csp',
      name: 'Ana',
      exp: 2000000000,
      kind: 'invite',
    });
    expect(
      decodeTokenClaims(fakeToken({ sub: 'm1', room: 'r1', role: 'viewer', kind: 'session' })),
    ).toMatchObject({ kind: 'session' });
  });

  it('refuses things that are not room tokens', () => {
    expect(decodeTokenClaims('not-a-token')).toBeNull();
    expect(decodeTokenClaims(fakeToken({ sub: 'm1', room: 'r1', role: 'king' }))).toBeNull();
  });

  it('tells an expired token', () => {
    const claims = {
      sub: 'm',
      room: 'r',
      role: 'viewer' as const,
      party: null,
      name: 'V',
      exp: 100,
      kind: 'session' as const,
    };
    expect(isExpired(claims, 100_000)).toBe(true);
    expect(isExpired(claims, 99_000)).toBe(false);
  });
});
