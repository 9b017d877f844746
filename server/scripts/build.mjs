// Compiles the server to plain JavaScript for production: server/dist/main.js and the engine
// thread's server/dist/engineWorker.js, with the workspace's shared code bundled in and every
// npm dependency left to node_modules (native modules and one copy of Yjs stay as installed).
// `node server/scripts/build.mjs [outdir]`; `pnpm start` runs it when the build is stale.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { build, stop } from 'esbuild';
import { root } from './bootstrap.mjs';

/** Everything the server imports from npm, which Node resolves from server/node_modules at run time. */
function npmDependencies() {
  const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
  const server = read('server/package.json');
  const shared = read('shared/package.json');
  const names = new Set([
    ...Object.keys(server.dependencies ?? {}),
    ...Object.keys(shared.dependencies ?? {}),
  ]);
  names.delete('@parley/shared');
  // Subpath imports (e.g. `y-protocols/sync`, `pino/file`) are external with their package.
  return [...names].flatMap((name) => [name, `${name}/*`]);
}

/** Builds into `outdir` (default server/dist); resolves when both entry points are written. */
export async function buildServer(outdir = join(root, 'server/dist')) {
  await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'server/src/main.ts',
      engineWorker: 'server/src/engine/worker.ts',
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: npmDependencies(),
    // Bundled CommonJS helpers may call require(); ESM output has none unless given one.
    banner: {
      js: "import { createRequire as __parleyCreateRequire } from 'node:module'; const require = __parleyCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  // esbuild keeps a helper process for later builds; the server runs without it.
  await stop();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = process.argv[2] ? resolve(process.argv[2]) : undefined;
  buildServer(outdir).then(
    () => console.error(`Server built into ${outdir ?? join(root, 'server/dist')}`),
    (error) => {
      console.error('The server build failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
