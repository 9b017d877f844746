// Lets `npm start` and `npm test` work on a machine that has only Node.js and npm: finds pnpm
// (or runs the pinned version through npx) and installs the workspace when it is missing or
// older than the lockfile.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const PNPM_VERSION = '12.4.2';

let resolved;

/** The command that runs pnpm here: the installed one when it is the pinned major, else npx. */
export function pnpm() {
  if (resolved) return resolved;
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  const major = PNPM_VERSION.split('.')[0];
  resolved =
    probe.status === 0 && probe.stdout.trim().split('.')[0] === major
      ? { command: 'pnpm', prefix: [] }
      : { command: 'npx', prefix: ['--yes', `pnpm@${PNPM_VERSION}`] };
  return resolved;
}

/** Runs pnpm with `args` in the repository root, inheriting the terminal; returns the exit code. */
export function runPnpm(args, options = {}) {
  const { command, prefix } = pnpm();
  const result = spawnSync(command, [...prefix, ...args], {
    cwd: root,
    stdio: 'inherit',
    ...options,
  });
  return result.status ?? 1;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** Installs the workspace's dependencies unless they are already in step with the lockfile. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules/.modules.yaml');
  if (mtime(marker) >= mtime(join(root, 'pnpm-lock.yaml'))) return;
  console.error(
    'Installing dependencies (first run; the SQLite driver compiles, about a minute)...',
  );
  const env = { ...process.env };
  // better-sqlite3 builds from source; with the system's Node headers it needs no download.
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) {
    env.npm_config_nodedir = '/usr';
  }
  const status = runPnpm(['install', '--frozen-lockfile'], { env });
  if (status !== 0) {
    console.error('Installing dependencies failed; see the messages above.');
    process.exit(status);
  }
}
