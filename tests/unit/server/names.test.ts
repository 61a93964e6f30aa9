/** Names are stored without bidi controls or invisible characters, whichever route stores them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { cleanName, NameSchema } from '../../../protocol/names.ts';
import { client } from './teacher-support.ts';
import { createSchool, createTestServer, signIn, type TestServer } from './harness.ts';

const BIDI_CONTROLS = [
  ...'\u202A\u202B\u202C\u202D\u202E', // embeddings and overrides
  ...'\u2066\u2067\u2068\u2069', // isolates
  ...'\u200E\u200F\u061C', // marks
];

describe('cleanName', () => {
  it('removes every bidi control', () => {
    for (const control of BIDI_CONTROLS) {
      expect(cleanName(`Léa${control}Martin`), `U+${control.codePointAt(0)!.toString(16)}`).toBe('LéaMartin');
    }
    // The classic trick: "Léa" followed by an override that shows "exe.txt" as "txt.exe".
    expect(cleanName('Léa \u202Etxt.exe')).toBe('Léa txt.exe');
  });

  it.each([
    [
      'removes other invisible format characters: zero-width space, soft hyphen, word joiner, BOM, tags',
      'A\u200Bd\u00ADa\u2060m\uFEFF\u{E0041}',
      'Adam',
    ],
    [
      'makes one line: controls and separators become single spaces, trimmed',
      '  Léa\n\tMartin\u2028Durand\u0007 ',
      'Léa Martin Durand',
    ],
    ['composes accents (NFC) so the same name is stored the same way', 'Le\u0301a', 'Léa'],
  ])('%s', (_name, typed, stored) => {
    expect(cleanName(typed)).toBe(stored);
  });

  it.each([
    ['keeps the joiners that scripts and emoji need (ZWNJ, ZWJ)', ['می\u200Cخواهم', '👩\u200D🏫 Claire']],
    ['keeps right-to-left and other scripts as they are', ['مريم العلي', 'Ζωή']],
  ])('%s', (_name, names) => {
    for (const name of names) expect(cleanName(name), name).toBe(name);
  });

  it('leaves nothing of a name made only of invisible characters, so the schema refuses it', () => {
    expect(v.safeParse(NameSchema, '\u202E\u200B\u2066 ').success).toBe(false);
    expect(v.parse(NameSchema, ' \u202ELéa ')).toBe('Léa');
  });
});

describe('routes store cleaned names', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await createTestServer();
  });
  afterEach(() => server.close());

  it('cleans class names and pupil names (added and renamed) before they reach the database', async () => {
    const school = await createSchool(server);
    const teacher = client(server, await signIn(server, school.teacher));

    const created = await teacher.post('/api/teacher/classes', { name: 'CM2 \u202Eevil\u202C' });
    expect(created.status).toBe(201);
    const { id: classId } = (await created.json()) as { id: string };
    const renamedClass = await teacher.patch(`/api/teacher/classes/${classId}`, {
      name: '\u2067CM2 B\u2069',
    });
    expect(renamedClass.status).toBe(200);

    const added = await teacher.post(`/api/teacher/classes/${classId}/pupils`, {
      names: ['Zo\u200Bé', '\u202DTom\u202C'],
    });
    expect(added.status).toBe(201);
    const { pupils } = (await added.json()) as { pupils: { id: string; name: string }[] };
    const tom = pupils.find((p) => p.name === 'Tom')!;
    expect((await teacher.patch(`/api/teacher/pupils/${tom.id}`, { name: 'Tom\u200F Durand' })).status).toBe(
      200,
    );

    const classes = await server.db.selectFrom('classes').select('name').where('id', '=', classId).execute();
    const names = await server.db
      .selectFrom('pupils')
      .select('name')
      .where('class_id', '=', classId)
      .execute();
    expect(classes.map((k) => k.name)).toEqual(['CM2 B']);
    expect(names.map((p) => p.name).sort()).toEqual(['Tom Durand', 'Zoé']);
  });

  it('refuses a name that is only invisible characters with 400', async () => {
    const school = await createSchool(server);
    const teacher = client(server, await signIn(server, school.teacher));
    const res = await teacher.post('/api/teacher/classes', { name: '\u202E\u200B' });
    expect(res.status).toBe(400);
  });
});
