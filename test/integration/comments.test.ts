// Comments over Socket.IO and REST: each audience reaches exactly its members, live and on read,
// hidden threads answer like missing ones, mentions notify, and fast writers are slowed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { textAnchorPositions } from '@parley/shared/comments';
import { getClauseBody } from '@parley/shared/room';
import type { CommentNotification, CommentThread, UnreadCounts } from '@parley/shared/comments';
import type { Ack, CommentEvent, ThreadListResult } from '@parley/shared/protocol';
import {
  appoint,
  connectSocket,
  createRoom,
  emitWithAck,
  invite,
  request,
  seatParties,
  startServer,
} from './helpers';
import type { ParleyClientSocket, StartedServer } from './helpers';

type Person = 'organizerA' | 'negotiatorA' | 'viewerA' | 'negotiatorB' | 'mediator' | 'observer';
const people: Person[] = [
  'organizerA',
  'negotiatorA',
  'viewerA',
  'negotiatorB',
  'mediator',
  'observer',
];

// mhealth: the organizer speaks for the lead party, the insurer.
const PARTY_A = 'insurer';
const PARTY_B = 'csp';

let server: StartedServer;
let roomId: string;
const tokens = {} as Record<Person, string>;
const ids = {} as Record<Person, string>;
const sockets = {} as Record<Person, ParleyClientSocket>;
/** Every event each socket received during the whole run, as JSON text. */
const received = {} as Record<Person, string[]>;

beforeAll(async () => {
  server = await startServer();
  const room = await createRoom(server.url, { title: 'Comments', template: 'mhealth' });
  roomId = room.roomId;
  tokens.organizerA = room.organizerToken;
  const me = await request<{ member: { id: string } }>(
    server.url,
    'GET',
    `/api/rooms/${roomId}/me`,
    {
      token: room.organizerToken,
    },
  );
  ids.organizerA = me.body.member.id;
  const invites: [Person, 'negotiator' | 'viewer' | 'mediator' | 'observer', string | null][] = [
    ['negotiatorA', 'negotiator', PARTY_A],
    ['viewerA', 'viewer', PARTY_A],
    ['negotiatorB', 'negotiator', PARTY_B],
    ['mediator', 'mediator', null],
    ['observer', 'observer', null],
  ];
  // Each party seats its own people; the mediator and observer come in with every party's consent.
  const organizers = await seatParties(server.url, roomId, room.organizerToken);
  for (const [person, role, party] of invites) {
    const name = `${person} <b>name</b>`;
    const created =
      party === null
        ? await appoint(server.url, roomId, organizers, {
            name,
            role: role as 'mediator' | 'observer',
          })
        : await invite(server.url, roomId, organizers[party]!, { name, role, party });
    tokens[person] = created.token;
    ids[person] = created.id;
  }
  for (const person of people) {
    sockets[person] = await connectSocket(server.url, tokens[person]);
    received[person] = [];
    sockets[person].onAny((event: string, payload: unknown) => {
      received[person].push(JSON.stringify({ event, payload }));
    });
  }
});

afterAll(async () => {
  for (const person of people) sockets[person]?.close();
  await server?.close();
});

async function emit<T>(person: Person, event: string, payload: unknown): Promise<Ack<T>> {
  return emitWithAck<T>(sockets[person], event, payload);
}

async function ok<T>(person: Person, event: string, payload: unknown): Promise<T> {
  const result = await emit<T>(person, event, payload);
  if (!result.ok) throw new Error(`${event} by ${person}: ${JSON.stringify(result.error)}`);
  return result.data;
}

function restList(person: Person) {
  return request<ThreadListResult>(server.url, 'GET', `/api/rooms/${roomId}/comments`, {
    token: tokens[person],
  });
}

function restPost(person: Person, body: unknown) {
  return request<{ thread: CommentThread; comment: { id: string } }>(
    server.url,
    'POST',
    `/api/rooms/${roomId}/comments`,
    { token: tokens[person], body },
  );
}

const clauseAnchor = { type: 'clause', clauseId: 'c-sharing' } as const;

function sawText(person: Person, text: string): boolean {
  return received[person].some((line) => line.includes(text));
}

/** Who sees a marker over Socket.IO (live events and comments:list) and REST. */
async function audienceOf(marker: string): Promise<Person[]> {
  const seeing: Person[] = [];
  for (const person of people) {
    const viaSocket = await ok<ThreadListResult>(person, 'comments:list', {});
    const viaRest = await restList(person);
    expect(viaRest.status).toBe(200);
    const socketHas = JSON.stringify(viaSocket).includes(marker);
    const restHas = JSON.stringify(viaRest.body).includes(marker);
    expect(restHas).toBe(socketHas);
    if (socketHas) seeing.push(person);
  }
  return seeing;
}

describe('comment visibility over Socket.IO and REST', () => {
  let partyThread: CommentThread;
  let caucusB: CommentThread;
  let mediatorCaucusA: CommentThread;
  let roomThread: CommentThread;

  it('delivers a room-wide thread live to every member, observers included', async () => {
    roomThread = await ok<CommentThread>('negotiatorB', 'comments:create', {
      anchor: { type: 'param', clauseId: 'c-revenue', param: 'streams.0.unitPrice' },
      visibility: 'room',
      title: 'ROOM-MARKER price',
      body: 'Is the **price** right?',
    });
    expect(roomThread).toMatchObject({ visibility: 'room', partyId: null, status: 'open' });
    await vi.waitFor(
      () => {
        for (const person of people) expect(sawText(person, 'ROOM-MARKER')).toBe(true);
      },
      { timeout: 10_000 },
    );
    expect(await audienceOf('ROOM-MARKER')).toEqual(people);
  });

  it('keeps a party-internal thread inside the party, live and on every read', async () => {
    partyThread = await ok<CommentThread>('negotiatorA', 'comments:create', {
      anchor: clauseAnchor,
      visibility: 'party',
      body: 'PARTY-A-SECRET our walk-away is 30 %',
    });
    expect(partyThread).toMatchObject({ visibility: 'party', partyId: PARTY_A });
    await vi.waitFor(() => {
      expect(sawText('organizerA', 'PARTY-A-SECRET')).toBe(true);
      expect(sawText('viewerA', 'PARTY-A-SECRET')).toBe(true);
    });
    expect(await audienceOf('PARTY-A-SECRET')).toEqual(['organizerA', 'negotiatorA', 'viewerA']);
  });

  it('keeps a caucus between one party and the mediator', async () => {
    caucusB = await ok<CommentThread>('negotiatorB', 'comments:create', {
      anchor: clauseAnchor,
      visibility: 'caucus',
      body: 'CAUCUS-B-SECRET we could accept a lower floor',
    });
    mediatorCaucusA = await ok<CommentThread>('mediator', 'comments:create', {
      anchor: clauseAnchor,
      visibility: 'caucus',
      partyId: PARTY_A,
      body: 'MEDIATOR-CAUCUS-A what would you need?',
    });
    expect(caucusB.partyId).toBe(PARTY_B);
    expect(await audienceOf('CAUCUS-B-SECRET')).toEqual(['negotiatorB', 'mediator']);
    expect(await audienceOf('MEDIATOR-CAUCUS-A')).toEqual([
      'organizerA',
      'negotiatorA',
      'viewerA',
      'mediator',
    ]);
  });

  it('refuses audiences a role may not address', async () => {
    const refused: [Person, unknown][] = [
      ['mediator', { visibility: 'party', partyId: PARTY_A }],
      ['negotiatorA', { visibility: 'party', partyId: PARTY_B }],
      ['negotiatorA', { visibility: 'caucus', partyId: PARTY_B }],
      ['viewerA', { visibility: 'caucus', partyId: PARTY_B }],
      ['observer', { visibility: 'room' }],
    ];
    for (const [person, audience] of refused) {
      const result = await emit(person, 'comments:create', {
        anchor: clauseAnchor,
        body: 'NEVER-STORED',
        ...(audience as object),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const rest = await restPost('observer', {
      anchor: clauseAnchor,
      visibility: 'room',
      body: 'x',
    });
    expect(rest.status).toBe(403);
    const reply = await emit('observer', 'comments:reply', { threadId: roomThread.id, body: 'x' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await audienceOf('NEVER-STORED')).toEqual([]);
  });

  it('answers a hidden thread exactly like a missing one', async () => {
    const probe = async (threadId: string) => {
      const answers = [
        await emit('negotiatorB', 'comments:reply', { threadId, body: 'peek' }),
        await emit('negotiatorB', 'comments:resolve', { threadId }),
        await emit('negotiatorB', 'comments:mark-read', { threadId }),
        (await restPost('negotiatorB', { threadId, body: 'peek' })).body,
      ];
      return JSON.stringify(answers).replaceAll(threadId, 'ID');
    };
    expect(await probe(partyThread.id)).toBe(await probe('t-does-not-exist'));
    expect(await probe(partyThread.id)).toContain('not-found');
    const mediatorProbe = await emit('mediator', 'comments:reply', {
      threadId: partyThread.id,
      body: 'peek',
    });
    expect(mediatorProbe).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('replies, edits and deletes own comments; refuses others’', async () => {
    const reply = await ok<CommentEvent>('viewerA', 'comments:reply', {
      threadId: partyThread.id,
      body: 'PARTY-A-REPLY agreed',
    });
    const first = partyThread.comments[0]!;
    const foreignEdit = await emit('viewerA', 'comments:edit', {
      threadId: partyThread.id,
      commentId: first.id,
      body: 'hijacked',
    });
    expect(foreignEdit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const foreignDelete = await emit('organizerA', 'comments:delete', {
      threadId: partyThread.id,
      commentId: reply.comment.id,
    });
    expect(foreignDelete).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const edited = await ok<CommentEvent>('viewerA', 'comments:edit', {
      threadId: partyThread.id,
      commentId: reply.comment.id,
      body: 'PARTY-A-EDITED agreed, with a cap',
    });
    expect(edited.comment.editedAt).not.toBeNull();
    const deleted = await ok<CommentEvent>('negotiatorA', 'comments:delete', {
      threadId: partyThread.id,
      commentId: first.id,
    });
    expect(deleted.comment).toMatchObject({ body: '', deletedAt: expect.any(Number) });
    await vi.waitFor(() => {
      expect(sawText('organizerA', 'PARTY-A-EDITED')).toBe(true);
      expect(received.organizerA.some((line) => line.includes('comments:comment-deleted'))).toBe(
        true,
      );
    });
    const again = await emit('negotiatorA', 'comments:delete', {
      threadId: partyThread.id,
      commentId: first.id,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'comment-deleted' } });
    const list = await ok<ThreadListResult>('organizerA', 'comments:list', {});
    const stored = list.threads.find((t) => t.id === partyThread.id)!;
    expect(stored.comments.map((c) => [c.body, c.deletedAt !== null])).toEqual([
      ['', true],
      ['PARTY-A-EDITED agreed, with a cap', false],
    ]);
  });

  it('notifies mentioned members and earlier writers, only if they may see the thread', async () => {
    const before = received.negotiatorB.length;
    await ok<CommentEvent>('organizerA', 'comments:reply', {
      threadId: roomThread.id,
      body: `Ask @[Viewer](member:${ids.viewerA}) and @[B](member:${ids.negotiatorB})`,
    });
    // negotiatorB opened the thread (reply) and is mentioned: one notification, a mention.
    await vi.waitFor(() => {
      const notes = received.negotiatorB
        .slice(before)
        .map((line) => JSON.parse(line) as { event: string; payload: CommentNotification })
        .filter((e) => e.event === 'notifications:new');
      expect(notes.map((n) => n.payload.kind)).toEqual(['mention']);
      expect(sawText('viewerA', '"notifications:new"')).toBe(true);
    });
    // A mention inside a party thread does not reach someone outside that party.
    await ok('negotiatorA', 'comments:reply', {
      threadId: partyThread.id,
      body: `PARTY-A-MENTION hey @[B](member:${ids.negotiatorB})`,
    });
    const listed = await ok<{ notifications: CommentNotification[]; unread: number }>(
      'negotiatorB',
      'notifications:list',
      {},
    );
    expect(listed.notifications.map((n) => n.threadId)).toEqual([roomThread.id]);
    expect(listed.unread).toBe(1);
    const marked = await ok<{ unread: number }>('negotiatorB', 'notifications:mark-read', {});
    expect(marked.unread).toBe(0);
  });

  it('resolves and reopens, telling who did it', async () => {
    const resolved = await ok<CommentThread>('viewerA', 'comments:resolve', {
      threadId: roomThread.id,
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      statusChangedBy: { memberId: ids.viewerA },
    });
    await vi.waitFor(() => expect(sawText('observer', '"status":"resolved"')).toBe(true));
    const reopened = await ok<CommentThread>('mediator', 'comments:reopen', {
      threadId: roomThread.id,
    });
    expect(reopened).toMatchObject({ status: 'open', statusChangedBy: { role: 'mediator' } });
  });

  it('counts unread comments per clause and in total, per member', async () => {
    const unread = await ok<ThreadListResult>('organizerA', 'comments:list', {});
    // organizerA wrote only in the room thread; everything else by others is unread.
    expect(unread.unread.byThread[partyThread.id]).toBe(2);
    expect(unread.unread.byThread[mediatorCaucusA.id]).toBe(1);
    expect(unread.unread.byClause['c-sharing']).toBe(3);
    // Replying in the room thread marked it read for organizerA.
    expect(unread.unread.byThread[roomThread.id]).toBeUndefined();
    expect(unread.unread.total).toBe(3);
    const after = await ok<UnreadCounts>('organizerA', 'comments:mark-read', {
      threadId: partyThread.id,
    });
    expect(after.byClause['c-sharing']).toBe(1);
    expect(after.total).toBe(unread.unread.total - 2);
    await ok('negotiatorA', 'comments:reply', { threadId: partyThread.id, body: 'one more' });
    await vi.waitFor(() => {
      const pushes = received.organizerA
        .map((line) => JSON.parse(line) as { event: string; payload: UnreadCounts })
        .filter((e) => e.event === 'comments:unread');
      expect(pushes.at(-1)?.payload.byThread[partyThread.id]).toBe(1);
    });
  });

  it('anchors a thread to a text range of a clause body', async () => {
    const doc = await server.server.rooms.getDoc(roomId);
    const body = getClauseBody(doc, 'c-scope')!;
    const text = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const positions = textAnchorPositions(text, 0, 9);
    const thread = await ok<CommentThread>('viewerA', 'comments:create', {
      anchor: { type: 'text', clauseId: 'c-scope', ...positions, quote: 'The Partn' },
      visibility: 'room',
      body: 'Who are the partners?',
    });
    expect(thread.anchor).toMatchObject({ type: 'text', quote: 'The Partn' });
    const wrongClause = await emit('viewerA', 'comments:create', {
      anchor: { type: 'text', clauseId: 'c-term', ...positions, quote: 'x' },
      visibility: 'room',
      body: 'x',
    });
    expect(wrongClause).toMatchObject({ ok: false, error: { code: 'invalid-anchor' } });
    for (const anchor of [
      { type: 'clause', clauseId: 'no-such-clause' },
      { type: 'param', clauseId: 'c-revenue', param: 'streams.9.unitPrice' },
    ]) {
      const result = await emit('viewerA', 'comments:create', {
        anchor,
        visibility: 'room',
        body: 'x',
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-anchor' } });
    }
  });

  it('creates threads and replies over REST with the same rules and live delivery', async () => {
    const created = await restPost('negotiatorB', {
      anchor: clauseAnchor,
      visibility: 'party',
      body: 'REST-B-PARTY internal note',
    });
    expect(created.status).toBe(201);
    expect(created.body.thread).toMatchObject({ visibility: 'party', partyId: PARTY_B });
    const replied = await restPost('negotiatorB', {
      threadId: created.body.thread.id,
      body: 'REST-B-REPLY',
    });
    expect(replied.status).toBe(201);
    expect(replied.body.thread.comments).toHaveLength(2);
    expect(await audienceOf('REST-B-PARTY')).toEqual(['negotiatorB']);
    const filtered = await request<ThreadListResult>(
      server.url,
      'GET',
      `/api/rooms/${roomId}/comments?clauseId=c-revenue`,
      { token: tokens.observer },
    );
    expect(filtered.body.threads.map((t) => t.id)).toEqual([roomThread.id]);
    const unauthenticated = await request(server.url, 'GET', `/api/rooms/${roomId}/comments`);
    expect(unauthenticated.status).toBe(401);
  });

  it('refuses oversized and malformed input with a clear error', async () => {
    const tooLong = await emit('viewerA', 'comments:reply', {
      threadId: roomThread.id,
      body: 'x'.repeat(4001),
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(JSON.stringify(tooLong)).toContain('4000');
    const empty = await restPost('viewerA', { threadId: roomThread.id, body: '   ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('empty');
    const badVisibility = await emit('viewerA', 'comments:create', {
      anchor: clauseAnchor,
      visibility: 'everyone',
      body: 'x',
    });
    expect(badVisibility).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('keeps HTML in comments as plain data', async () => {
    const body = '<img src=x onerror=alert(1)> <script>alert(1)</script>';
    const event = await ok<CommentEvent>('viewerA', 'comments:reply', {
      threadId: roomThread.id,
      body,
    });
    expect(event.comment.body).toBe(body);
  });

  it('offers for @mention only the people the caller may address', async () => {
    const candidates = async (person: Person) =>
      (
        await ok<{ members: { memberId: string; name: string }[] }>(person, 'comments:members', {})
      ).members
        .map((m) => m.memberId)
        .sort();
    /** Everyone who wrote in a thread this person can read. */
    const spokeTo = async (person: Person) => {
      const { threads } = await ok<ThreadListResult>(person, 'comments:list', {});
      return threads.flatMap((t) => [
        t.createdBy.memberId,
        ...t.comments.map((c) => c.author.memberId),
      ]);
    };
    const idsOf = (...persons: Person[]) => persons.map((p) => ids[p]);
    const partyA = idsOf('organizerA', 'negotiatorA', 'viewerA');
    // A party member: their own party, the mediator, and whoever of another party spoke to them;
    // never the rest of another party's roster (the seats nobody has heard from).
    const forA = await candidates('viewerA');
    expect(forA).toEqual(
      [
        ...new Set([
          ...partyA,
          ids.mediator,
          ...(await spokeTo('viewerA')).filter((id) => id === ids.negotiatorB),
        ]),
      ].sort(),
    );
    const forB = await candidates('negotiatorB');
    const heardByB = await spokeTo('negotiatorB');
    expect(forB).toContain(ids.negotiatorB);
    expect(forB).toContain(ids.mediator);
    expect(forB).not.toContain(ids.observer);
    for (const id of partyA) expect(forB.includes(id)).toBe(heardByB.includes(id));
    // The observer addresses no one; the mediator every party.
    expect(await candidates('observer')).toEqual([]);
    expect(await candidates('mediator')).toEqual(
      expect.arrayContaining(idsOf('organizerA', 'negotiatorA', 'viewerA', 'negotiatorB')),
    );
  });

  it('never let a private comment reach a socket outside its audience', () => {
    const privateTo: [string, Person[]][] = [
      ['PARTY-A-SECRET', ['organizerA', 'negotiatorA', 'viewerA']],
      ['PARTY-A-REPLY', ['organizerA', 'negotiatorA', 'viewerA']],
      ['PARTY-A-EDITED', ['organizerA', 'negotiatorA', 'viewerA']],
      ['PARTY-A-MENTION', ['organizerA', 'negotiatorA', 'viewerA']],
      ['CAUCUS-B-SECRET', ['negotiatorB', 'mediator']],
      ['MEDIATOR-CAUCUS-A', ['organizerA', 'negotiatorA', 'viewerA', 'mediator']],
      ['REST-B-PARTY', ['negotiatorB']],
      ['REST-B-REPLY', ['negotiatorB']],
      ['NEVER-STORED', []],
      [partyThread.id, ['organizerA', 'negotiatorA', 'viewerA']],
      [caucusB.id, ['negotiatorB', 'mediator']],
    ];
    for (const [marker, audience] of privateTo) {
      for (const person of people) {
        if (audience.includes(person)) continue;
        expect({ person, marker, seen: sawText(person, marker) }).toEqual({
          person,
          marker,
          seen: false,
        });
      }
    }
  });
});

describe('comment rate limit', () => {
  it('refuses a member writing too fast, over Socket.IO and REST alike', async () => {
    const hasty = await invite(server.url, roomId, tokens.organizerA, {
      name: 'Hasty',
      role: 'viewer',
      party: PARTY_A,
    });
    const socket = await connectSocket(server.url, hasty.token);
    try {
      const thread = await emitWithAck<CommentThread>(socket, 'comments:create', {
        anchor: clauseAnchor,
        visibility: 'room',
        body: 'first',
      });
      expect(thread.ok).toBe(true);
      const threadId = thread.ok ? thread.data.id : '';
      const answers: Ack<unknown>[] = [];
      for (let i = 0; i < 25; i += 1) {
        answers.push(await emitWithAck(socket, 'comments:reply', { threadId, body: `n${i}` }));
      }
      const limited = answers.filter((a) => !a.ok);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
      const rest = await request(server.url, 'POST', `/api/rooms/${roomId}/comments`, {
        token: hasty.token,
        body: { threadId, body: 'via REST' },
      });
      expect(rest.status).toBe(429);
      expect(rest.body).toMatchObject({ error: { code: 'rate-limited' } });
      // Others are not slowed down by it.
      await ok('negotiatorB', 'comments:reply', { threadId, body: 'still fine' });
    } finally {
      socket.close();
    }
  });
});
