/** The demo sequence's séances (maths, CM1): comparing, adding and placing fractions. */
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { demoLesson, freeTextStep, quizStep, textStep, type LessonDates } from './steps.ts';

/** Choice ids a, b, c… in order. */
const letter = (index: number) => String.fromCharCode(97 + index);

const seance =
  (
    title: string,
    lesson: string,
    quiz: { prompt: string; choices: string[]; correct: number },
    task: string,
  ) =>
  (dates: LessonDates): LessonDraft =>
    demoLesson(title, dates, [
      textStep('lesson', [lesson]),
      quizStep(
        'q1',
        'single',
        quiz.prompt,
        Object.fromEntries(quiz.choices.map((label, i) => [letter(i), label])),
        [letter(quiz.correct)],
      ),
      freeTextStep('task', task),
    ]);

/** The three séances of "Les fractions", in order. */
export const FRACTION_SEANCES = [
  seance(
    'Comparer des fractions',
    '## Qui a la plus grosse part ?\n\nQuand deux fractions ont le **même dénominateur**, la plus grande est celle qui a le plus grand numérateur : **3/8** est plus grand que **2/8**.',
    { prompt: 'Quelle fraction est la plus grande ?', choices: ['2/6', '5/6', '4/6'], correct: 1 },
    'Range du plus petit au plus grand : 3/5, 1/5, 4/5. Explique comment tu as fait.',
  ),
  seance(
    'Additionner des fractions',
    '## On ajoute des parts\n\nAvec le **même dénominateur**, on additionne les numérateurs et on garde le dénominateur : *1/4 + 2/4 = 3/4*.',
    { prompt: 'Combien font 2/5 + 1/5 ?', choices: ['3/10', '3/5', '2/5'], correct: 1 },
    'Invente un problème de gâteau qui se résout avec 1/3 + 1/3, puis résous-le.',
  ),
  seance(
    'Placer des fractions sur une droite',
    '## La droite graduée\n\nEntre 0 et 1, on partage en autant de parts égales que le dénominateur : pour **3/4**, on coupe en 4 et on avance de 3 graduations.',
    {
      prompt: 'Où se trouve 1/2 sur une droite partagée en quarts ?',
      choices: ['À 1 graduation', 'À 2 graduations', 'À 3 graduations'],
      correct: 1,
    },
    'Décris où tu places 5/4 : avant 1 ou après 1 ? Pourquoi ?',
  ),
];

/** A shorter version of the first séance, for the one demo pupil who gets an adapted lesson. */
export const adaptedFractions = seance(
  'Les fractions — version adaptée',
  '## Une part de gâteau\n\nUn gâteau coupé en **4 parts égales** : une part, c’est **1/4** (un quart).',
  { prompt: 'Un gâteau est coupé en 2 parts égales. Une part, c’est :', choices: ['1/2', '1/4'], correct: 0 },
  'Dessine un gâteau coupé en 4 et dis combien de parts tu manges.',
);
