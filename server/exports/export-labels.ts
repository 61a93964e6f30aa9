/**
 * The words of an export, in the teacher's language (`?lang=fr|en`, French by default): a
 * spreadsheet opened in a French school reads "Élève;Leçon;…;oui", not "Pupil;…;yes".
 */
export type ExportLanguage = 'fr' | 'en';

const LABELS = {
  fr: {
    columns: ['Élève', 'Leçon', 'Version', 'Rendu le', 'Reçu le', 'En retard', 'Score', 'Réponses'],
    yes: 'oui',
    no: 'non',
    photo: 'photo',
    recording: 'enregistrement',
  },
  en: {
    columns: ['Pupil', 'Lesson', 'Version', 'Handed in at', 'Received at', 'Late', 'Score', 'Answers'],
    yes: 'yes',
    no: 'no',
    photo: 'photo',
    recording: 'recording',
  },
} as const;

export type ExportLabels = (typeof LABELS)[ExportLanguage];

/** The language a request asks for; French unless it says English. */
export function exportLanguage(requested: string | undefined): ExportLanguage {
  return requested?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function exportLabels(language: ExportLanguage): ExportLabels {
  return LABELS[language];
}
