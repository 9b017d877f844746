// The governance write rules in isolation: the state loads with the room from the real store,
// then each write is judged by who writes and which clauses it touches.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberClaims } from '@parley/shared/protocol';
import type { Role } from '@parley/shared/permissions';
import { templates } from '@parley/shared/templates';
import type { RoomHook, WriteRefusal } from '../../rooms';
import { createTestRoom, openTestStore, testRuntime } from '../../testing';
import type { TestStore } from '../../testing';
import { governanceStateHook } from './state';
import { governanceWriteRules } from './writeRules';

let opened: TestStore;

beforeEach(async () => {
  opened = await openTestStore();
  await createTestRoom(opened.store, 'r1');
});

afterEach(async () => {
  await opened.close();
});

function member(role: Role): MemberClaims {
  const partyId = role === 'mediator' || role === 'observer' ? null : 'csp';
  return { memberId: `m-${role}`, roomId: 'r1', role, partyId, name: role };
}

/** Loads the room with the governance hooks and asks the write rules about one write. */
async function judge(role: Role, touched: string[]): Promise<WriteRefusal | null> {
  const rules = governanceWriteRules(opened.store);
  const hooks: RoomHook[] = [governanceStateHook(opened.store), rules];
  const runtime = testRuntime(opened.store, hooks);
  try {
    return await runtime.hold(
      'r1',
      async (room) =>
        (await rules.beforeWrite?.(room, {
          member: member(role),
          update: new Uint8Array(),
          effect: {
            clauses: touched,
            clauseOrder: false,
            meta: [],
            assumptions: false,
            unknownRoots: [],
          },
          after: room.doc,
        })) ?? null,
    );
  } finally {
    await runtime.close();
  }
}

describe('governance write rules', () => {
  it('let every write in while nothing is locked and the mode is normal', async () => {
    expect(await judge('negotiator', ['c-exit'])).toBeNull();
  });

  it('refuse a write touching a locked clause, whoever writes, naming the clause', async () => {
    await opened.store.addLock('r1', { clauseId: 'c-exit', lockedBy: 'org', lockedAt: 1 });
    for (const role of ['negotiator', 'organizer', 'mediator'] as const) {
      expect(await judge(role, ['c-revenue', 'c-exit'])).toMatchObject({
        code: 'clause-locked',
        message: expect.stringContaining('c-exit'),
      });
    }
    expect(await judge('negotiator', ['c-revenue'])).toBeNull();
  });

  it('in single-text mode let only the facilitator write', async () => {
    await opened.store.saveMediationState(
      'r1',
      { mode: 'single-text', agenda: [], current: null, agreedAt: null },
      1,
    );
    expect(await judge('negotiator', ['c-revenue'])).toMatchObject({ code: 'single-text-mode' });
    expect(await judge('mediator', ['c-revenue'])).toBeNull();
    // Without a mediator the organizer facilitates...
    expect(await judge('organizer', ['c-revenue'])).toBeNull();
    // ...still while a proposed mediator waits for the parties' consent...
    await opened.store.createMember({
      id: 'med',
      roomId: 'r1',
      name: 'Mo Mediator',
      role: 'mediator',
      partyId: null,
      createdAt: 2,
      revokedAt: null,
    });
    expect(await judge('organizer', ['c-revenue'])).toBeNull();
    // ...and hands the pen over once every party of the sheet let the mediator in.
    for (const { id: partyId } of templates.telematics.parties) {
      await opened.store.setConsent({
        roomId: 'r1',
        memberId: 'med',
        partyId,
        decision: 'accept',
        decidedBy: 'org',
        decidedAt: 3,
      });
    }
    expect(await judge('organizer', ['c-revenue'])).toMatchObject({ code: 'single-text-mode' });
  });

  it('refuse every write once the sheet is agreed, whoever writes', async () => {
    await opened.store.saveMediationState(
      'r1',
      { mode: 'normal', agenda: [], current: null, agreedAt: 5 },
      5,
    );
    for (const role of ['organizer', 'negotiator', 'mediator'] as const) {
      expect(await judge(role, ['c-scope'])).toMatchObject({ code: 'agreement-frozen' });
    }
  });
});
