import { templates } from '@parley/shared/templates';
import type { TermSheet } from '@parley/shared/termsheet';
import type { ActivityChanged } from '@parley/shared/protocol';
import { createRoomDoc, getClauseBody, insertClause, setParam } from '@parley/shared/room';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { AppliedChange, RoomContext, RoomSlot } from '../../rooms';
import { activityHook } from './activityHook';
import type { ActivityMember } from './activityHook';

interface Sent {
  roomId: string;
  event: string;
  payload: ActivityChanged;
}

/** A loaded room as hooks see it: a real document and per-room slots. */
function roomOf(doc: Y.Doc): RoomContext {
  const slots = new Map<RoomSlot<unknown>, unknown>();
  return {
    id: 'room-1',
    doc,
    seq: 0,
    slot<T>(slot: RoomSlot<T>): T {
      if (!slots.has(slot)) slots.set(slot, slot.create('room-1'));
      return slots.get(slot) as T;
    },
  };
}

const members: Record<string, ActivityMember> = {
  ada: { name: 'Ada Kestrel', partyId: 'csp' },
  ben: { name: 'Ben Aldermoor', partyId: 'insurer' },
};

function setup() {
  const sent: Sent[] = [];
  const lookups: string[] = [];
  const hook = activityHook({
    broadcast: {
      to: (roomId) => ({
        emit: (event, ...args) =>
          sent.push({ roomId, event, payload: args[0] as unknown as ActivityChanged }),
      }),
    },
    member: (_roomId, memberId) => {
      lookups.push(memberId);
      return Promise.resolve(members[memberId]);
    },
    now: () => 1_000,
    onError: (error) => {
      throw error;
    },
  });
  const server = createRoomDoc(structuredClone(templates.telematics) as TermSheet);
  const room = roomOf(server);
  hook.onLoad?.(room);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  let seq = 0;
  /** A member's edit made on their copy, applied to the room as the runtime would. */
  const write = (memberId: string | null, edit: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    edit(client);
    const update = Y.encodeStateAsUpdate(client, before);
    let change: AppliedChange | null = null;
    const capture = (transaction: Y.Transaction) => {
      change = { transaction, memberId, clauseIds: [] };
    };
    server.on('afterTransaction', capture);
    Y.applyUpdate(server, update, 'peer');
    server.off('afterTransaction', capture);
    const applied = change as AppliedChange | null;
    if (applied === null) throw new Error('the update changed nothing');
    hook.onChange?.(room, applied);
    const clauseIds = applied.clauseIds.length ? applied.clauseIds : ['c-sharing'];
    hook.afterStore?.(room, {
      seq: ++seq,
      update,
      memberId,
      clauseIds,
      origin: 'client',
      appendMs: 0,
    });
  };
  return { sent, lookups, write, client };
}

const sharingId = (doc: Y.Doc) =>
  [...doc.getMap('clauses').entries()].find(
    ([, c]) => (c as Y.Map<unknown>).get('kind') === 'value-sharing',
  )![0];

describe('the activity hook', () => {
  it('tells the room who changed a parameter, with its value before and after', async () => {
    const { sent, write, client } = setup();
    const id = sharingId(client);
    write('ada', (doc) => setParam(doc, id, ['fixed', 'csp'], 45));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      roomId: 'room-1',
      event: 'activity:changed',
      payload: {
        memberId: 'ada',
        name: 'Ada Kestrel',
        partyId: 'csp',
        at: 1_000,
        params: [{ clauseId: id, path: 'fixed.csp', old: 30, new: 45 }],
        truncated: false,
      },
    });
  });

  it('diffs against the last change, not the loaded state, and keeps the order of changes', async () => {
    const { sent, write, client, lookups } = setup();
    const id = sharingId(client);
    write('ada', (doc) => setParam(doc, id, ['fixed', 'csp'], 45));
    write('ben', (doc) => setParam(doc, id, ['fixed', 'csp'], 40));
    write('ada', (doc) => setParam(doc, id, ['fixed', 'csp'], 41));
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(
      sent.map((s) => [s.payload.name, s.payload.params[0]?.old, s.payload.params[0]?.new]),
    ).toEqual([
      ['Ada Kestrel', 30, 45],
      ['Ben Aldermoor', 45, 40],
      ['Ada Kestrel', 40, 41],
    ]);
    // Each member is looked up once per loaded room.
    expect(lookups).toEqual(['ada', 'ben']);
  });

  it('lists no parameters for text typing, and says nothing of changes made by nobody', async () => {
    const { sent, write, client } = setup();
    const id = sharingId(client);
    write('ada', (doc) => {
      const body = getClauseBody(doc, id)!;
      const paragraph = body.get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, 'Hello ');
    });
    write(null, (doc) => setParam(doc, id, ['fixed', 'csp'], 50));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.payload.params).toEqual([]);
    // The change by nobody still moved the baseline: the next diff starts from 50.
    write('ben', (doc) => setParam(doc, id, ['fixed', 'csp'], 51));
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.payload.params).toEqual([
      { clauseId: id, path: 'fixed.csp', old: 50, new: 51 },
    ]);
  });

  it('caps a large change and says it was cut, and ignores whole clauses added', async () => {
    const { sent, write, client } = setup();
    write('ada', (doc) => insertClause(doc, { kind: 'custom', title: 'Schedule' }));
    const id = sharingId(client);
    write('ben', (doc) => {
      const many: Record<string, number> = {};
      for (let i = 0; i < 30; i += 1) many[`p${i}`] = i;
      setParam(doc, id, ['extra'], many);
    });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]!.payload.params).toEqual([]);
    expect(sent[1]!.payload.params).toHaveLength(20);
    expect(sent[1]!.payload.truncated).toBe(true);
    expect(sent[1]!.payload.params[0]).toEqual({ clauseId: id, path: 'extra.p0', new: 0 });
  });
});
