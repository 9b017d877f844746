/**
 * `pnpm bench [FILTER...]` runs every `test/bench/*.bench.ts` file in name order, one after
 * the other, in this process.
 *
 * Contract for a bench file: its default export is `async function run(): Promise<void>`,
 * which measures what it measures and prints its own figures (a small table against its
 * goals), and releases whatever it started (servers, child processes, timers) before it
 * resolves, since the next bench runs in the same process. Bench files do not assert: a slow
 * figure is information, not a failure. A bench that throws is reported and makes the run
 * exit 1, after the others have run.
 *
 * FILTER arguments select bench files whose name contains any of them, e.g.
 * `pnpm bench engine` runs engine.bench.ts only.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const suffix = '.bench.ts';

const filters = process.argv.slice(2).filter((arg) => arg !== '--');
const all = (await readdir(benchDir)).filter((name) => name.endsWith(suffix)).sort();
const selected =
  filters.length === 0 ? all : all.filter((name) => filters.some((f) => name.includes(f)));

if (selected.length === 0) {
  console.error(
    `bench: no bench file matches ${filters.join(', ')}; available: ${all.join(', ') || 'none'}`,
  );
  process.exit(2);
}

let failed = 0;
for (const name of selected) {
  console.log(`\n== ${name.slice(0, -suffix.length)} ==`);
  try {
    const mod = (await import(pathToFileURL(join(benchDir, name)).href)) as {
      default?: unknown;
    };
    if (typeof mod.default !== 'function') {
      throw new Error(`${name} has no default export run(): Promise<void>`);
    }
    await (mod.default as () => Promise<void>)();
  } catch (error) {
    failed++;
    console.error(`bench ${name} failed:`, error);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
