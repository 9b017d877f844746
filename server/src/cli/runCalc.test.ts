import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '@parley/shared/templates';
import { runCalc } from './runCalc';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const mhealthFile = join(repoRoot, 'shared/templates/mhealth.json');

let dir: string;
const files = {
  broken: '',
  notJson: '',
  wrongFormat: '',
  array: '',
  missing: '',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-calc-'));
  const broken = structuredClone(templates.telematics) as unknown as {
    clauses: { kind: string; params: Record<string, unknown> }[];
  };
  const sharing = broken.clauses.find((c) => c.kind === 'value-sharing');
  if (sharing === undefined) throw new Error('telematics has no value-sharing clause');
  sharing.params.method = 'fixed';
  sharing.params.fixed = { carmaker: 40, csp: 30, insurer: 15, app: 5 };
  files.broken = join(dir, 'broken.json');
  writeFileSync(files.broken, JSON.stringify(broken));
  files.notJson = join(dir, 'not-json.json');
  writeFileSync(files.notJson, '{ "format": "parley.termsheet/v1", ');
  files.wrongFormat = join(dir, 'wrong-format.json');
  writeFileSync(files.wrongFormat, JSON.stringify({ format: 'parley.value/v1', scenarios: [] }));
  files.array = join(dir, 'array.json');
  writeFileSync(files.array, '[1, 2]');
  files.missing = join(dir, 'does-not-exist.json');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function calc(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCalc(argv, {
    cwd: repoRoot,
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('runCalc', () => {
  it('prints the parley.value/v1 result as pretty JSON and exits 0 for a sound term sheet', async () => {
    const { code, stdout, stderr } = await calc('shared/templates/mhealth.json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(result.format).toBe('parley.value/v1');
    expect(result.issues).toEqual([]);
    expect(result.scenarios.map((s: { id: string }) => s.id)).toEqual(['low', 'base', 'high']);
    expect(stdout).toMatch(/^\{\n {2}"format": "parley\.value\/v1",\n/);
  });

  it('prints a readable table with --format table', async () => {
    for (const argv of [
      ['--format', 'table', mhealthFile],
      [mhealthFile, '--format=table'],
    ]) {
      const { code, stdout } = await calc(...argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Scenario Base (base): pool');
      expect(stdout).toContain('Kestrel Mobile (csp)');
      expect(stdout).toContain('Allocation (EUR)');
      expect(stdout).toContain('Issues: none');
    }
  });

  it('exits 1 and still prints the issues when the term sheet has errors', async () => {
    const json = await calc(files.broken);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout);
    expect(result.scenarios).toEqual([]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'split-not-100' }),
    );
    expect(json.stderr).toMatch(/has 1 error\n$/);

    const table = await calc(files.broken, '--format', 'table');
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('No results');
    expect(table.stdout).toMatch(/^error +split-not-100 /m);
  });

  it('exits 2 with a one-line reason when the file is missing, not JSON or not a term sheet', async () => {
    const cases: [string, RegExp][] = [
      [files.missing, /^calc: cannot read .*does-not-exist\.json: .*ENOENT.*\n$/],
      [files.notJson, /^calc: .*not-json\.json is not valid JSON: .*\n$/],
      [
        files.wrongFormat,
        /is not a parley\.termsheet\/v1 document \(its "format" is "parley\.value\/v1"\)\n$/,
      ],
      [
        files.array,
        /is not a parley\.termsheet\/v1 document \(its "format" is missing: the file holds an array\)\n$/,
      ],
    ];
    for (const [file, reason] of cases) {
      const { code, stdout, stderr } = await calc(file);
      expect(code, file).toBe(2);
      expect(stdout, file).toBe('');
      expect(stderr, file).toMatch(reason);
      expect(stderr.trimEnd().split('\n'), file).toHaveLength(1);
    }
  });

  it('exits 2 with the usage for bad arguments, and prints the usage for --help', async () => {
    for (const argv of [
      [],
      ['--format', 'csv', mhealthFile],
      ['--format'],
      ['--verbose', mhealthFile],
      [mhealthFile, mhealthFile],
    ]) {
      const { code, stdout, stderr } = await calc(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^calc: .+\n\nUsage: pnpm calc FILE \[--format json\|table\]/);
    }
    const help = await calc('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pnpm calc FILE/);
  });

  it('reads a file saved with a byte-order mark', async () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${JSON.stringify(templates['smart-city'])}`);
    const { code, stdout } = await calc(file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).issues).toEqual([]);
  });

  it('reads a FILE given after --', async () => {
    const { code } = await calc('--', mhealthFile);
    expect(code).toBe(0);
  });
});

describe('pnpm calc as a process', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/calc.ts', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, npm_lifecycle_event: '' },
    });

  it('exits 0 and writes the JSON result to stdout', () => {
    const child = run('shared/templates/smart-city.json');
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout).format).toBe('parley.value/v1');
  });

  it('exits 1 for a term sheet with errors, printing them', () => {
    const child = run(files.broken, '--format', 'table');
    expect(child.status).toBe(1);
    expect(child.stdout).toMatch(/^error +split-not-100 /m);
  });

  it('exits 2 for an unreadable file and for bad arguments', () => {
    const missing = run(files.missing);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^calc: cannot read /);
    const badFlag = run('--format', 'xml', mhealthFile);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain('Usage: pnpm calc FILE');
  });
});
