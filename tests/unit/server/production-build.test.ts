/**
 * The production build: the server compiled to plain ES modules (scripts/build-server.mjs) starts
 * with `node …/server/main.js` — no tsx, no loader — seeds the demo (its picture is read beside the
 * compiled modules), reports package.json's version, and converts Markdown in the compiled worker.
 * The build goes to its own folder under .tmp/ (inside the repository, so package.json and
 * node_modules are found above it exactly as they are above dist-server/).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../e2e/support/server-process.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
/** No loader may come in through the environment either. */
const PLAIN_ENV = { ...process.env, NODE_OPTIONS: '' };

let outDir: string;
let scratch: string;

beforeAll(async () => {
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  outDir = mkdtempSync(path.join(ROOT, '.tmp', 'server-build-'));
  scratch = mkdtempSync(path.join(tmpdir(), 'cartable-prod-'));
  await run(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), '--out-dir', outDir], {
    cwd: ROOT,
    env: PLAIN_ENV,
  });
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the compiled server', () => {
  it('holds plain JavaScript only: every relative import names a .js file', () => {
    const main = readFileSync(path.join(outDir, 'server/main.js'), 'utf8');
    expect(main).toContain(`from "./app.js"`);
    expect(main).not.toMatch(/from ['"]\.{1,2}\/[^'"]*\.ts['"]/);
    expect(existsSync(path.join(outDir, 'server/lessons/markdown-worker.js'))).toBe(true);
    expect(existsSync(path.join(outDir, 'server/cli/teacher-add.js'))).toBe(true);
  });

  it('starts with plain node (no loader), seeds the demo and reports the package version', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(scratch, 'data-'));
    const staticDir = mkdtempSync(path.join(scratch, 'static-'));
    const entry = path.join(outDir, 'server/main.js');
    let output = '';
    const child: ChildProcess = spawn(process.execPath, [entry], {
      cwd: scratch,
      env: {
        ...PLAIN_ENV,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        CARTABLE_STATIC_DIR: staticDir,
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const cmdline = `/proc/${child.pid}/cmdline`;
      if (existsSync(cmdline)) {
        expect(readFileSync(cmdline, 'utf8').split('\0').filter(Boolean)).toEqual([process.execPath, entry]);
      }
      let health: Response | null = null;
      const deadline = Date.now() + 30_000;
      while (!health && Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (!health) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status, output).toBe(200);
      expect(await health!.json()).toMatchObject({ ok: true, version: VERSION });
      expect(output).toContain(`Cartable ${VERSION} is running`);
      expect(output).toContain('Teacher login: prof@demo.cartable');
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('converts Markdown in the compiled worker thread', async () => {
    const pool = path.join(outDir, 'server/lessons/markdown-pool.js');
    const script =
      `const { convertMarkdown } = await import(${JSON.stringify(pool)});` +
      `const contents = await convertMarkdown(['# Titre *important*', '- un\\n- deux']);` +
      `console.log(JSON.stringify({ execArgv: process.execArgv, contents }));` +
      // The pool's workers do not end on their own: the script ends the process.
      `process.exit(0);`;
    const file = path.join(scratch, 'convert.mjs');
    writeFileSync(file, script);
    const { stdout } = await run(process.execPath, [file], { cwd: scratch, env: PLAIN_ENV, timeout: 30_000 });
    const result = JSON.parse(stdout) as { execArgv: string[]; contents: unknown[] };
    expect(result.execArgv).toEqual([]);
    expect(result.contents).toHaveLength(2);
    expect(JSON.stringify(result.contents[0])).toContain('"important"');
    expect(JSON.stringify(result.contents[1])).toContain('"deux"');
  }, 60_000);
});
