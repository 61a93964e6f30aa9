/** Demo lesson 2 (sciences, CM1): the water cycle. */
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';

/** The water cycle lesson. */
export function waterCycleLesson(dates: { availableFrom: string; dueAt: string | null }): LessonDraft {
  return {
    title: 'Le cycle de l’eau',
    ...dates,
    showCorrection: true,
    steps: [
      {
        id: 'lesson',
        kind: 'text',
        body: [
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
        ].join('\n'),
      },
      {
        id: 'q-clouds',
        kind: 'quiz',
        question: 'single',
        prompt:
          'Comment appelle-t-on le moment où la vapeur d’eau se transforme en gouttelettes pour former les nuages ?',
        choices: [
          { id: 'evaporation', label: 'L’évaporation' },
          { id: 'condensation', label: 'La condensation' },
          { id: 'infiltration', label: 'L’infiltration' },
        ],
        correct: ['condensation'],
      },
      {
        id: 'q-precipitation',
        kind: 'quiz',
        question: 'multiple',
        prompt: 'Lesquelles sont des **précipitations** ? (plusieurs réponses)',
        choices: [
          { id: 'rain', label: 'La pluie' },
          { id: 'snow', label: 'La neige' },
          { id: 'hail', label: 'La grêle' },
          { id: 'wind', label: 'Le vent' },
        ],
        correct: ['rain', 'snow', 'hail'],
      },
      {
        id: 'q-sun',
        kind: 'quiz',
        question: 'short',
        prompt: 'Qu’est-ce qui chauffe l’eau des océans et provoque l’évaporation ?',
        choices: [],
        correct: ['le Soleil', 'Soleil', 'la chaleur du Soleil'],
      },
      {
        id: 'raindrop',
        kind: 'freeText',
        prompt:
          'Tu es une goutte d’eau dans la mer. Raconte ton voyage en 3 ou 4 phrases, en utilisant les mots **évaporation**, **nuage** et **pluie**.',
        maxLength: 2000,
      },
    ],
  };
}
