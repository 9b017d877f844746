// The versions every store must keep the same way on SQLite and PostgreSQL: numbered 1, 2, 3… per
// room even when saves race, read back whole, listed without their content.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from './store';

const T0 = 1_750_000_000_000;

export function describeVersionStoreContract(
  store: () => Store,
  newRoomId: () => Promise<string>,
): void {
  describe('versions', () => {
    const version = (roomId: string, name: string) => ({
      id: `v-${randomUUID()}`,
      roomId,
      name,
      kind: 'saved' as const,
      createdBy: { memberId: 'm-ada', name: 'Ada', role: 'negotiator', partyId: 'csp' },
      createdAt: T0,
      docSeq: 7,
      termsheet: { title: 'Pilot', clauses: [{ id: 'c-1', text: 'Ünïcode “quotes”' }] },
      value: { format: 'parley.value/v1', scenarios: [] },
    });

    it('numbers versions per room, also when they are saved at once, and reads them back', async () => {
      const roomId = await newRoomId();
      const other = await newRoomId();
      const saved = await Promise.all(
        ['a', 'b', 'c', 'd'].map((name) => store().addVersion(version(roomId, name))),
      );
      expect(saved.map((v) => v.number).sort()).toEqual([1, 2, 3, 4]);
      const milestone = await store().addVersion({
        ...version(other, 'Agreed'),
        kind: 'agreement',
        createdBy: null,
      });
      expect(milestone.number).toBe(1);
      const list = await store().listVersions(roomId);
      expect(list.map((v) => v.number)).toEqual([1, 2, 3, 4]);
      expect(list[0]).not.toHaveProperty('termsheet');
      const first = saved[0]!;
      expect(await store().getVersion(roomId, first.id)).toEqual(first);
      expect(await store().getVersion(other, first.id)).toBeUndefined();
      expect(await store().getVersion(other, milestone.id)).toEqual(milestone);
    });
  });
}
