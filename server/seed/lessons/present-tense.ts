/** Demo lesson 4 (French grammar, CM1): present tense of -er verbs. */
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';

/** The conjugation lesson. */
export function presentTenseLesson(dates: { availableFrom: string; dueAt: string | null }): LessonDraft {
  return {
    title: 'Le présent des verbes du 1er groupe',
    ...dates,
    showCorrection: true,
    steps: [
      {
        id: 'rule',
        kind: 'text',
        body: [
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
        ].join('\n'),
      },
      {
        id: 'q-they',
        kind: 'quiz',
        question: 'single',
        prompt: 'Ils (parler) très fort. Quelle est la bonne forme ?',
        choices: [
          { id: 'parle', label: 'parle' },
          { id: 'parles', label: 'parles' },
          { id: 'parlent', label: 'parlent' },
          { id: 'parlez', label: 'parlez' },
        ],
        correct: ['parlent'],
      },
      {
        id: 'q-group',
        kind: 'quiz',
        question: 'multiple',
        prompt: 'Lesquels sont des verbes du **1er groupe** ? (plusieurs réponses)',
        choices: [
          { id: 'chanter', label: 'chanter' },
          { id: 'finir', label: 'finir' },
          { id: 'danser', label: 'danser' },
          { id: 'prendre', label: 'prendre' },
          { id: 'manger', label: 'manger' },
        ],
        correct: ['chanter', 'danser', 'manger'],
      },
      {
        id: 'q-we',
        kind: 'quiz',
        question: 'short',
        prompt: 'Conjugue le verbe *jouer* au présent : « Nous … au ballon. »',
        choices: [],
        correct: ['jouons'],
      },
      {
        id: 'sentences',
        kind: 'freeText',
        prompt:
          'Écris trois phrases au présent avec le verbe **aimer** : une avec *je*, une avec *nous*, une avec *elles*.',
        maxLength: 1000,
      },
    ],
  };
}
