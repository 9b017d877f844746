// Suggestions in clause text against a real server: two parties' suggestions in one clause decided
// separately by the people allowed to, refused for everyone else, a stock y-websocket client that
// tries to accept by editing or to forge someone else's suggestion, single-text mode, locks, and a
// suggestion that outlives a restart.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { exportTermSheet, getClauseBody } from '@parley/shared/room';
import type { Suggestion, SuggestionAttrs } from '@parley/shared/suggestions';
import { connectCollab, request, startServer, tempDataDir } from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';
import { call, connectAll, mediationRoom, ok } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';

const until = <T>(check: () => T | Promise<T>) =>
  vi.waitFor(check, { timeout: 10_000, interval: 20 });

const SCOPE = 'c-scope';
const SCOPE_TEXT = 'Remote monitoring in the North region.';

let server: StartedServer;
const cleanups: (() => void | Promise<void>)[] = [];
const warnings: string[] = [];

beforeAll(async () => {
  server = await startServer();
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  warnings.length = 0;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await server?.close();
});

interface Room extends MediationRoom {
  attrs: Record<Person, SuggestionAttrs>;
}

async function room(on: StartedServer = server): Promise<Room> {
  const created = await mediationRoom(on.url);
  const attrs = {} as Record<Person, SuggestionAttrs>;
  for (const [person, token] of Object.entries(created.tokens) as [Person, string][]) {
    const me = await request<{ member: { id: string; name: string; partyId: string | null } }>(
      on.url,
      'GET',
      `/api/rooms/${created.roomId}/me`,
      { token },
    );
    const { id, name, partyId } = me.body.member;
    attrs[person] = { id: `${person}-1`, memberId: id, name, partyId };
  }
  return { ...created, attrs };
}

function editor(r: Room, person: Person, on: StartedServer = server): CollabClient {
  const client = connectCollab(on.collabUrl, r.roomId, r.tokens[person]);
  cleanups.push(() => client.destroy());
  return client;
}

/** The text of the clause's first paragraph, as the editor keeps it. */
function scopeText(doc: Y.Doc): Y.XmlText {
  const paragraph = getClauseBody(doc, SCOPE)!.get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

async function suggestions(r: Room, on: StartedServer = server): Promise<Suggestion[]> {
  const answer = await request<{ suggestions: Suggestion[] }>(
    on.url,
    'GET',
    `/api/rooms/${r.roomId}/suggestions`,
    { token: r.tokens.observer },
  );
  expect(answer.status).toBe(200);
  return answer.body.suggestions;
}

function decide(r: Room, person: Person, body: unknown, on: StartedServer = server) {
  return request<{ error?: { code: string; message: string }; keys?: string[] }>(
    on.url,
    'POST',
    `/api/rooms/${r.roomId}/suggestions/decision`,
    { token: r.tokens[person], body },
  );
}

async function scopeOnServer(r: Room, on: StartedServer = server): Promise<string> {
  const doc = await on.server.rooms.getDoc(r.roomId);
  const sheet = exportTermSheet(doc) as { clauses: { id: string; text: string }[] };
  return sheet.clauses.find((c) => c.id === SCOPE)!.text;
}

/** Each party suggests in the scope clause: the operator adds words, the partner strikes one. */
async function twoSuggestions(r: Room): Promise<{ csp: Suggestion; partner: Suggestion }> {
  const csp = editor(r, 'negCsp');
  const partner = editor(r, 'negPartner');
  await Promise.all([csp.synced, partner.synced]);
  scopeText(csp.doc).insert(SCOPE_TEXT.indexOf(' region'), ' and South', {
    insertion: r.attrs.negCsp,
  });
  scopeText(partner.doc).format(0, 'Remote '.length, { deletion: r.attrs.negPartner });
  let found: Suggestion[] = [];
  await until(async () => {
    found = await suggestions(r);
    expect(found).toHaveLength(2);
  });
  return {
    csp: found.find((s) => s.author.partyId === 'csp')!,
    partner: found.find((s) => s.author.partyId === 'partner')!,
  };
}

describe('two parties suggesting in one clause', () => {
  it('are decided one by one by the other party, and refused to everyone else', async () => {
    const r = await room();
    const { csp, partner } = await twoSuggestions(r);
    expect(csp).toMatchObject({ inserted: ' and South', deleted: '' });
    expect(partner).toMatchObject({ inserted: '', deleted: 'Remote ' });
    // Pending suggestions are not the clause text yet.
    expect(await scopeOnServer(r)).toBe(SCOPE_TEXT);

    const refused: [Person, Suggestion, string, number][] = [
      ['viewerPartner', csp, 'accept', 403],
      ['viewerCsp', partner, 'accept', 403],
      ['observer', csp, 'reject', 403],
      ['negCsp', csp, 'accept', 403], // one's own suggestion
      ['viewerCsp', csp, 'reject', 403],
      ['organizer', partner, 'accept', 403], // the author's own party
      ['negPartner', partner, 'accept', 403],
    ];
    for (const [person, suggestion, decision, status] of refused) {
      const answer = await decide(r, person, { clauseId: SCOPE, key: suggestion.key, decision });
      expect(answer.status, `${person} ${decision}`).toBe(status);
      expect(answer.body.error?.code).toBe('forbidden');
    }
    expect(await suggestions(r)).toHaveLength(2);

    const accepted = await decide(r, 'organizer', {
      clauseId: SCOPE,
      key: csp.key,
      decision: 'accept',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.keys).toEqual([csp.key]);
    await until(async () =>
      expect(await scopeOnServer(r)).toBe('Remote monitoring in the North and South region.'),
    );
    const rejected = await decide(r, 'negCsp', {
      clauseId: SCOPE,
      key: partner.key,
      decision: 'reject',
    });
    expect(rejected.status).toBe(200);
    expect(await suggestions(r)).toEqual([]);
    expect(await scopeOnServer(r)).toBe('Remote monitoring in the North and South region.');

    // Deciding again finds nothing; both decisions are in the audit log with their author.
    const again = await decide(r, 'organizer', {
      clauseId: SCOPE,
      key: csp.key,
      decision: 'accept',
    });
    expect(again.status).toBe(404);
    expect(again.body.error?.code).toBe('suggestion-not-found');
    const audit = await request<{
      entries: {
        action: string;
        actorId: string;
        target: string;
        details: Record<string, unknown>;
      }[];
    }>(server.url, 'GET', `/api/rooms/${r.roomId}/audit`, { token: r.tokens.mediator });
    const decisions = audit.body.entries.filter((e) => e.action.startsWith('suggestion.'));
    expect(decisions).toEqual([
      expect.objectContaining({
        action: 'suggestion.accepted',
        actorId: r.ids.organizer,
        target: SCOPE,
        details: expect.objectContaining({
          key: csp.key,
          authorId: r.ids.negCsp,
          partyId: 'csp',
          inserted: ' and South',
        }),
      }),
      expect.objectContaining({
        action: 'suggestion.rejected',
        actorId: r.ids.negCsp,
        details: expect.objectContaining({
          key: partner.key,
          partyId: 'partner',
          deleted: 'Remote ',
        }),
      }),
    ]);
  });

  it("accepts all of one party's suggestions in a clause at once, and lets an author withdraw", async () => {
    const r = await room();
    const csp = editor(r, 'negCsp');
    await csp.synced;
    const text = scopeText(csp.doc);
    text.insert(SCOPE_TEXT.length - 1, ' and East', { insertion: { ...r.attrs.negCsp, id: 'a' } });
    text.format(0, 'Remote '.length, { deletion: { ...r.attrs.negCsp, id: 'b' } });
    text.insert(0, 'Home ', { insertion: { ...r.attrs.negCsp, id: 'c' } });
    await until(async () => expect(await suggestions(r)).toHaveLength(3));
    const home = (await suggestions(r)).find((s) => s.inserted === 'Home ')!;
    expect(
      (await decide(r, 'negCsp', { clauseId: SCOPE, key: home.key, decision: 'reject' })).status,
    ).toBe(200);
    const all = await decide(r, 'negPartner', {
      clauseId: SCOPE,
      partyId: 'csp',
      decision: 'accept',
    });
    expect(all.status).toBe(200);
    expect(all.body.keys).toHaveLength(2);
    expect(await scopeOnServer(r)).toBe('monitoring in the North region and East.');
    const bad = await decide(r, 'negPartner', {
      clauseId: SCOPE,
      key: 'x',
      partyId: 'csp',
      decision: 'accept',
    });
    expect(bad.status).toBe(400);
  });
});

describe('a hostile stock y-websocket client', () => {
  it('cannot accept or reject another party’s suggestion by editing the document', async () => {
    const r = await room();
    const { csp } = await twoSuggestions(r);
    const offender = editor(r, 'negPartner');
    await offender.synced;
    const start = SCOPE_TEXT.indexOf(' region');
    // Accepting by dropping the mark, then rejecting by deleting the text.
    scopeText(offender.doc).format(start, ' and South'.length, { insertion: null });
    await until(() => expect(warnings.join('\n')).toMatch(/suggestion-protected: /));
    // Then rejecting by deleting the text, from a rebuilt copy as the refusal asks.
    const again = editor(r, 'negPartner');
    await again.synced;
    scopeText(again.doc).delete(start, ' and South'.length);
    await until(() =>
      expect(warnings.filter((w) => /suggestion-protected/.test(w)).length).toBeGreaterThan(1),
    );
    const after = await suggestions(r);
    expect(after.find((s) => s.key === csp.key)).toEqual(csp);
    expect(await scopeOnServer(r)).toBe(SCOPE_TEXT);
    const fresh = editor(r, 'observer');
    await fresh.synced;
    expect(scopeText(fresh.doc).toDelta()).toContainEqual({
      insert: ' and South',
      attributes: { insertion: r.attrs.negCsp },
    });
  });

  it('protects a suggestion made in a clause that had none a moment before', async () => {
    const r = await room();
    const csp = editor(r, 'negCsp');
    const offender = editor(r, 'negPartner');
    await Promise.all([csp.synced, offender.synced]);
    // Plain edits first: the clause is known to hold no suggestion.
    scopeText(offender.doc).insert(0, 'The ');
    await until(async () => expect(await scopeOnServer(r)).toBe(`The ${SCOPE_TEXT}`));
    const start = 'The '.length + SCOPE_TEXT.indexOf(' region');
    await until(() => expect(scopeText(csp.doc).toString()).toContain('The '));
    scopeText(csp.doc).insert(start, ' and South', { insertion: r.attrs.negCsp });
    await until(async () => expect(await suggestions(r)).toHaveLength(1));
    await until(() => expect(scopeText(offender.doc).toString()).toContain('and South'));
    scopeText(offender.doc).delete(start, ' and South'.length);
    await until(() => expect(warnings.join('\n')).toMatch(/suggestion-protected: /));
    expect(await suggestions(r)).toHaveLength(1);
  });

  it('cannot put a suggestion in someone else’s name', async () => {
    const r = await room();
    const watcher = editor(r, 'observer');
    await watcher.synced;
    const forgeries: SuggestionAttrs[] = [
      r.attrs.negCsp, // another member altogether
      { ...r.attrs.negPartner, partyId: 'csp' }, // own id, another party
      { ...r.attrs.negPartner, name: 'Member negCsp' }, // own id, another name
    ];
    for (const [index, attrs] of forgeries.entries()) {
      // A refused client rebuilds its document before it writes again, as the refusal asks.
      const offender = editor(r, 'negPartner');
      await offender.synced;
      scopeText(offender.doc).insert(0, `Forged${index} `, { insertion: attrs });
      await until(() =>
        expect(warnings.filter((w) => /suggestion-forged: /.test(w)).length).toBe(index + 1),
      );
    }
    // Its own name goes through, and nothing forged reached anyone.
    const honest = editor(r, 'negPartner');
    await honest.synced;
    scopeText(honest.doc).insert(0, 'Honest ', { insertion: r.attrs.negPartner });
    await until(async () => expect(await suggestions(r)).toHaveLength(1));
    const [only] = await suggestions(r);
    expect(only).toMatchObject({
      inserted: 'Honest ',
      author: { memberId: r.ids.negPartner, partyId: 'partner' },
    });
    await until(() => expect(scopeText(watcher.doc).toString()).toContain('Honest'));
    expect(scopeText(watcher.doc).toString()).not.toContain('Forged');
  });
});

describe('suggestions and the procedure', () => {
  let sockets: Record<Person, ParleyClientSocket>;
  afterEach(() => {
    for (const s of Object.values(sockets ?? {})) s.close();
  });

  it('in single-text mode are all a party may write, and the mediator decides on them', async () => {
    const r = await room();
    sockets = await connectAll(server.url, r);
    await ok(sockets.mediator, 'mediation:mode', { mode: 'single-text' });
    const csp = editor(r, 'negCsp');
    await csp.synced;
    scopeText(csp.doc).insert(0, 'Plain ');
    await until(() => expect(warnings.join('\n')).toMatch(/single-text-mode: /));
    scopeText(csp.doc).insert(SCOPE_TEXT.length - 1, ' and West', { insertion: r.attrs.negCsp });
    await until(async () => expect(await suggestions(r)).toHaveLength(1));
    const [suggestion] = await suggestions(r);
    const party = await decide(r, 'organizer', {
      clauseId: SCOPE,
      key: suggestion!.key,
      decision: 'accept',
    });
    expect(party.status).toBe(403);
    expect(party.body.error?.message).toMatch(/single-text mode/i);
    const mediator = await decide(r, 'mediator', {
      clauseId: SCOPE,
      key: suggestion!.key,
      decision: 'accept',
    });
    expect(mediator.status).toBe(200);
    expect(await scopeOnServer(r)).toBe('Remote monitoring in the North region and West.');
  });

  it('do not get past a lock', async () => {
    const r = await room();
    sockets = await connectAll(server.url, r);
    const { csp } = await twoSuggestions(r);
    await ok(sockets.mediator, 'mediation:lock', { clauseId: SCOPE });
    const answer = await decide(r, 'organizer', {
      clauseId: SCOPE,
      key: csp.key,
      decision: 'accept',
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error?.code).toBe('clause-locked');
    const late = editor(r, 'negCsp');
    await late.synced;
    scopeText(late.doc).insert(0, 'Late ', { insertion: { ...r.attrs.negCsp, id: 'late' } });
    await until(() => expect(warnings.join('\n')).toMatch(/clause-locked: /));
    expect(await suggestions(r)).toHaveLength(2);
    expect((await call(sockets.mediator, 'mediation:unlock', { clauseId: SCOPE })).ok).toBe(true);
  });
});

describe('a pending suggestion', () => {
  it('survives a restart of the server and can be decided after it', async () => {
    const dataDir = tempDataDir();
    let first: StartedServer | null = await startServer({ dataDir });
    let second: StartedServer | null = null;
    try {
      const r = await room(first);
      const csp = editor(r, 'negCsp', first);
      await csp.synced;
      scopeText(csp.doc).insert(0, 'Pilot: ', { insertion: r.attrs.negCsp });
      await until(async () => expect(await suggestions(r, first!)).toHaveLength(1));
      csp.destroy();
      await first.close();
      first = null;
      second = await startServer({ dataDir });
      const [kept] = await suggestions(r, second);
      expect(kept).toMatchObject({ inserted: 'Pilot: ', author: { memberId: r.ids.negCsp } });
      const answer = await decide(
        r,
        'negPartner',
        { clauseId: SCOPE, key: kept!.key, decision: 'accept' },
        second,
      );
      expect(answer.status).toBe(200);
      expect(await scopeOnServer(r, second)).toBe(`Pilot: ${SCOPE_TEXT}`);
    } finally {
      await first?.close();
      await second?.close();
    }
  });
});
