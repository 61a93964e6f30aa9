/** Demo lesson 2 (sciences, CM1): the water cycle. */
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { demoLesson, freeTextStep, quizStep, textStep, type LessonDates } from './steps.ts';

/** The water cycle lesson. */
export function waterCycleLesson(dates: LessonDates): LessonDraft {
  return demoLesson('Le cycle de l’eau', dates, [
    textStep('lesson', [
      '## L’eau voyage sans cesse',
      '',
      'Sur la Terre, l’eau ne disparaît jamais : elle *change d’état* et se déplace. C’est le **cycle de l’eau**.',
      '',
      '1. **L’évaporation** : le Soleil chauffe l’eau des mers, des lacs et des rivières. Elle devient de la vapeur d’eau, invisible, qui monte dans l’air.',
      '2. **La condensation** : en altitude, l’air est froid. La vapeur se transforme en minuscules gouttelettes qui forment les **nuages**.',
      '3. **Les précipitations** : quand les gouttes deviennent trop lourdes, elles tombent en pluie, en neige ou en grêle.',
      '4. **Le ruissellement et l’infiltration** : l’eau coule vers les rivières et la mer, ou s’enfonce dans le sol jusqu’aux nappes souterraines.',
      '',
      'Puis tout recommence !',
    ]),
    quizStep(
      'q-clouds',
      'single',
      'Comment appelle-t-on le moment où la vapeur d’eau se transforme en gouttelettes pour former les nuages ?',
      { evaporation: 'L’évaporation', condensation: 'La condensation', infiltration: 'L’infiltration' },
      ['condensation'],
    ),
    quizStep(
      'q-precipitation',
      'multiple',
      'Lesquelles sont des **précipitations** ? (plusieurs réponses)',
      { rain: 'La pluie', snow: 'La neige', hail: 'La grêle', wind: 'Le vent' },
      ['rain', 'snow', 'hail'],
    ),
    quizStep('q-sun', 'short', 'Qu’est-ce qui chauffe l’eau des océans et provoque l’évaporation ?', {}, [
      'le Soleil',
      'Soleil',
      'la chaleur du Soleil',
    ]),
    freeTextStep(
      'raindrop',
      'Tu es une goutte d’eau dans la mer. Raconte ton voyage en 3 ou 4 phrases, en utilisant les mots **évaporation**, **nuage** et **pluie**.',
      2000,
    ),
  ]);
}
