/** Demo lesson 3 (French, CM1): La Fontaine's "Le Corbeau et le Renard" (1668, public domain). */
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { demoLesson, freeTextStep, quizStep, textStep, type LessonDates } from './steps.ts';

// Each line ends with a backslash: a Markdown hard line break, so the verse keeps its lines.
const FABLE = [
  'Maître Corbeau, sur un arbre perché,',
  'Tenait en son bec un fromage.',
  'Maître Renard, par l’odeur alléché,',
  'Lui tint à peu près ce langage :',
  '« Hé ! bonjour, Monsieur du Corbeau.',
  'Que vous êtes joli ! que vous me semblez beau !',
  'Sans mentir, si votre ramage',
  'Se rapporte à votre plumage,',
  'Vous êtes le Phénix des hôtes de ces bois. »',
  'À ces mots le Corbeau ne se sent pas de joie ;',
  'Et pour montrer sa belle voix,',
  'Il ouvre un large bec, laisse tomber sa proie.',
  'Le Renard s’en saisit, et dit : « Mon bon Monsieur,',
  'Apprenez que tout flatteur',
  'Vit aux dépens de celui qui l’écoute :',
  'Cette leçon vaut bien un fromage, sans doute. »',
  'Le Corbeau, honteux et confus,',
  'Jura, mais un peu tard, qu’on ne l’y prendrait plus.',
].join('\\\n');

/** The fable lesson. */
export function crowAndFoxLesson(dates: LessonDates): LessonDraft {
  return demoLesson('Le Corbeau et le Renard', dates, [
    textStep('before', [
      '## Une fable de Jean de La Fontaine',
      '',
      'Une *fable* est une courte histoire, souvent avec des animaux, qui se termine par une **morale** : une leçon pour bien se conduire.',
      '',
      'Pendant ta lecture :',
      '',
      '- lis la fable **à voix haute**, deux fois ;',
      '- cherche qui parle, et à qui ;',
      '- repère la phrase qui donne la morale.',
    ]),
    textStep('fable', [
      '### Le Corbeau et le Renard',
      '',
      FABLE,
      '',
      '*Jean de La Fontaine, Fables, livre I, 2 (1668)*',
    ]),
    quizStep(
      'q-cheese',
      'single',
      'Pourquoi le Corbeau laisse-t-il tomber son fromage ?',
      {
        sing: 'Il ouvre le bec pour montrer sa belle voix.',
        share: 'Il veut partager avec le Renard.',
        heavy: 'Le fromage est trop lourd.',
      },
      ['sing'],
    ),
    quizStep(
      'q-flatterer',
      'short',
      'Complète la morale : « Apprenez que tout … vit aux dépens de celui qui l’écoute. »',
      {},
      ['flatteur'],
    ),
    freeTextStep(
      'moral',
      'Explique la morale avec tes mots, puis raconte une situation où quelqu’un pourrait te flatter pour obtenir quelque chose.',
      2000,
    ),
  ]);
}
