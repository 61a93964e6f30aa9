/**
 * Where each schema of the contract (every `export const …Schema` in protocol/) is used: by the
 * server (server/) and by the clients (src/, sw/), directly by name or through what protocol/
 * builds on it (a schema that contains it, its inferred type, a function that parses with it).
 * Used by contract.test.ts; read as text, like import-graph.ts reads imports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Side = 'server' | 'client';

export interface SchemaUse {
  /** protocol/<file>.ts */
  file: string;
  name: string;
  /** Files of each side importing the schema by name. */
  direct: Record<Side, string[]>;
  /** Whether each side uses it, directly or through a schema that contains it. */
  used: Record<Side, boolean>;
}

const SIDES: Record<Side, string[]> = { server: ['server'], client: ['src', 'sw'] };
const SOURCE = /\.(ts|tsx)$/;
const EXPORTED = /^export (?:async )?(?:const|function|type|interface|class) (\w+)\b/gm;

function sources(root: string, folder: string): string[] {
  const absolute = path.join(root, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
    .filter((file) => SOURCE.test(file) && !file.endsWith('.d.ts'));
}

/** The text of each exported definition, up to the next top-level statement, aliases named as exported. */
function definitions(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const starts = [...text.matchAll(EXPORTED)];
  for (const match of starts) {
    const rest = text.slice(match.index + match[0].length);
    const end = rest.search(/\n(?=export |const |function |type |interface |\/\*\*)/);
    let body = end === -1 ? rest : rest.slice(0, end);
    for (const [, name, alias] of text.matchAll(/\b(\w+) as (\w+)\b/g))
      body = body.replace(new RegExp(`\\b${alias}\\b`, 'g'), name!);
    found.set(match[1]!, body);
  }
  return found;
}

const names = (text: string, name: string) => new RegExp(`\\b${name}\\b`).test(text);

/** The names a file imports from protocol/ (values and types). */
function importedFromProtocol(text: string): Set<string> {
  const imported = new Set<string>();
  for (const [, list] of text.matchAll(
    /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[./]*\/?protocol\/[^']+'/g,
  ))
    for (const part of list!.split(','))
      imported.add(
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!,
      );
  return imported;
}

/** Every exported protocol schema and who uses it. */
export function readSchemaUses(root: string): SchemaUse[] {
  const protocolFiles = sources(root, 'protocol');
  const defined: { file: string; name: string; body: string }[] = [];
  const protocolText = new Map(protocolFiles.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
  for (const [file, text] of protocolText)
    for (const [name, body] of definitions(text)) defined.push({ file, name, body });
  const sideText = Object.fromEntries(
    (Object.keys(SIDES) as Side[]).map((side) => [
      side,
      SIDES[side]!.flatMap((folder) => sources(root, folder)).map(
        (file) => [file, importedFromProtocol(readFileSync(path.join(root, file), 'utf8'))] as const,
      ),
    ]),
  ) as Record<Side, (readonly [string, Set<string>])[]>;
  const symbols = defined.map(({ file, name }) => ({
    file,
    name,
    direct: {
      server: sideText.server.filter(([, imported]) => imported.has(name)).map(([f]) => f),
      client: sideText.client.filter(([, imported]) => imported.has(name)).map(([f]) => f),
    },
    used: { server: false, client: false },
  }));
  // A schema is used by a side when that side names it or names a schema whose definition contains it.
  const byName = new Map(symbols.map((u) => [u.name, u]));
  for (const side of ['server', 'client'] as Side[]) {
    const reached = new Set(symbols.filter((u) => u.direct[side].length > 0).map((u) => u.name));
    let grew = true;
    while (grew) {
      grew = false;
      for (const { name, body } of defined)
        if (reached.has(name))
          for (const inner of byName.keys())
            if (!reached.has(inner) && inner !== name && names(body, inner)) {
              reached.add(inner);
              grew = true;
            }
    }
    for (const name of reached) byName.get(name)!.used[side] = true;
  }
  return symbols.filter((u) => u.name.endsWith('Schema'));
}

/** How a schema is meant to be used, when not by both sides. */
export interface OneSided {
  name: string;
  /** 'request': the server validates what clients send (they build it from its type, or by hand). */
  kind: 'request' | 'serverOnly' | 'knownGap';
  why: string;
}

/**
 * What breaks the contract rule: a schema used by one side only (or none) that is not listed,
 * and a listed schema that no longer fits its listing (so the list can only shrink or stay true).
 */
export function contractBreaches(uses: readonly SchemaUse[], oneSided: readonly OneSided[]): string[] {
  const listed = new Map(oneSided.map((entry) => [entry.name, entry]));
  const problems: string[] = [];
  for (const use of uses) {
    const entry = listed.get(use.name);
    const both = use.used.server && use.used.client;
    if (!use.used.server && !use.used.client && entry?.kind !== 'knownGap')
      problems.push(`${use.name} (${use.file}) is used by neither side: remove it`);
    else if (!entry && !both)
      problems.push(`${use.name} (${use.file}) is used by the ${use.used.server ? 'server' : 'client'} only`);
    else if (entry && entry.kind !== 'knownGap' && !use.used.server)
      problems.push(`${use.name} is listed as ${entry.kind} but the server does not use it`);
    else if (entry?.kind === 'serverOnly' && use.used.client)
      problems.push(
        `${use.name} is listed as server-only but a client reads it now: remove it from the list`,
      );
    else if (entry?.kind === 'knownGap' && both)
      problems.push(
        `${use.name} is listed as a known gap but both sides use it now: remove it from the list`,
      );
  }
  for (const name of listed.keys())
    if (!uses.some((use) => use.name === name))
      problems.push(`${name} is listed but protocol/ exports no such schema`);
  return problems;
}
