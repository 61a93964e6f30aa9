#!/usr/bin/env node
/**
 * Compiles the server (server/ and the protocol/ it imports) into plain ES modules under
 * dist-server/, so production runs `node dist-server/server/main.js` with no TypeScript loader.
 *
 *   node scripts/build-server.mjs                 clean build (tsc -p tsconfig.server-build.json),
 *                                                 then copies the files the server reads beside
 *                                                 its modules (server/seed/media/pizza.png)
 *   node scripts/build-server.mjs --if-stale      build only when dist-server is missing or older
 *                                                 than a source file (teacher:add, the e2e tests)
 *   node scripts/build-server.mjs --check         build nothing: exit 1 with one line when
 *                                                 dist-server is missing (npm run serve)
 *   node scripts/build-server.mjs --out-dir DIR   compile into DIR instead (a test's own copy)
 *
 * Types are not checked here (noCheck: each file is transpiled on its own); `npm run typecheck`
 * does that, and `npm test` runs it first.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONFIG = 'tsconfig.server-build.json';
/** Everything the build reads: a change to any of these makes dist-server stale. */
const SOURCES = ['server', 'protocol', CONFIG, 'tsconfig.node.json', 'tsconfig.base.json'];
/** Written last: its presence says the build finished, its time says when. */
const STAMP = '.build-stamp';

const { values } = parseArgs({
  options: {
    'if-stale': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    'out-dir': { type: 'string', default: 'dist-server' },
  },
});
const outDir = path.resolve(ROOT, values['out-dir']);
const shown = path.relative(ROOT, outDir) || outDir;

function files(entry) {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true }).flatMap((e) => files(path.join(entry, e.name)));
}

/** Why the build in outDir cannot be used as is, or null when it is up to date. */
function staleness() {
  const stamp = path.join(outDir, STAMP);
  if (!existsSync(stamp)) return `${shown}/ is missing or incomplete`;
  const built = statSync(stamp).mtimeMs;
  const newer = SOURCES.flatMap(files).find((file) => statSync(path.join(ROOT, file)).mtimeMs > built);
  return newer ? `${newer} changed since ${shown}/ was built` : null;
}

if (values.check) {
  if (!existsSync(path.join(outDir, STAMP))) {
    console.error(`The server is not built (${shown}/ is missing): run npm run build first.`);
    process.exit(1);
  }
  const stale = staleness();
  if (stale) console.error(`Warning: ${stale}; run npm run build to serve the current code.`);
  process.exit(0);
}

if (values['if-stale'] && staleness() === null) process.exit(0);

const started = performance.now();
rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', CONFIG, '--outDir', outDir], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error(`Server build failed (tsc -p ${CONFIG}).`);
  process.exit(result.status ?? 1);
}

// Files the server reads through new URL('./…', import.meta.url) must sit beside the compiled modules.
let assets = 0;
for (const file of files('server')) {
  if (file.endsWith('.ts')) continue;
  const target = path.join(outDir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(ROOT, file), target);
  assets++;
}
writeFileSync(path.join(outDir, STAMP), `${new Date().toISOString()}\n`);
const modules = files(path.relative(ROOT, outDir)).filter((f) => f.endsWith('.js')).length;
console.log(
  `Server built into ${shown}/: ${modules} modules, ${assets} asset${assets === 1 ? '' : 's'}, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
