/**
 * Every refusal the server can send is worded by the client in both languages: the codes are read
 * from server/'s source, so a new `apiError(c, 4xx, 'new_code', …)` without a wording fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_ERROR_CODES, TEACHER_ERROR_CODES } from '../../../protocol/error-codes.ts';
import { MARKDOWN_REFUSALS } from '../../../protocol/markdown-limits.ts';
import { locale, setLocale } from '../../../src/app/i18n.ts';
import { apiErrorText, refusalByCode } from '../../../src/teacher/api-error-text.ts';
import { refusalText } from '../../../src/teacher/editor/draft-problems.tsx';
import { pupilRefusalText } from '../../../src/pupil/refusal-text.ts';
import { workStateText } from '../../../src/pupil/work-state-label.tsx';

const SERVER = join(import.meta.dirname, '../../../server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The codes server/ answers with: `apiError(c, status, 'code', …)`, `{ error: 'code' }`, refusal tables. */
function serverCodes(): Set<string> {
  const codes = new Set<string>(MARKDOWN_REFUSALS);
  for (const file of sourceFiles(SERVER)) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/apiError\(\s*\w+,\s*[^,]+,\s*'([a-z_]+)'/g)) codes.add(m[1]!);
    for (const m of source.matchAll(/\berror:\s*'([a-z_]+)'/g)) codes.add(m[1]!);
    for (const m of source.matchAll(/\[\s*'(unknown_[a-z_]+)',\s*'[A-Z]/g)) codes.add(m[1]!);
    // Tables of refusals by code: `code: [status, 'sentence']` (the work-file import).
    for (const m of source.matchAll(/^\s*([a-z_]+): \[4\d\d, '/gm)) codes.add(m[1]!);
  }
  return codes;
}

afterEach(() => setLocale('fr'));

/** In French and in English, each code has its own wording: neither the bare code nor the unknown code's text. */
async function expectWordedInBothLanguages(codes: readonly string[], wording: (code: string) => string) {
  for (const language of ['fr', 'en'] as const) {
    await setLocale(language);
    for (const code of codes) {
      const text = wording(code);
      expect(text, code).not.toContain(`(${code})`);
      expect(text, code).not.toBe(wording('some_future_code'));
    }
  }
}

describe('server refusal codes', () => {
  const found = serverCodes();
  const listed = new Set<string>([...DEVICE_ERROR_CODES, ...TEACHER_ERROR_CODES]);

  it('are all listed in protocol/error-codes.ts, and the list holds no code the server dropped', () => {
    // The scan itself must see the codes (a broken pattern would pass everything).
    expect(found.size).toBeGreaterThan(30);
    expect([...found].filter((code) => !listed.has(code))).toEqual([]);
    expect([...listed].filter((code) => !found.has(code))).toEqual([]);
  });

  it('each has a teacher wording in French and in English, never the code or the server sentence', async () => {
    await expectWordedInBothLanguages(TEACHER_ERROR_CODES, refusalByCode);
    await setLocale('fr');
    const french = TEACHER_ERROR_CODES.map(refusalByCode);
    await setLocale('en');
    const english = TEACHER_ERROR_CODES.map(refusalByCode);
    french.forEach((text, i) => expect(text, TEACHER_ERROR_CODES[i]).not.toBe(english[i]));
  });

  it('each has a pupil wording in French and in English', async () => {
    await expectWordedInBothLanguages(DEVICE_ERROR_CODES, pupilRefusalText);
  });
});

describe('wording refusals', () => {
  it('an upload refusal reads in French, not in the server’s English', () => {
    expect(locale.value).toBe('fr');
    const text = apiErrorText(415, 'unsupported_type');
    expect(text).toBe('Ce type de fichier n’est pas accepté ici.');
    expect(
      workStateText({
        kind: 'needsAttention',
        reason: 'unsupported_type',
        message: 'This file is not one Cartable accepts',
      }),
    ).toBe('À vérifier : ce fichier n’est pas accepté : il faut une photo ou un son.');
  });

  it('no answer at all, or a code this version does not know, still reads in the interface language', async () => {
    expect(apiErrorText(0, 'network')).toBe(
      'Le serveur ne répond pas : vérifiez la connexion, puis réessayez.',
    );
    expect(apiErrorText(503, 'something_new')).toBe(
      'Le serveur est très occupé : réessayez dans quelques secondes.',
    );
    expect(apiErrorText(418, 'something_new')).toBe('Le serveur a refusé cette demande (code 418).');
    expect(pupilRefusalText('something_new')).toBe('le serveur a refusé ce travail (something_new).');
    // A teacher outbox item with no code keeps its English sentence to itself.
    expect(refusalText({ message: 'Server words.' })).toBe('Le serveur a refusé cette demande (unknown).');
    await setLocale('en');
    expect(apiErrorText(0, 'network')).toBe(
      'The server is not answering: check the connection, then try again.',
    );
    expect(pupilRefusalText('conflict')).toBe(
      'another piece of work already has this number. Export it for your teacher.',
    );
  });
});
