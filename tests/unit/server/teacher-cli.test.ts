import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../../server/db/connect.ts';
import { createTestServer, signIn } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the teacher:add CLI from source (tsx; `npm run teacher:add` runs its compiled twin) with stdin piped, as a script would. */
function teacherAdd(
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/teacher-add.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm run teacher:add', () => {
  it('creates a teacher who can sign in, reading the password from stdin; refuses a second one with that e-mail', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cartable-cli-'));
    const created = await teacherAdd(
      ['--email', 'Claire@Ecole.fr', '--name', 'Mme Claire Rousseau'],
      'un mot de passe long\n',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('claire@ecole.fr');
    expect(created.stdout).not.toContain('un mot de passe long');

    const again = await teacherAdd(
      ['--email', 'claire@ecole.fr', '--name', 'Autre'],
      'un autre mot de passe\n',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const short = await teacherAdd(['--email', 'x@ecole.fr', '--name', 'X'], 'court\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least');

    const server = await createTestServer({}, openSqlite(path.join(dataDir, 'cartable.sqlite')));
    try {
      await signIn(server, { email: 'claire@ecole.fr', password: 'un mot de passe long' });
      expect(await server.db.selectFrom('teachers').select('name').execute()).toEqual([
        { name: 'Mme Claire Rousseau' },
      ]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
