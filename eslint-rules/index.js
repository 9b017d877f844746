// Parley's own lint rules: no import cycles (type imports included), and server features that
// talk to each other only through each other's index.ts.
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importsOf, workspaceGraph } from './importGraph.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function featureOf(file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] !== 'server' || parts[1] !== 'src' || parts[2] !== 'features') return null;
  return parts.length > 4 ? { name: parts[3], rest: parts.slice(4).join('/') } : null;
}

const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, type-only imports included.' },
    schema: [],
    messages: {
      cycle: 'Import cycle: {{path}}. Move what both sides need into a module of its own.',
    },
  },
  create(context) {
    const file = context.filename;
    return {
      Program() {
        const graph = workspaceGraph(root);
        for (const { specifier, pos } of importsOf(context.sourceCode.text, file)) {
          const target = graph.resolve(file, specifier);
          if (target === null) continue;
          const cycle = graph.cycle(file, target);
          if (cycle === null) continue;
          context.report({
            loc: context.sourceCode.getLocFromIndex(pos),
            messageId: 'cycle',
            data: { path: cycle.join(' → ') },
          });
        }
      },
    };
  },
};

const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A server feature imports another feature only through its index.ts.' },
    schema: [],
    messages: {
      internals:
        'features/{{from}} reaches into features/{{to}}/{{rest}}: import what it exports from features/{{to}} (its index.ts) instead.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = featureOf(file);
    return {
      Program() {
        const graph = workspaceGraph(root);
        for (const { specifier, pos } of importsOf(context.sourceCode.text, file)) {
          const target = graph.resolve(file, specifier);
          if (target === null) continue;
          const to = featureOf(target);
          if (to === null || to.name === from?.name || /^index\.tsx?$/.test(to.rest)) continue;
          context.report({
            loc: context.sourceCode.getLocFromIndex(pos),
            messageId: 'internals',
            data: { from: from?.name ?? relative(root, file), to: to.name, rest: to.rest },
          });
        }
      },
    };
  },
};

export const parleyRules = {
  rules: { 'no-import-cycle': noImportCycle, 'feature-boundaries': featureBoundaries },
};
