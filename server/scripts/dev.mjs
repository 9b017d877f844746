// `pnpm dev`: the server (restarting on changes) plus the Vite dev server, which proxies /api,
// /healthz, /collab and /socket.io to it. Open the URL Vite prints.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const env = { ...process.env, PORT: process.env.PORT ?? '3000' };

const children = [
  spawn('pnpm', ['exec', 'tsx', 'watch', '--clear-screen=false', 'server/src/main.ts'], {
    cwd: root,
    env,
    stdio: 'inherit',
  }),
  spawn('pnpm', ['--filter', '@parley/client', 'dev'], { cwd: root, env, stdio: 'inherit' }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stop(0));
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
