/**
 * Issue 8, point 2: an acknowledged hand-in or upload is on disk. The device deletes its copy
 * (and the photo bytes) once the server answers 2xx, so every such answer must follow an fsync.
 * The real server runs under strace, which records each fsync/fdatasync with the path of its
 * file descriptor (-y); the test counts the ones made after the hand-ins start.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from '../../e2e/support/server-process.ts';

const HAND_INS = 20;
const traceDir = mkdtempSync(join(tmpdir(), 'cartable-strace-'));
const traceFile = join(traceDir, 'trace.txt');
let server: ServerProcess;
let token: string;
let lesson: { id: string; version: number };

/** The fsync/fdatasync lines strace has written so far (an unfinished call counts once). */
const syncLines = (): string[] =>
  readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter((line) => /\b(fsync|fdatasync)\(/.test(line));

/** Waits (at most 5 s: strace writes as calls finish) until the lines from index `from` satisfy `done`. */
async function syncsAfter(from: number, done: (lines: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  let lines = syncLines().slice(from);
  while (!done(lines) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    lines = syncLines().slice(from);
  }
  return lines;
}

beforeAll(async () => {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'strace is missing: run "sudo apt-get install -y strace" (or npm run test:unit as root).',
    );
  }
  server = new ServerProcess(await freePort(), {}, [
    'strace',
    '-f',
    '-qq',
    '-y',
    '-e',
    'trace=fsync,fdatasync',
    '-o',
    traceFile,
  ]);
  await server.start();
  const pupil = server.demoPupils()[0];
  if (!pupil) throw new Error(`no demo pupils printed:\n${server.output}`);
  const joined = await fetch(`${server.origin}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: pupil.code }),
  });
  expect(joined.status).toBe(200);
  token = ((await joined.json()) as { token: string }).token;
  const manifest = await fetch(`${server.origin}/api/pupil/manifest`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { lessons } = (await manifest.json()) as {
    lessons: { id: string; version: number; availableFrom: string }[];
  };
  lesson = lessons.find((l) => Date.parse(l.availableFrom) <= Date.now())!;
  expect(lesson).toBeDefined();
}, 60_000);

afterAll(async () => {
  // SIGKILL to the whole process group (strace and the server under it).
  await server?.dispose();
  rmSync(traceDir, { recursive: true, force: true });
});

describe('an acknowledged write is on disk (issue 8, point 2)', () => {
  it(`${HAND_INS} acknowledged hand-ins make at least ${HAND_INS} fsync/fdatasync calls`, async () => {
    const before = syncLines().length;
    for (let i = 0; i < HAND_INS; i++) {
      const id = crypto.randomUUID();
      const res = await fetch(`${server.origin}/api/pupil/submissions/${id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          lessonId: lesson.id,
          lessonVersion: lesson.version,
          handedInAt: new Date().toISOString(),
          answers: { durability: { kind: 'text', text: `Réponse ${i}` } },
        }),
      });
      expect(res.status).toBe(201);
    }
    const after = await syncsAfter(before, (lines) => lines.length >= HAND_INS);
    expect(after.length, `fsync/fdatasync calls after ${HAND_INS} hand-ins`).toBeGreaterThanOrEqual(HAND_INS);
  }, 60_000);

  it('an acknowledged photo upload fsyncs the file, its folder and the new folder’s parent', async () => {
    const root = join(realpathSync(server.dataDir), 'blobs');
    // A JPEG whose shard folder <root>/ab/ does not exist yet (the demo lessons' media use a few).
    let photo: Uint8Array<ArrayBuffer>, sha256: string, shard: string;
    do {
      photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...randomBytes(32)]);
      sha256 = createHash('sha256').update(photo).digest('hex');
      shard = join(root, sha256.slice(0, 2));
    } while (existsSync(shard));
    const before = syncLines().length;
    const res = await fetch(`${server.origin}/api/blobs/${sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
      body: photo,
    });
    expect(res.status).toBe(201);
    // -y prints each descriptor's path: the file is synced under its temporary name, before the rename.
    const file = (l: string) => l.includes(`<${shard}/${sha256}`);
    const folder = (l: string) => l.includes(`<${shard}>`);
    const parent = (l: string) => l.includes(`<${root}>`);
    const after = await syncsAfter(before, (ls) => ls.some(file) && ls.some(folder) && ls.some(parent));
    expect(after.some(file), `an fsync of ${shard}/${sha256}…`).toBe(true);
    expect(after.some(folder), `an fsync of the folder ${shard}`).toBe(true);
    expect(after.some(parent), `an fsync of ${root}, parent of the new folder`).toBe(true);
  }, 60_000);
});
