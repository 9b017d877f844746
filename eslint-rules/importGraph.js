// The workspace's import graph (value and type imports alike), built once per lint run, for the
// cycle and feature-boundary rules: a type-only cycle still ties two modules' designs together.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const sourceRoots = ['client/src', 'server/src', 'server/scripts', 'shared/src', 'test'];
const extensions = ['.ts', '.tsx', '.mjs', '.js'];

function listSources(root, dir, out) {
  let entries;
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) listSources(root, path, out);
    else if (extensions.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts')) {
      out.push(join(root, path));
    }
  }
}

function resolveFile(base) {
  for (const candidate of [
    base,
    ...extensions.map((ext) => base + ext),
    ...extensions.map((ext) => join(base, `index${ext}`)),
  ]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this candidate
    }
  }
  return null;
}

/** Where a specifier points inside the workspace, or null for packages outside it. */
function resolveSpecifier(root, from, specifier) {
  if (specifier.startsWith('.')) return resolveFile(resolve(dirname(from), specifier));
  const workspace = /^@parley\/(shared|server|client)(?:\/(.+))?$/.exec(specifier);
  if (workspace === null) return null;
  const [, pkg, sub] = workspace;
  if (pkg === 'shared') return sub ? resolveFile(join(root, 'shared/src', sub)) : null;
  return resolveFile(join(root, pkg, 'src', sub ?? 'index'));
}

/** Every import and export-from of a file, with the node to report on. */
export function importsOf(text, fileName) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false);
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, pos: node.getStart(source) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, pos: node.getStart(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function stronglyConnected(graph) {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const indices = new Map();
  const low = new Map();
  const componentOf = new Map();
  const connect = (start) => {
    // Iterative Tarjan: deep graphs must not overflow the call stack.
    const work = [{ node: start, edges: [...(graph.get(start) ?? [])], i: 0 }];
    indices.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i < frame.edges.length) {
        const next = frame.edges[frame.i++];
        if (!indices.has(next)) {
          indices.set(next, index);
          low.set(next, index++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, edges: [...(graph.get(next) ?? [])], i: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node), indices.get(next)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === indices.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        for (const m of component) componentOf.set(m, component);
      }
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) connect(node);
  return componentOf;
}

/** A shortest path of imports from `from` back to `to`, inside one component. */
function pathBetween(graph, from, to, allowed) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift();
    if (node === to) break;
    for (const next of graph.get(node) ?? []) {
      if (!allowed.has(next) || previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  const path = [];
  for (let node = to; node !== null && node !== undefined; node = previous.get(node)) {
    path.unshift(node);
  }
  return path;
}

const cache = new Map();

/** The graph of the workspace at `root`, read once per process. */
export function workspaceGraph(root) {
  let built = cache.get(root);
  if (built !== undefined) return built;
  const files = [];
  for (const dir of sourceRoots) listSources(root, dir, files);
  const graph = new Map();
  for (const file of files) {
    const targets = new Set();
    for (const { specifier } of importsOf(readFileSync(file, 'utf8'), file)) {
      const target = resolveSpecifier(root, file, specifier);
      if (target !== null) targets.add(target);
    }
    graph.set(file, targets);
  }
  const components = stronglyConnected(graph);
  built = {
    resolve: (from, specifier) => resolveSpecifier(root, from, specifier),
    /** The cycle `from` → `to` closes, as repository paths, or null. */
    cycle(from, to) {
      const component = components.get(from);
      if (component === undefined || component !== components.get(to)) return null;
      if (from === to) return [relative(root, from), relative(root, from)];
      const back = pathBetween(graph, to, from, new Set(component));
      return [from, ...back].map((file) => relative(root, file));
    },
  };
  cache.set(root, built);
  return built;
}
