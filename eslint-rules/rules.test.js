// The import rules on real files: a new cycle and a reach into another feature's internals fail
// the lint; the same imports done the allowed way pass.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { workspaceGraph } from './importGraph.js';
import { parleyRules } from './index.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));

function lint(text, filename) {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    text,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { parley: parleyRules },
        rules: { 'parley/no-import-cycle': 'error', 'parley/feature-boundaries': 'error' },
      },
    ],
    { filename },
  );
}

describe('parley/feature-boundaries', () => {
  const file = join(repo, 'server/src/features/comments/example.ts');

  it("refuses a feature importing another feature's internals", () => {
    const messages = lint(
      "import { createGovernanceTables } from '../governance/migration';\n",
      file,
    );
    expect(messages.map((m) => m.ruleId)).toEqual(['parley/feature-boundaries']);
    expect(messages[0].message).toContain('features/governance/migration.ts');
  });

  it("accepts an import of what the other feature's index.ts exports", () => {
    expect(lint("import { mediatorPresent } from '../governance';\n", file)).toEqual([]);
  });
});

describe('parley/no-import-cycle', () => {
  const roots = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  function workspace(files) {
    const root = mkdtempSync(join(tmpdir(), 'parley-lint-'));
    roots.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  it('finds a cycle made of type-only imports, and the path it takes', () => {
    const root = workspace({
      'server/src/a.ts': "import type { B } from './b';\nexport type A = B;\n",
      'server/src/b.ts': "import type { C } from './c';\nexport type B = C;\n",
      'server/src/c.ts': "import type { A } from './a';\nexport type C = { a?: A };\n",
    });
    const graph = workspaceGraph(root);
    const cycle = graph.cycle(join(root, 'server/src/a.ts'), join(root, 'server/src/b.ts'));
    expect(cycle).toEqual([
      'server/src/a.ts',
      'server/src/b.ts',
      'server/src/c.ts',
      'server/src/a.ts',
    ]);
  });

  it('finds none in a chain', () => {
    const root = workspace({
      'server/src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'server/src/b.ts': 'export const b = 1;\n',
    });
    const graph = workspaceGraph(root);
    expect(graph.cycle(join(root, 'server/src/a.ts'), join(root, 'server/src/b.ts'))).toBeNull();
  });

  it('reports nothing on the repository as it stands', () => {
    const file = join(repo, 'server/src/app.ts');
    expect(lint("import { createStore } from './store';\n", file)).toEqual([]);
  });
});
