/** Demo lesson 1 (maths, CM1): fractions with a pizza cut in four. */
import type { MediaRef } from '../../../protocol/lesson-pack.ts';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { demoLesson, freeTextStep, quizStep, textStep, type LessonDates } from './steps.ts';

/** The fractions lesson; `pizza` is the uploaded picture. */
export function fractionsLesson(dates: LessonDates, pizza: MediaRef): LessonDraft {
  return demoLesson('Partager une pizza', dates, [
    textStep('intro', [
      '## Les fractions, c’est du partage',
      '',
      'Quand on coupe une pizza en parts **égales**, chaque part est une *fraction* de la pizza.',
      '',
      '- Le nombre du **bas** (le dénominateur) dit en combien de parts égales on a coupé.',
      '- Le nombre du **haut** (le numérateur) dit combien de parts on prend.',
      '',
      'Par exemple, **3/4** se lit *trois quarts* : on a coupé en 4 et on prend 3 parts.',
    ]),
    {
      id: 'pizza',
      kind: 'image',
      media: pizza,
      alt: 'Une pizza coupée en 4 parts égales ; une part est coloriée en rouge.',
      caption: 'Regarde bien la part **rouge**.',
    },
    quizStep(
      'q-quarter',
      'single',
      'Quelle fraction de la pizza est coloriée en rouge ?',
      { half: '1/2', quarter: '1/4', 'three-quarters': '3/4', third: '1/3' },
      ['quarter'],
    ),
    quizStep(
      'q-half',
      'multiple',
      'Quelles fractions sont égales à **la moitié** d’une pizza ? (plusieurs réponses)',
      { 'two-quarters': '2/4', 'one-half': '1/2', 'one-third': '1/3', 'four-eighths': '4/8' },
      ['two-quarters', 'one-half', 'four-eighths'],
    ),
    quizStep(
      'q-eighths',
      'short',
      'Une pizza est coupée en 8 parts égales. Tu en manges 3. Quelle fraction de la pizza as-tu mangée ? (écris-la avec un /)',
      {},
      ['3/8', 'trois huitièmes'],
    ),
    freeTextStep(
      'explain',
      'Explique avec tes mots pourquoi **1/2** d’une pizza est plus grand que **1/4** de la même pizza.',
      1000,
    ),
  ]);
}
