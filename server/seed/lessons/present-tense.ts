/** Demo lesson 4 (French grammar, CM1): present tense of -er verbs. */
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { demoLesson, freeTextStep, quizStep, textStep, type LessonDates } from './steps.ts';

/** The conjugation lesson. */
export function presentTenseLesson(dates: LessonDates): LessonDraft {
  return demoLesson('Le présent des verbes du 1er groupe', dates, [
    textStep('rule', [
      '## Les verbes en -er',
      '',
      'Les verbes du **1er groupe** ont un infinitif qui se termine par **-er** : *chanter*, *jouer*, *danser*… (sauf *aller*).',
      '',
      'Au présent, on garde le radical (*chant-*) et on ajoute les terminaisons :',
      '',
      '- je chant**e**',
      '- tu chant**es**',
      '- il, elle, on chant**e**',
      '- nous chant**ons**',
      '- vous chant**ez**',
      '- ils, elles chant**ent**',
      '',
      'Attention : avec *tu*, n’oublie pas le **s** !',
    ]),
    quizStep(
      'q-they',
      'single',
      'Ils (parler) très fort. Quelle est la bonne forme ?',
      { parle: 'parle', parles: 'parles', parlent: 'parlent', parlez: 'parlez' },
      ['parlent'],
    ),
    quizStep(
      'q-group',
      'multiple',
      'Lesquels sont des verbes du **1er groupe** ? (plusieurs réponses)',
      { chanter: 'chanter', finir: 'finir', danser: 'danser', prendre: 'prendre', manger: 'manger' },
      ['chanter', 'danser', 'manger'],
    ),
    quizStep('q-we', 'short', 'Conjugue le verbe *jouer* au présent : « Nous … au ballon. »', {}, ['jouons']),
    freeTextStep(
      'sentences',
      'Écris trois phrases au présent avec le verbe **aimer** : une avec *je*, une avec *nous*, une avec *elles*.',
      1000,
    ),
  ]);
}
