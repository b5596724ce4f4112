import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/*
 * The direction rule for server features (decision 030): two feature folders never import each other,
 * and a route file exports only its routes. Checked on source text, so it needs no build and sees
 * `import type`, re-exports and dynamic `import()` alike.
 */

/** Source files by path under the features folder, e.g. `clients/clients.repository.ts`. */
export type FeatureSources = Record<string, string>;

export interface ImportProblems {
  /** One line per pair of features importing each other, then the imports each way. */
  bothWays: string[];
  /** Loops of three or more features (a → b → c → a), each with the imports that close it. */
  loops: string[];
  /** `file: name` for each thing a `*.routes.ts` file exports that is not a `...Routes` plugin. */
  routeExports: string[];
}

// `from '…'` (imports and re-exports), `import '…'` and `import('…')`, either quote.
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** The relative modules a file names, as written. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIERS)].map((m) => m[2]);
}

const featureOf = (path: string) => (path.includes('/') ? path.split('/')[0] : null);

/** Which features each file's imports reach: `from -> to` with the file-level edges behind it. */
function featureEdges(files: FeatureSources) {
  const edges = new Map<string, string[]>();
  for (const [path, source] of Object.entries(files)) {
    const from = featureOf(path);
    if (!from) continue;
    for (const spec of importsOf(source)) {
      const target = posix.normalize(posix.join(posix.dirname(path), spec));
      const to = target.startsWith('..') ? null : featureOf(target);
      if (!to || to === from) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), `${path} imports ${spec}`]);
    }
  }
  return edges;
}

/** Groups of three or more features that reach each other (pairs are reported as both-ways already). */
function longerLoops(edges: Map<string, string[]>): string[] {
  const next = new Map<string, string[]>();
  for (const key of edges.keys()) {
    const [a, b] = key.split(' -> ');
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const reach = (from: string) => {
    const seen = new Set<string>();
    const toVisit = [...(next.get(from) ?? [])];
    while (toVisit.length) {
      const f = toVisit.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      toVisit.push(...(next.get(f) ?? []));
    }
    return seen;
  };
  const reached = new Map([...next.keys()].map((f) => [f, reach(f)]));
  const groups = new Set<string>();
  for (const [f, seen] of reached) {
    const group = [...seen].filter((g) => reached.get(g)?.has(f)).sort();
    if (group.length >= 3) groups.add(group.join(' · '));
  }
  return [...groups].sort().flatMap((group) => {
    const members = group.split(' · ');
    const inside = [...edges].filter(([key]) => key.split(' -> ').every((f) => members.includes(f)));
    return [`loop: ${group}`, ...inside.flatMap(([key, why]) => [`  ${key}`, ...why.map((w) => `    ${w}`)])];
  });
}

// Route files may export `export function fooRoutes`, `export const fooRoutes`, or a list of such names.
const DECLARED_EXPORT =
  /^export\s+(?:default\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|interface|type|enum|abstract\s+class)\s+(\w+)/gm;
const LISTED_EXPORT = /^export\s+(?:type\s+)?\{([^}]*)\}/gm;

/** The names a file exports at the top level; `*` for `export *` and `default` for an unnamed default. */
export function exportsOf(source: string): string[] {
  const names = [...source.matchAll(DECLARED_EXPORT)].map((m) => m[1]);
  for (const m of source.matchAll(LISTED_EXPORT))
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.replace(/^type\s+/, '');
      if (name) names.push(name);
    }
  if (/^export\s+\*/m.test(source)) names.push('*');
  if (/^export\s+default\s+(?!(?:async\s+)?function\s+\w|class\s+\w)/m.test(source)) names.push('default');
  return names;
}

/** What breaks the direction rule in these sources (empty lists when nothing does). */
export function importProblems(files: FeatureSources): ImportProblems {
  const edges = featureEdges(files);
  const bothWays: string[] = [];
  for (const [key, there] of [...edges].sort(([a], [b]) => a.localeCompare(b))) {
    const [a, b] = key.split(' -> ');
    const back = edges.get(`${b} -> ${a}`);
    if (!back || a > b) continue;
    bothWays.push(`${a} <-> ${b}`, ...there.map((e) => `  ${e}`), ...back.map((e) => `  ${e}`));
  }
  const loops = longerLoops(edges);
  const routeExports = Object.entries(files)
    .filter(([path]) => path.endsWith('.routes.ts'))
    .flatMap(([path, source]) =>
      exportsOf(source)
        .filter((name) => !/^\w+Routes$/.test(name))
        .map((name) => `${path}: ${name}`),
    )
    .sort();
  return { bothWays, loops, routeExports };
}

/** Every non-test TypeScript file (`.ts`, and `.tsx` when asked) under a features folder, by its path inside that folder. */
export function readFeatureSources(root: string, o: { tsx?: boolean } = {}): FeatureSources {
  const files: FeatureSources = {};
  const source = o.tsx ? /(?<!\.test|\.d)\.tsx?$/ : /(?<!\.test|\.d)\.ts$/;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !source.test(entry.name)) continue;
    const full = join(entry.parentPath, entry.name);
    files[
      posix.normalize(
        full
          .slice(root.length + 1)
          .split('\\')
          .join('/'),
      )
    ] = readFileSync(full, 'utf8');
  }
  return files;
}
