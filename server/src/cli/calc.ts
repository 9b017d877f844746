import { readFile } from 'node:fs/promises';
import { runCalc } from './runCalc';

// Under `pnpm calc` the process runs in the workspace root; INIT_CWD is where the user
// typed the command, which is what a relative FILE means to them.
const cwd =
  process.env.npm_lifecycle_event === 'calc' && process.env.INIT_CWD
    ? process.env.INIT_CWD
    : process.cwd();

process.exitCode = await runCalc(process.argv.slice(2), {
  cwd,
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
