import { describe, expect, it } from 'vitest';
import { forgetRoom, MAX_RECENT_ROOMS, recentRooms, rememberRoom } from './recentRooms';
import { tokenStorageKey } from './token';

function storage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('recent rooms', () => {
  it('lists the rooms this browser can still open, newest first, each once', () => {
    const s = storage();
    s.setItem(tokenStorageKey('r1'), 't1');
    s.setItem(tokenStorageKey('r2'), 't2');
    rememberRoom(s, { roomId: 'r1', title: 'Clinic pilot', role: 'negotiator' }, 1);
    rememberRoom(s, { roomId: 'r2', title: 'Connected car', role: 'mediator' }, 2);
    rememberRoom(s, { roomId: 'r3', title: 'No token kept', role: 'observer' }, 3);
    rememberRoom(s, { roomId: 'r1', title: 'Clinic pilot, renamed', role: 'negotiator' }, 4);
    expect(recentRooms(s).map((r) => [r.roomId, r.title])).toEqual([
      ['r1', 'Clinic pilot, renamed'],
      ['r2', 'Connected car'],
    ]);
    forgetRoom(s, 'r1');
    expect(recentRooms(s).map((r) => r.roomId)).toEqual(['r2']);
  });

  it('keeps only the newest few and survives a damaged list', () => {
    const s = storage();
    for (let i = 0; i < MAX_RECENT_ROOMS + 3; i += 1) {
      s.setItem(tokenStorageKey(`r${i}`), 't');
      rememberRoom(s, { roomId: `r${i}`, title: `Room ${i}`, role: 'viewer' }, i);
    }
    expect(recentRooms(s)).toHaveLength(MAX_RECENT_ROOMS);
    s.setItem('parley.recentRooms', '{not json');
    expect(recentRooms(s)).toEqual([]);
  });
});
