// Configuration at start: every bad variable named at once, the documented defaults, a generated
// secret kept private in DATA_DIR, and origins and the public URL in canonical form.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@parley/server';
import { runServerProcess, tempDataDir } from './helpers';

const dirs: string[] = [];
function dataDir(): string {
  const dir = tempDataDir('parley-config-');
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('configuration at start', () => {
  it.each([
    ['PORT', 'not-a-port'],
    ['PORT', '70000'],
    ['HOST', 'bad host'],
    ['DATABASE_URL', 'mysql://localhost/parley'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['PUBLIC_URL', 'parley.example.com'],
    ['ALLOWED_ORIGINS', 'https://ok.example.com,not an origin'],
    ['SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['ROOM_CREATION_PER_HOUR', '0'],
  ])('stops the server with exit 1 and names %s when it is %j', async (variable, value) => {
    const run = runServerProcess({ DATA_DIR: dataDir(), PORT: '0', [variable]: value });
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output().stderr).toContain(variable);
    expect(run.output().stderr).toContain(JSON.stringify(value));
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud', DATA_DIR: dataDir() })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud', DATA_DIR: dataDir() });
    } catch (error) {
      expect((error as ConfigError).variables).toEqual(['PORT', 'LOG_LEVEL']);
    }
  });

  it('uses the documented defaults', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: dir,
      databaseUrl: null,
      redisUrl: null,
      publicUrl: null,
      allowedOrigins: null,
      logLevel: 'info',
      roomCreation: 'open',
      roomsPerHourPerAddress: 30,
      metricsToken: null,
      trustProxy: false,
    });
  });

  it('creates DATA_DIR and the signing secret in it, readable by the owner only, and keeps it', () => {
    const dir = join(dataDir(), 'nested');
    const first = loadConfig({ DATA_DIR: dir });
    const file = join(dir, 'secret');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(64);
    const second = loadConfig({ DATA_DIR: dir });
    expect(Buffer.from(second.secret).equals(Buffer.from(first.secret))).toBe(true);
  });

  it('prefers SECRET and writes no file then', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir, SECRET: 'x'.repeat(40) });
    expect(new TextDecoder().decode(config.secret)).toBe('x'.repeat(40));
    expect(() => statSync(join(dir, 'secret'))).toThrow();
  });

  it('reads origins and the public URL in their canonical form', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      ALLOWED_ORIGINS: 'https://a.example.com/, http://localhost:5173',
      PUBLIC_URL: 'https://parley.example.com/',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/parley',
    });
    expect(config.allowedOrigins).toEqual(['https://a.example.com', 'http://localhost:5173']);
    expect(config.publicUrl).toBe('https://parley.example.com');
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/parley');
  });
});
