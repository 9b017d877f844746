// `npm test` / `pnpm test`: the whole suite, stage by stage (lint, type checks, unit, integration,
// browser), stopping at the first stage that fails. Installs dependencies on first run.
import console from 'node:console';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { ensureInstalled, runPnpm } from './bootstrap.mjs';

const stages = ['lint', 'typecheck', 'test:unit', 'test:integration', 'test:e2e'];

ensureInstalled();

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `The browser tests need Chromium at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

let passed = 0;
for (const stage of stages) {
  console.log(`\n=== ${stage} ===`);
  const status = runPnpm(['run', stage]);
  if (status !== 0) {
    console.log(`\nstages: ${passed} passed, 1 failed (${stage})`);
    process.exit(status);
  }
  passed += 1;
}
console.log(`\nstages: ${passed} passed, 0 failed`);
