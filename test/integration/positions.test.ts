// Confidential positions over Socket.IO and REST: each party's kept to itself, the mediator's
// overlap view and yes-or-no publication, answers that leak nothing, and each role's rights.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OverlapPublication, Position, PositionList } from '@parley/shared/mediation';
import type { OverlapListResult } from '@parley/shared/protocol';
import { request, startServer } from './helpers';
import type { ParleyClientSocket, StartedServer } from './helpers';
import { call, connectAll, mediationRoom, ok, partyOf, people } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';

let server: StartedServer;
let room: MediationRoom;
let sockets: Record<Person, ParleyClientSocket>;

const cspShare = { clauseId: 'c-share', param: 'fixed.csp' };

beforeAll(async () => {
  server = await startServer();
  room = await mediationRoom(server.url);
  sockets = await connectAll(server.url, room);
});

afterAll(async () => {
  for (const s of Object.values(sockets ?? {})) s.close();
  await server?.close();
});

async function overlaps(): Promise<OverlapListResult> {
  return ok<OverlapListResult>(sockets.mediator, 'positions:overlaps');
}

describe('confidential positions', () => {
  it('keeps a party’s positions to its own members', async () => {
    const changedCsp: PositionList[] = [];
    const changedPartner: PositionList[] = [];
    sockets.viewerCsp.on('positions:changed', (list) => changedCsp.push(list));
    sockets.viewerPartner.on('positions:changed', (list) => changedPartner.push(list));

    const { position } = await ok<{ position: Position }>(sockets.negCsp, 'positions:set', {
      ...cspShare,
      bound: 'min',
      value: 30,
    });
    expect(position).toMatchObject({ partyId: 'csp', value: 30, shared: false });

    const cspView = await ok<PositionList>(sockets.viewerCsp, 'positions:list');
    expect(cspView.positions).toEqual([
      expect.objectContaining({ ...cspShare, bound: 'min', value: 30 }),
    ]);
    for (const person of [
      'organizer',
      'negPartner',
      'viewerPartner',
      'mediator',
      'observer',
    ] as const) {
      expect((await ok<PositionList>(sockets[person], 'positions:list')).positions).toEqual([]);
    }
    await vi.waitFor(() => expect(changedCsp.length).toBeGreaterThan(0));
    expect(changedPartner).toEqual([]);
  });

  it('shows the mediator the overlap, a number only when shared, the gap only when all are shared', async () => {
    await ok(sockets.organizer, 'positions:set', { ...cspShare, bound: 'max', value: 25 });
    let view = (await overlaps()).overlaps.find((o) => o.param === 'fixed.csp')!;
    expect(view).toMatchObject({ overlap: false, gap: null });
    expect(view.positions).toEqual([
      { partyId: 'csp', bound: 'min', shared: false, value: null },
      { partyId: 'partner', bound: 'max', shared: false, value: null },
    ]);

    await ok(sockets.negCsp, 'positions:share', { ...cspShare, bound: 'min', shared: true });
    view = (await overlaps()).overlaps.find((o) => o.param === 'fixed.csp')!;
    expect(view.gap).toBeNull();
    expect(view.positions[0]).toEqual({ partyId: 'csp', bound: 'min', shared: true, value: 30 });
    expect(view.positions[1]!.value).toBeNull();

    await ok(sockets.negPartner, 'positions:share', { ...cspShare, bound: 'max', shared: true });
    view = (await overlaps()).overlaps.find((o) => o.param === 'fixed.csp')!;
    expect(view).toMatchObject({ overlap: false, gap: 5 });

    // The partner moves: now 30 ≤ 35, a zone of possible agreement exists.
    const pushed: OverlapListResult[] = [];
    sockets.mediator.on('positions:overlaps', (r) => pushed.push(r));
    await ok(sockets.negPartner, 'positions:set', { ...cspShare, bound: 'max', value: 35 });
    await vi.waitFor(() =>
      expect(pushed.at(-1)?.overlaps.find((o) => o.param === 'fixed.csp')).toMatchObject({
        overlap: true,
        gap: 0,
      }),
    );
  });

  it('lets the mediator publish only yes or no to the room', async () => {
    const seen: OverlapPublication[] = [];
    sockets.viewerCsp.on('positions:published', (p) => seen.push(p));
    const published = await ok<OverlapPublication>(sockets.mediator, 'positions:publish', cspShare);
    expect(published).toMatchObject({ ...cspShare, overlap: true, publishedBy: 'Member mediator' });
    expect(Object.keys(published).sort()).toEqual([
      'clauseId',
      'overlap',
      'param',
      'publishedAt',
      'publishedBy',
    ]);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    for (const person of people) {
      const list = await ok<PositionList>(sockets[person], 'positions:list');
      expect(list.published).toEqual([published]);
    }
    const none = await call(sockets.mediator, 'positions:publish', {
      clauseId: 'c-rev',
      param: 'streams.0.unitPrice',
    });
    expect(none).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('accepts only numeric parameters of existing clauses', async () => {
    expect(
      await call(sockets.negCsp, 'positions:set', {
        clauseId: 'c-share',
        param: 'method',
        bound: 'min',
        value: 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-position' } });
    expect(
      await call(sockets.negCsp, 'positions:set', {
        clauseId: 'c-none',
        param: 'x',
        bound: 'min',
        value: 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(
      await call(sockets.negCsp, 'positions:set', { ...cspShare, bound: 'lowest', value: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('answers the same whether or not another party holds a position', async () => {
    // Partner has no min on fixed.csp (csp has) and none on fixed.partner (nobody has).
    const withOther = await call(sockets.negPartner, 'positions:share', {
      ...cspShare,
      bound: 'min',
      shared: true,
    });
    const withNobody = await call(sockets.negPartner, 'positions:share', {
      clauseId: 'c-share',
      param: 'fixed.partner',
      bound: 'min',
      shared: true,
    });
    expect(withOther.ok).toBe(false);
    expect(withNobody.ok).toBe(false);
    if (!withOther.ok && !withNobody.ok) {
      expect(withOther.error.code).toBe(withNobody.error.code);
      expect(withOther.error.message.replace('fixed.csp', 'P')).toBe(
        withNobody.error.message.replace('fixed.partner', 'P'),
      );
    }
    const delOther = await ok(sockets.negPartner, 'positions:delete', {
      ...cspShare,
      bound: 'min',
    });
    const delNobody = await ok(sockets.negPartner, 'positions:delete', {
      clauseId: 'c-share',
      param: 'fixed.partner',
      bound: 'min',
    });
    expect(delOther).toEqual({ deleted: false });
    expect(delNobody).toEqual({ deleted: false });
    // csp's own position is still there.
    expect((await ok<PositionList>(sockets.negCsp, 'positions:list')).positions).toHaveLength(1);
  });

  it('deletes a party’s own position', async () => {
    await ok(sockets.negCsp, 'positions:set', {
      clauseId: 'c-rev',
      param: 'streams.0.unitPrice',
      bound: 'min',
      value: 900,
    });
    expect(
      await ok(sockets.negCsp, 'positions:delete', {
        clauseId: 'c-rev',
        param: 'streams.0.unitPrice',
        bound: 'min',
      }),
    ).toEqual({ deleted: true });
  });

  it('works over REST with the same rules', async () => {
    const put = await request<{ position: Position }>(
      server.url,
      'PUT',
      `/api/rooms/${room.roomId}/positions`,
      {
        token: room.tokens.negCsp,
        body: { clauseId: 'c-rev', param: 'streams.0.unitPrice', bound: 'max', value: 1500 },
      },
    );
    expect(put.status).toBe(200);
    const mine = await request<PositionList>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/positions`,
      {
        token: room.tokens.viewerCsp,
      },
    );
    expect(mine.body.positions.map((p) => p.param)).toContain('streams.0.unitPrice');
    const theirs = await request<PositionList>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/positions`,
      {
        token: room.tokens.negPartner,
      },
    );
    expect(theirs.body.positions.every((p) => p.partyId === 'partner')).toBe(true);
    const overlapsByParty = await request(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/positions/overlaps`,
      {
        token: room.tokens.organizer,
      },
    );
    expect(overlapsByParty.status).toBe(403);
    const overlapsByMediator = await request<OverlapListResult>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/positions/overlaps`,
      { token: room.tokens.mediator },
    );
    expect(overlapsByMediator.status).toBe(200);
  });
});

describe('position permissions for every role', () => {
  it.each(people)('%s', async (person) => {
    const mayRecord = person === 'organizer' || person === 'negPartner' || person === 'negCsp';
    const key = { clauseId: 'c-rev', param: 'streams.0.unitPrice', bound: 'min' as const };
    const set = await call<{ position: Position }>(sockets[person], 'positions:set', {
      ...key,
      value: 800,
    });
    const share = await call(sockets[person], 'positions:share', { ...key, shared: true });
    const del = await call(sockets[person], 'positions:delete', key);
    if (mayRecord) {
      expect(set).toMatchObject({ ok: true, data: { position: { partyId: partyOf[person] } } });
      expect(share).toMatchObject({ ok: true, data: { position: { shared: true } } });
      expect(del).toMatchObject({ ok: true, data: { deleted: true } });
    } else {
      for (const answer of [set, share, del]) {
        expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect((await call(sockets[person], 'positions:list')).ok).toBe(true);
    const view = await call(sockets[person], 'positions:overlaps');
    const publish = await call(sockets[person], 'positions:publish', cspShare);
    if (person === 'mediator') {
      expect(view.ok).toBe(true);
      expect(publish.ok).toBe(true);
    } else {
      expect(view).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(publish).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
