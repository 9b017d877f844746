// The REST API: rooms from templates, imports and blank, refusals naming what is wrong, service
// endpoints (templates, health, metrics), the web client, and rooms on PostgreSQL.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateIds } from '@parley/shared/templates';
import { createRoom, request, startServer, tempDataDir } from './helpers';
import type { StartedServer } from './helpers';

let server: StartedServer;
const clientDir = tempDataDir('parley-client-');

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Parley client</title>');
  writeFileSync(join(clientDir, 'assets', 'app.js'), 'console.log("parley")');
  server = await startServer({ clientDir });
});

afterAll(async () => {
  await server?.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('rooms', () => {
  it('creates a room from each template and hands back an organizer link', async () => {
    for (const template of templateIds) {
      const response = await request<{ roomId: string; organizerToken: string; url: string }>(
        server.url,
        'POST',
        '/api/rooms',
        { body: { title: `Room ${template}`, template } },
      );
      expect(response.status).toBe(201);
      const { roomId, organizerToken, url } = response.body;
      expect(roomId).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(url).toBe(`${server.url}/rooms/${roomId}#token=${organizerToken}`);
      const termsheet = await request<{ format: string; title: string; ecosystem: string }>(
        server.url,
        'GET',
        `/api/rooms/${roomId}/termsheet`,
        { token: organizerToken },
      );
      expect(termsheet.status).toBe(200);
      expect(termsheet.body).toMatchObject({
        format: 'parley.termsheet/v1',
        title: `Room ${template}`,
        ecosystem: template,
      });
    }
  });

  it('computes the value of the room with the shared engine', async () => {
    const room = await createRoom(server.url, { title: 'Telematics', template: 'telematics' });
    const value = await request<{ format: string; issues: unknown[]; scenarios: unknown[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/value`,
      { token: room.organizerToken },
    );
    expect(value.status).toBe(200);
    expect(value.body.format).toBe('parley.value/v1');
    expect(value.body.scenarios.length).toBeGreaterThan(0);
  });

  it('imports a term sheet that another room exported, unchanged but for the title', async () => {
    const source = await createRoom(server.url, { title: 'Smart city', template: 'smart-city' });
    const exported = await request<Record<string, unknown>>(
      server.url,
      'GET',
      `/api/rooms/${source.roomId}/termsheet`,
      { token: source.organizerToken },
    );
    const imported = await createRoom(server.url, {
      title: 'Smart city, second round',
      termsheet: exported.body,
    });
    const reexported = await request<Record<string, unknown>>(
      server.url,
      'GET',
      `/api/rooms/${imported.roomId}/termsheet`,
      { token: imported.organizerToken },
    );
    expect(reexported.body).toEqual({ ...exported.body, title: 'Smart city, second round' });
  });

  it('creates a blank room when neither template nor term sheet is given', async () => {
    const room = await createRoom(server.url, { title: 'From scratch' });
    const termsheet = await request<{ title: string; parties: unknown[]; clauses: unknown[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: room.organizerToken },
    );
    expect(termsheet.body.title).toBe('From scratch');
    expect(termsheet.body.parties).toHaveLength(1);
    expect(termsheet.body.clauses).toEqual([]);
  });

  it('refuses an invalid import with 400 and the engine issues', async () => {
    const room = await createRoom(server.url);
    const good = await request<Record<string, unknown> & { parties: unknown[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: room.organizerToken },
    );
    const bad = { ...good.body, parties: [] };
    const response = await request<{
      error: { code: string; message: string; issues: { code: string; path: string }[] };
    }>(server.url, 'POST', '/api/rooms', { body: { title: 'Bad', termsheet: bad } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid-termsheet');
    expect(response.body.error.issues.length).toBeGreaterThan(0);
    expect(response.body.error.message).toMatch(/error/);
  });

  it('refuses a document that is not a term sheet at all', async () => {
    const response = await request<{ error: { code: string; issues: unknown[] } }>(
      server.url,
      'POST',
      '/api/rooms',
      { body: { title: 'Bad', termsheet: { hello: 'world' } } },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid-termsheet');
    expect(response.body.error.issues.length).toBeGreaterThan(0);
  });

  it('refuses an unknown template, a missing title and unknown fields, naming them', async () => {
    const unknownTemplate = await request<{ error: { code: string; message: string } }>(
      server.url,
      'POST',
      '/api/rooms',
      { body: { title: 'X', template: 'fishing' } },
    );
    expect(unknownTemplate.status).toBe(400);
    expect(unknownTemplate.body.error.code).toBe('unknown-template');
    expect(unknownTemplate.body.error.message).toContain('mhealth');

    const noTitle = await request<{ error: { code: string; message: string } }>(
      server.url,
      'POST',
      '/api/rooms',
      { body: { template: 'mhealth' } },
    );
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error).toMatchObject({ code: 'invalid-payload' });
    expect(noTitle.body.error.message).toContain('title');

    const extra = await request<{ error: { code: string; message: string } }>(
      server.url,
      'POST',
      '/api/rooms',
      { body: { title: 'X', colour: 'red' } },
    );
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('colour');
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await request<{ error: { code: string } }>(server.url, 'POST', '/api/rooms', {
      rawBody: '{"title": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid-payload');

    const huge = await request<{ error: { code: string } }>(server.url, 'POST', '/api/rooms', {
      rawBody: JSON.stringify({ title: 'x', termsheet: { blob: 'x'.repeat(3 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload-too-large');
  });

  it("tells a member who they are, the room's title and its parties", async () => {
    const room = await createRoom(server.url, { title: 'Who am I', template: 'mhealth' });
    const me = await request<{
      member: { role: string; partyId: string | null; color: string };
      room: { id: string; title: string };
      parties: { id: string; name: string; color: string }[];
    }>(server.url, 'GET', `/api/rooms/${room.roomId}/me`, { token: room.organizerToken });
    expect(me.status).toBe(200);
    expect(me.body.room).toMatchObject({ id: room.roomId, title: 'Who am I' });
    expect(me.body.member.role).toBe('organizer');
    expect(me.body.parties.length).toBeGreaterThan(1);
    expect(me.body.parties.map((p) => p.id)).toContain(me.body.member.partyId);
    const ownParty = me.body.parties.find((p) => p.id === me.body.member.partyId);
    expect(me.body.member.color).toBe(ownParty?.color);
  });
});

describe('service endpoints', () => {
  it('lists the templates', async () => {
    const response = await request<{ templates: { id: string; title: string }[] }>(
      server.url,
      'GET',
      '/api/templates',
    );
    expect(response.status).toBe(200);
    expect(response.body.templates.map((t) => t.id)).toEqual([...templateIds]);
  });

  it('reports health', async () => {
    const response = await request(server.url, 'GET', '/healthz');
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('exposes Prometheus metrics', async () => {
    await createRoom(server.url);
    const response = await request<string>(server.url, 'GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    for (const name of [
      'parley_collab_rooms_loaded',
      'parley_collab_connections',
      'parley_socketio_connections',
      'parley_collab_updates_stored_total',
      'parley_store_query_seconds_bucket',
      'parley_errors_total',
    ]) {
      expect(response.body).toContain(name);
    }
    expect(response.body).toMatch(
      /parley_store_query_seconds_count\{op="createRoom",ok="true"\} [1-9]/,
    );
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await request<{ error: { code: string } }>(server.url, 'GET', '/api/nothing');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not-found');
  });
});

describe('web client', () => {
  it('serves the client on / and on room links, and its assets', async () => {
    for (const path of ['/', '/rooms/abc123']) {
      const page = await request<string>(server.url, 'GET', path);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Parley client');
    }
    const asset = await request<string>(server.url, 'GET', '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toContain('parley');
  });

  it('says so on / when the client is not built, and keeps serving the API', async () => {
    const bare = await startServer({ clientDir: join(clientDir, 'missing') });
    try {
      const page = await request<string>(bare.url, 'GET', '/');
      expect(page.status).toBe(503);
      expect(page.body).toContain('not built');
      expect((await request(bare.url, 'GET', '/healthz')).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

describe('on PostgreSQL', () => {
  it('serves rooms from the database DATABASE_URL names', async () => {
    const database = `parley_rest_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({
      connectionString: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    try {
      const onPostgres = await startServer({
        env: { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}` },
      });
      try {
        expect(onPostgres.server.store.kind).toBe('postgres');
        const room = await createRoom(onPostgres.url, {
          title: 'On Postgres',
          template: 'mhealth',
        });
        const termsheet = await request<{ title: string }>(
          onPostgres.url,
          'GET',
          `/api/rooms/${room.roomId}/termsheet`,
          { token: room.organizerToken },
        );
        expect(termsheet.body.title).toBe('On Postgres');
      } finally {
        await onPostgres.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });
});
