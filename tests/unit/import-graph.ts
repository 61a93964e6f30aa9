/**
 * The project's import graph, read from the sources with the TypeScript compiler's own
 * pre-processor (static imports, `import type`, `export … from`, dynamic `import()`), plus
 * `new URL('./…', import.meta.url)` (how workers and files beside a module are reached).
 * Used by architecture.test.ts; the rules themselves live there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import: repository-relative POSIX paths of the importing file and of the file it names. */
export interface ImportEdge {
  from: string;
  to: string;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
  /** Relative specifiers that name no file: the graph would be wrong about them. */
  unresolved: { from: string; specifier: string }[];
}

const SOURCE = /\.(ts|tsx|mts)$/;
const URL_BESIDE = /new\s+URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

function sourcesUnder(root: string, folder: string): string[] {
  const absolute = path.join(root, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
    .filter(
      (file) => SOURCE.test(file) && !file.endsWith('.d.ts') && statSync(path.join(root, file)).isFile(),
    );
}

function resolve(root: string, from: string, specifier: string): string | null {
  const bare = specifier.replace(/[?#].*$/, '');
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), bare));
  for (const candidate of [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`]) {
    const absolute = path.join(root, candidate);
    if (existsSync(absolute) && statSync(absolute).isFile()) return candidate;
  }
  return null;
}

/** The relative specifiers a source text names (bare package names are left out). */
export function specifiersOf(text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const named = importedFiles.map((file) => file.fileName);
  for (const match of text.matchAll(URL_BESIDE)) named.push(match[2]!);
  return named.filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'));
}

/** Reads every source file under the given folders of `root` and the imports between them. */
export function readImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const files = folders.flatMap((folder) => sourcesUnder(root, folder)).sort();
  const edges: ImportEdge[] = [];
  const unresolved: ImportGraph['unresolved'] = [];
  for (const from of files) {
    for (const specifier of specifiersOf(readFileSync(path.join(root, from), 'utf8'))) {
      const to = resolve(root, from, specifier);
      if (to === null) unresolved.push({ from, specifier });
      else edges.push({ from, to });
    }
  }
  return { files, edges, unresolved };
}

/** A rule of the house: files `from` matches may not import files `forbids` matches. */
export interface ImportRule {
  name: string;
  from: (file: string) => boolean;
  forbids: (target: string, from: string) => boolean;
}

/** A rule broken today on purpose, named so the list can only shrink. */
export interface KnownException extends ImportEdge {
  rule: string;
  why: string;
}

export interface Breach extends ImportEdge {
  rule: string;
}

/** Every edge that breaks a rule, known exceptions included. */
export function breaches(edges: readonly ImportEdge[], rules: readonly ImportRule[]): Breach[] {
  return rules.flatMap((rule) =>
    edges
      .filter((e) => rule.from(e.from) && rule.forbids(e.to, e.from))
      .map((e) => ({ rule: rule.name, ...e })),
  );
}

const key = (b: { rule: string; from: string; to: string }) => `${b.rule}: ${b.from} → ${b.to}`;

/** Breaches not excused, and exceptions that no longer happen (so should leave the list). */
export function judge(
  found: readonly Breach[],
  exceptions: readonly KnownException[],
): { broken: string[]; staleExceptions: string[] } {
  const excused = new Set(exceptions.map(key));
  const happening = new Set(found.map(key));
  return {
    broken: [...new Set(found.map(key))].filter((k) => !excused.has(k)),
    staleExceptions: exceptions.map(key).filter((k) => !happening.has(k)),
  };
}
