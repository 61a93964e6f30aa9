/** Demo lesson 1 (maths, CM1): fractions with a pizza cut in four. */
import type { MediaRef } from '../../../protocol/lesson-pack.ts';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';

/** The fractions lesson; `pizza` is the uploaded picture. */
export function fractionsLesson(
  dates: { availableFrom: string; dueAt: string | null },
  pizza: MediaRef,
): LessonDraft {
  return {
    title: 'Partager une pizza',
    ...dates,
    showCorrection: true,
    steps: [
      {
        id: 'intro',
        kind: 'text',
        body: [
          '## Les fractions, c’est du partage',
          '',
          'Quand on coupe une pizza en parts **égales**, chaque part est une *fraction* de la pizza.',
          '',
          '- Le nombre du **bas** (le dénominateur) dit en combien de parts égales on a coupé.',
          '- Le nombre du **haut** (le numérateur) dit combien de parts on prend.',
          '',
          'Par exemple, **3/4** se lit *trois quarts* : on a coupé en 4 et on prend 3 parts.',
        ].join('\n'),
      },
      {
        id: 'pizza',
        kind: 'image',
        media: pizza,
        alt: 'Une pizza coupée en 4 parts égales ; une part est coloriée en rouge.',
        caption: 'Regarde bien la part **rouge**.',
      },
      {
        id: 'q-quarter',
        kind: 'quiz',
        question: 'single',
        prompt: 'Quelle fraction de la pizza est coloriée en rouge ?',
        choices: [
          { id: 'half', label: '1/2' },
          { id: 'quarter', label: '1/4' },
          { id: 'three-quarters', label: '3/4' },
          { id: 'third', label: '1/3' },
        ],
        correct: ['quarter'],
      },
      {
        id: 'q-half',
        kind: 'quiz',
        question: 'multiple',
        prompt: 'Quelles fractions sont égales à **la moitié** d’une pizza ? (plusieurs réponses)',
        choices: [
          { id: 'two-quarters', label: '2/4' },
          { id: 'one-half', label: '1/2' },
          { id: 'one-third', label: '1/3' },
          { id: 'four-eighths', label: '4/8' },
        ],
        correct: ['two-quarters', 'one-half', 'four-eighths'],
      },
      {
        id: 'q-eighths',
        kind: 'quiz',
        question: 'short',
        prompt:
          'Une pizza est coupée en 8 parts égales. Tu en manges 3. Quelle fraction de la pizza as-tu mangée ? (écris-la avec un /)',
        choices: [],
        correct: ['3/8', 'trois huitièmes'],
      },
      {
        id: 'explain',
        kind: 'freeText',
        prompt:
          'Explique avec tes mots pourquoi **1/2** d’une pizza est plus grand que **1/4** de la même pizza.',
        maxLength: 1000,
      },
    ],
  };
}
