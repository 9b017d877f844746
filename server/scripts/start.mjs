// `npm start` / `pnpm start`: installs dependencies on first run, builds the web client and the
// compiled server when either is missing or older than its sources, then runs the compiled server
// (plain JavaScript, no TypeScript loader) in this process's place (signals and exit code pass
// straight through).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { ensureInstalled, root, runPnpm } from './bootstrap.mjs';

ensureInstalled();
const builtIndex = join(root, 'client/dist/index.html');
// The client bundles shared/, so a change there needs a rebuild too.
const sources = [
  'client/src',
  'client/index.html',
  'client/vite.config.ts',
  'client/package.json',
  'shared/src',
  'shared/templates',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when `built` is missing or older than any of `inputs` (paths from the repository root). */
function isStale(built, inputs) {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return inputs.some((source) => newestMtime(join(root, source)) > builtAt);
}

const builtServer = join(root, 'server/dist/main.js');
const serverSources = [
  'server/src',
  'server/scripts/build.mjs',
  'server/package.json',
  'shared/src',
  'shared/templates',
];

if (process.env.PARLEY_SKIP_CLIENT_BUILD !== '1' && isStale(builtIndex, sources)) {
  console.error('Building the web client (client/dist is missing or older than its sources)...');
  if (runPnpm(['--filter', '@parley/client', 'build']) !== 0) {
    console.error(
      'The client build failed; starting the server anyway (the API works without it).',
    );
  }
}

if (isStale(builtServer, serverSources)) {
  console.error('Compiling the server (server/dist is missing or older than its sources)...');
  try {
    // Imported only now: esbuild is there once the dependencies are installed (above).
    const { buildServer } = await import('./build.mjs');
    await buildServer();
  } catch (error) {
    console.error('The server build failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const server = spawn(process.execPath, ['--enable-source-maps', builtServer], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1));
});
