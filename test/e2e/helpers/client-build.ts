// A production build of the web client for the browser tests' servers to serve.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../integration/helpers/server';

/**
 * Builds the client into a private directory for this run, so that a build made elsewhere at the
 * same time cannot swap the files under the server these tests start.
 */
export function buildClient(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'parley-e2e-client-'));
  execFileSync(
    'pnpm',
    [
      '--filter',
      '@parley/client',
      'exec',
      'vite',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: repoRoot,
      stdio: 'pipe',
      timeout: 170_000,
      // The test runner sets NODE_ENV=test, which would give a development build of React.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  return outDir;
}
