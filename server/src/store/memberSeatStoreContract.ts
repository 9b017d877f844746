// The seats and consent every store must keep the same way on SQLite and PostgreSQL: a link
// joins once even when many joins race, and a party's latest decision replaces its earlier one.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from './store';
import type { MemberRecord } from './types';

const T0 = 1_750_000_000_000;

function member(roomId: string, overrides: Partial<MemberRecord> = {}): MemberRecord {
  return {
    id: `m-${randomUUID()}`,
    roomId,
    name: 'Ada',
    role: 'negotiator',
    partyId: 'csp',
    createdAt: T0,
    revokedAt: null,
    ...overrides,
  };
}

export function describeMemberSeatStoreContract(store: () => Store): void {
  async function roomWithCreator() {
    const roomId = `room-${randomUUID()}`;
    const creator = member(roomId, { role: 'organizer', name: 'Olga', partyId: 'insurer' });
    await store().createRoom(
      { id: roomId, title: 'Seats', createdAt: T0 },
      new Uint8Array([1]),
      creator,
      's-creator',
    );
    return { roomId, creator };
  }

  describe('seats', () => {
    it('seats the creator as joined with their session, and an invitee as invited by someone', async () => {
      const { roomId, creator } = await roomWithCreator();
      const dana = member(roomId, { createdAt: T0 + 1 });
      await store().createInvitation(dana, creator.id);
      expect(await store().getSeatedMember(roomId, creator.id)).toEqual({
        ...creator,
        seat: {
          invitedBy: null,
          creator: true,
          joinedAt: T0,
          sessionId: 's-creator',
          reuseRefusedAt: null,
        },
      });
      expect((await store().listSeatedMembers(roomId)).map((m) => m.seat)).toEqual([
        expect.objectContaining({ creator: true }),
        {
          invitedBy: creator.id,
          creator: false,
          joinedAt: null,
          sessionId: null,
          reuseRefusedAt: null,
        },
      ]);
      // A plain member read leaves the seat out.
      expect(await store().getMember(roomId, dana.id)).toEqual(dana);
    });

    it('lets exactly one of many racing joins claim a seat, and keeps its session', async () => {
      const { roomId, creator } = await roomWithCreator();
      const dana = member(roomId);
      await store().createInvitation(dana, creator.id);
      const won = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store().claimSeat(roomId, dana.id, `s-${i}`, T0 + i)),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = won.indexOf(true);
      const seat = (await store().getSeatedMember(roomId, dana.id))!.seat;
      expect(seat).toMatchObject({ sessionId: `s-${winner}`, joinedAt: T0 + winner });
      expect(await store().claimSeat(roomId, dana.id, 's-late', T0 + 99)).toBe(false);
      await store().noteSeatReuse(roomId, dana.id, T0 + 100);
      expect((await store().getSeatedMember(roomId, dana.id))!.seat).toMatchObject({
        sessionId: `s-${winner}`,
        reuseRefusedAt: T0 + 100,
      });
    });

    it('never lets a revoked or unknown seat be claimed', async () => {
      const { roomId, creator } = await roomWithCreator();
      const dana = member(roomId);
      await store().createInvitation(dana, creator.id);
      await store().revokeMember(roomId, dana.id, T0 + 1);
      expect(await store().claimSeat(roomId, dana.id, 's-1', T0 + 2)).toBe(false);
      expect(await store().claimSeat(roomId, 'no-such-member', 's-1', T0 + 2)).toBe(false);
      expect((await store().getSeatedMember(roomId, dana.id))!.seat.sessionId).toBeNull();
    });

    it('renames a member and changes their role, and reports an unknown one', async () => {
      const { roomId, creator } = await roomWithCreator();
      const dana = member(roomId);
      await store().createInvitation(dana, creator.id);
      expect(await store().updateMember(roomId, dana.id, { name: 'Dana', role: 'viewer' })).toBe(
        true,
      );
      expect(await store().getMember(roomId, dana.id)).toEqual({
        ...dana,
        name: 'Dana',
        role: 'viewer',
      });
      expect(await store().updateMember(roomId, 'no-such-member', { name: 'X' })).toBe(false);
    });
  });

  describe('consent', () => {
    it("keeps each party's latest decision per appointment", async () => {
      const { roomId, creator } = await roomWithCreator();
      const mo = member(roomId, { role: 'mediator', partyId: null, name: 'Mo' });
      const other = member(roomId, { role: 'observer', partyId: null, name: 'Obi' });
      await store().createInvitation(mo, creator.id);
      await store().createInvitation(other, creator.id);
      const decide = (
        memberId: string,
        partyId: string,
        decision: 'accept' | 'decline',
        at: number,
      ) =>
        store().setConsent({
          roomId,
          memberId,
          partyId,
          decision,
          decidedBy: creator.id,
          decidedAt: at,
        });
      await decide(mo.id, 'insurer', 'accept', T0 + 1);
      await decide(mo.id, 'csp', 'accept', T0 + 2);
      await decide(mo.id, 'csp', 'decline', T0 + 3);
      await decide(other.id, 'insurer', 'accept', T0 + 4);
      expect(await store().listConsents(roomId, mo.id)).toEqual([
        {
          roomId,
          memberId: mo.id,
          partyId: 'csp',
          decision: 'decline',
          decidedBy: creator.id,
          decidedAt: T0 + 3,
        },
        {
          roomId,
          memberId: mo.id,
          partyId: 'insurer',
          decision: 'accept',
          decidedBy: creator.id,
          decidedAt: T0 + 1,
        },
      ]);
      expect(await store().listConsents(roomId)).toHaveLength(3);
      expect(await store().listConsents(`room-${randomUUID()}`)).toEqual([]);
    });
  });
}
