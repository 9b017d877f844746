// The `pnpm audit:verify` process: the command run with this process's arguments, files and streams.
import { readFile } from 'node:fs/promises';
import { runAuditVerify } from './auditVerifyRun';

// Under `pnpm audit:verify` the process runs in the workspace root; INIT_CWD is where the user
// typed the command, which is what relative paths (DATA_DIR, --file) mean to them.
const cwd =
  process.env.npm_lifecycle_event === 'audit:verify' && process.env.INIT_CWD
    ? process.env.INIT_CWD
    : process.cwd();

process.exitCode = await runAuditVerify(process.argv.slice(2), {
  cwd,
  env: process.env,
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
