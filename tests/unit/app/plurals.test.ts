/** Proper singular and plural in both languages (French: 0 and 1 are singular), one formatter for all. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/app/format-message.ts';
import { setLocale, t } from '../../../src/app/i18n.ts';
import { tt } from '../../../src/teacher/teacher-i18n.ts';

afterEach(() => setLocale('fr'));

describe('formatMessage', () => {
  it('fills placeholders and picks the form by the language rule', () => {
    const template = '{n} {n:élève|élèves} dans {name}';
    expect(formatMessage(template, { n: 0, name: 'CM1' }, 'fr')).toBe('0 élève dans CM1');
    expect(formatMessage(template, { n: 1, name: 'CM1' }, 'fr')).toBe('1 élève dans CM1');
    expect(formatMessage(template, { n: 2, name: 'CM1' }, 'fr')).toBe('2 élèves dans CM1');
    expect(formatMessage('{n} {n:pupil|pupils}', { n: 0 }, 'en')).toBe('0 pupils');
    expect(formatMessage('{n} {n:pupil|pupils}', { n: 1 }, 'en')).toBe('1 pupil');
  });

  it('leaves a placeholder without a value visible rather than blank', () => {
    expect(formatMessage('{who} {n:a|b}', {}, 'fr')).toBe('{who} {n:a|b}');
  });
});

describe('the messages the issue found', () => {
  it('teacher counts', async () => {
    expect(tt('readyCount', { ready: 1, total: 3, lesson: 'L' })).toBe('1 élève sur 3 prêt pour « L »');
    expect(tt('readyCount', { ready: 0, total: 3, lesson: 'L' })).toBe('0 élève sur 3 prêt pour « L »');
    expect(tt('readyCount', { ready: 2, total: 3, lesson: 'L' })).toBe('2 élèves sur 3 prêts pour « L »');
    expect(tt('pupilCount', { n: 3 })).toBe('3 élèves');
    expect(tt('pupilCount', { n: 1 })).toBe('1 élève');
    expect(tt('addedPupils', { n: 7 })).toBe('7 élèves ajoutés.');
    await setLocale('en');
    expect(tt('readyCount', { ready: 1, total: 1, lesson: 'L' })).toBe('1 of 1 pupil ready for “L”');
  });

  it('pupil counts', () => {
    expect(t('downloadProgress', { done: '1 Mo', total: '2 Mo', ready: 1, lessons: 4 })).toBe(
      '1 Mo sur 2 Mo — 1 leçon prête sur 4',
    );
    expect(t('workExported', { count: 1 })).toBe('1 travail exporté dans un fichier.');
    expect(t('workExported', { count: 3 })).toBe('3 travaux exportés dans un fichier.');
  });

  it('no dictionary writes a plural as "(s)"', () => {
    for (const file of ['src/app/i18n.ts', 'src/teacher/teacher-i18n.ts'])
      expect(readFileSync(file, 'utf8').match(/\w\(s\)/g) ?? []).toEqual([]);
  });
});
