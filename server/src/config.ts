// The server's configuration from environment variables, checked at start: one ConfigError names
// every bad variable, and the signing secret is generated into DATA_DIR when none is given.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ROOMS_PER_HOUR_PER_ADDRESS } from '@parley/shared/protocol';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface Config {
  port: number;
  host: string;
  /** Absolute path; holds the SQLite file and the generated signing secret. */
  dataDir: string;
  /** A postgres:// URL switches the store to PostgreSQL; null means SQLite in dataDir. */
  databaseUrl: string | null;
  redisUrl: string | null;
  /** Origin (and optional path prefix) used in invite links, without a trailing slash. */
  publicUrl: string | null;
  /** Origins allowed on the websocket endpoints; null means same origin only. */
  allowedOrigins: string[] | null;
  /** HMAC key for tokens. */
  secret: Uint8Array;
  logLevel: LogLevel;
  /** How long a room stays loaded after its last client leaves. */
  roomIdleUnloadMs: number;
  /** Who may create rooms: anyone (`open`), or whoever holds `roomCreationToken` (`token`). */
  roomCreation: 'open' | 'token';
  roomCreationToken: string | null;
  /** Rooms one address may create per hour; a third of them may come at once. */
  roomsPerHourPerAddress: number;
  /** When set, `/metrics` answers only requests bearing this token. */
  metricsToken: string | null;
  /**
   * Whose X-Forwarded-For to believe for the caller's address: nobody (false), the proxies
   * listed (addresses or CIDR ranges), or a number of hops.
   */
  trustProxy: boolean | string[] | number;
}

export class ConfigError extends Error {
  readonly variables: string[];

  constructor(problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.variables = problems.map((p) => p.variable);
  }
}

export type Env = Record<string, string | undefined>;

const httpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

const urlWithScheme = (schemes: string[]) => (value: string) => {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const variables = {
  PORT: z
    .string()
    .regex(/^\d+$/, 'expected a whole number from 0 to 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'expected a whole number from 0 to 65535'),
  HOST: z.string().regex(/^[^\s/]+$/, 'expected a host name or IP address'),
  DATA_DIR: z.string(),
  DATABASE_URL: z
    .string()
    .refine(urlWithScheme(['postgres:', 'postgresql:']), 'expected a postgres:// URL'),
  REDIS_URL: z
    .string()
    .refine(urlWithScheme(['redis:', 'rediss:']), 'expected a redis:// or rediss:// URL'),
  PUBLIC_URL: z
    .string()
    .refine(httpUrl, 'expected an http:// or https:// URL')
    .transform((value) => value.replace(/\/+$/, '')),
  ALLOWED_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .refine(
      (origins) => origins.every((origin) => origin === '*' || httpUrl(origin)),
      'expected a comma-separated list of origins such as https://parley.example.com',
    )
    .transform((origins) => origins.map((o) => (o === '*' ? o : new URL(o).origin))),
  SECRET: z.string().min(32, 'expected at least 32 characters'),
  LOG_LEVEL: z.enum(logLevels, { message: `expected one of ${logLevels.join(', ')}` }),
  ROOM_IDLE_UNLOAD_MS: z
    .string()
    .regex(/^\d+$/, 'expected a whole number of milliseconds')
    .transform(Number),
  ROOM_CREATION: z.enum(['open', 'token'], { message: 'expected open or token' }),
  ROOM_CREATION_TOKEN: z.string().min(32, 'expected at least 32 characters'),
  ROOM_CREATION_PER_HOUR: z
    .string()
    .regex(/^[1-9]\d{0,6}$/, 'expected a whole number of rooms from 1 to 9999999')
    .transform(Number),
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      'expected true, false, a number of hops, or comma-separated proxy addresses',
    )
    .transform((value): boolean | string[] | number =>
      value === 'true'
        ? true
        : value === 'false'
          ? false
          : /^\d+$/.test(value)
            ? Number(value)
            : value.split(',').map((v) => v.trim()),
    ),
} as const;

type Variable = keyof typeof variables;
type Parsed = { [K in Variable]?: z.output<(typeof variables)[K]> };

function parseVariables(env: Env): Parsed {
  const problems: { variable: string; message: string }[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(variables)) {
    const raw = env[name];
    // An empty variable is treated as unset, as shells and .env files often leave them.
    if (raw === undefined || raw.trim() === '') continue;
    const result = (schema as z.ZodType).safeParse(raw.trim());
    if (result.success) parsed[name] = result.data;
    else {
      const message = result.error.issues[0]?.message ?? 'invalid value';
      problems.push({ variable: name, message: `${message} (got ${JSON.stringify(raw)})` });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed as Parsed;
}

/** Reads DATA_DIR/secret, creating it (32 random bytes, mode 600) on first start. */
function loadOrCreateSecret(dataDir: string): Uint8Array {
  const file = join(dataDir, 'secret');
  let existing: string | null = null;
  try {
    existing = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError([
        { variable: 'DATA_DIR', message: `cannot read ${file}: ${(error as Error).message}` },
      ]);
    }
  }
  if (existing !== null) {
    // A short secret makes every token and audit key guessable: refuse it rather than run.
    if (Buffer.byteLength(existing) < 32) {
      throw new ConfigError([
        {
          variable: 'DATA_DIR',
          message: `${file} holds ${Buffer.byteLength(existing)} bytes; a secret needs at least 32 (delete the file to have a new one generated, which signs everyone out)`,
        },
      ]);
    }
    return new TextEncoder().encode(existing);
  }
  const secret = randomBytes(32).toString('hex');
  try {
    // Only its owner may read what the data directory holds (the secret, the database).
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process started at the same moment and wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecret(dataDir);
    throw new ConfigError([
      { variable: 'DATA_DIR', message: `cannot write ${file}: ${(error as Error).message}` },
    ]);
  }
  return new TextEncoder().encode(secret);
}

/**
 * Builds the configuration from environment variables (see "Configuration" in the README). Throws a ConfigError naming
 * every bad variable; creates DATA_DIR and the signing secret when they are missing.
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const vars = parseVariables(env);
  if (vars.ROOM_CREATION === 'token' && vars.ROOM_CREATION_TOKEN === undefined) {
    throw new ConfigError([
      {
        variable: 'ROOM_CREATION_TOKEN',
        message: 'required when ROOM_CREATION=token: the token that lets someone create a room',
      },
    ]);
  }
  const dataDirRaw = vars.DATA_DIR ?? './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  return {
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: vars.DATABASE_URL ?? null,
    redisUrl: vars.REDIS_URL ?? null,
    publicUrl: vars.PUBLIC_URL ?? null,
    allowedOrigins:
      vars.ALLOWED_ORIGINS && vars.ALLOWED_ORIGINS.length > 0 ? vars.ALLOWED_ORIGINS : null,
    secret: vars.SECRET ? new TextEncoder().encode(vars.SECRET) : loadOrCreateSecret(dataDir),
    logLevel: vars.LOG_LEVEL ?? 'info',
    roomIdleUnloadMs: vars.ROOM_IDLE_UNLOAD_MS ?? 30_000,
    roomCreation: vars.ROOM_CREATION ?? 'open',
    roomCreationToken: vars.ROOM_CREATION_TOKEN ?? null,
    roomsPerHourPerAddress: vars.ROOM_CREATION_PER_HOUR ?? ROOMS_PER_HOUR_PER_ADDRESS,
    metricsToken: vars.METRICS_TOKEN ?? null,
    trustProxy: vars.TRUST_PROXY ?? false,
  };
}
