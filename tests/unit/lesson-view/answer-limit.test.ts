/** A written answer's limit: what of a paste fits, what is said about the rest, and when the limit is near. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, t } from '../../../src/app/i18n.ts';
import {
  answerLimit,
  fitInsertion,
  limitState,
  TEXT_ANSWER_MAX,
} from '../../../src/lesson-view/answer-limit.ts';

afterEach(() => setLocale('fr'));

describe('answerLimit', () => {
  it('is the teacher’s limit, and the protocol’s when there is none or it is beyond', () => {
    expect(answerLimit(2000)).toBe(2000);
    expect(answerLimit(undefined)).toBe(TEXT_ANSWER_MAX);
    expect(answerLimit(0)).toBe(TEXT_ANSWER_MAX);
    expect(answerLimit(Number.NaN)).toBe(TEXT_ANSWER_MAX);
    expect(answerLimit(50_000)).toBe(TEXT_ANSWER_MAX);
  });
});

describe('fitInsertion', () => {
  it('keeps a paste that fits whole', () => {
    expect(fitInsertion('Le soleil chauffe la mer.', 100)).toEqual({
      kept: 'Le soleil chauffe la mer.',
      dropped: 0,
    });
    expect(fitInsertion('abc', 3)).toEqual({ kept: 'abc', dropped: 0 });
  });

  it('cuts before the word that would not fit, and counts everything left out', () => {
    const pasted = 'Le soleil chauffe la mer et les nuages';
    const { kept, dropped } = fitInsertion(pasted, 12); // "Le soleil ch|auffe…": mid-word
    expect(kept).toBe('Le soleil');
    expect(dropped).toBe(pasted.length - 'Le soleil'.length);
    expect(fitInsertion(pasted, 9)).toEqual({ kept: 'Le soleil', dropped: pasted.length - 9 }); // at a space
  });

  it('cuts a very long word where the room ends, and never inside an emoji', () => {
    const url = 'https://example.org/' + 'a'.repeat(100);
    expect(fitInsertion(url, 50)).toEqual({ kept: url.slice(0, 50), dropped: url.length - 50 });
    const text = 'ab😀cd'; // the emoji is two UTF-16 units (3 and 4)
    expect(fitInsertion(text, 3)).toEqual({ kept: 'ab', dropped: 4 });
  });

  it('adds nothing when there is no room, and counts line breaks as the textarea does', () => {
    expect(fitInsertion('abc', 0)).toEqual({ kept: '', dropped: 3 });
    expect(fitInsertion('abc', -2)).toEqual({ kept: '', dropped: 3 });
    expect(fitInsertion('a\r\nb\rc', 5)).toEqual({ kept: 'a\nb\nc', dropped: 0 });
  });
});

describe('limitState and the words the pupil reads', () => {
  it('is near in the last tenth of the limit (at least 20 characters), reached at the limit', () => {
    expect(limitState(1799, 2000)).toBe('far');
    expect(limitState(1800, 2000)).toBe('near');
    expect(limitState(1999, 2000)).toBe('near');
    expect(limitState(2000, 2000)).toBe('reached');
    expect(limitState(79, 100)).toBe('far');
    expect(limitState(80, 100)).toBe('near');
  });

  it('says how much of a paste was not added, with the right plural, in French and English', async () => {
    expect(t('answerPasteCut', { dropped: '1', max: '2 000' })).toBe(
      'Texte trop long : 1 caractère n’a pas été ajouté, à la fin de ce que tu as collé. Une réponse a 2 000 caractères au plus.',
    );
    expect(t('answerPasteCut', { dropped: '312', max: '2 000' })).toContain(
      '312 caractères n’ont pas été ajoutés',
    );
    expect(t('answerLength', { count: '1 850', max: '2 000' })).toBe('1 850 / 2 000 caractères');
    await setLocale('en');
    expect(t('answerPasteCut', { dropped: '1', max: '2,000' })).toContain(
      '1 character at the end of what you pasted was not added',
    );
    expect(t('answerPasteCut', { dropped: '1,204', max: '2,000' })).toContain(
      '1,204 characters at the end of what you pasted were not added',
    );
  });
});
