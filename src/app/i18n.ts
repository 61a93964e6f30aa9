/**
 * UI text, French first (the users are French pupils), English available.
 * Keys are typed: a missing translation is a compile error, not a blank button.
 */
import { signal } from '@preact/signals';
import { schoolDate } from '../../protocol/school-time.ts';
import { formatMessage } from './format-message.ts';
import { dayName, localDate, localTime } from './local-time.ts';

const fr = {
  appName: 'Cartable',
  skipToContent: 'Aller au contenu',
  offlineBanner: 'Hors connexion : ton travail est enregistré sur cet appareil.',
  language: 'Langue',
  // Join
  todayAt: 'aujourd’hui à {time}',
  tomorrowAt: 'demain à {time}',
  yesterdayAt: 'hier à {time}',
  dayAt: '{day} à {time}',
  joinTitle: 'Rejoindre ma classe',
  joinIntro: 'Tape le code que ton professeur t’a donné.',
  joinCodeLabel: 'Mon code',
  joinCodeHint: '9 lettres ou chiffres, par exemple ABC-DEF-GHJ',
  joinButton: 'Rejoindre',
  joining: 'Connexion…',
  joinErrorBadCode: 'Ce code n’a pas la bonne forme. Vérifie les lettres et les chiffres.',
  joinErrorEmpty: 'Tape ton code dans la case : {expected} lettres ou chiffres.',
  joinErrorTooShort:
    'Ton code a {length} {length:caractère|caractères} : il en faut {expected}. Regarde s’il en manque.',
  joinErrorTooLong:
    'Ton code a {length} caractères : il en faut {expected}. Regarde si tu en as tapé un de trop.',
  joinErrorNotInCodes:
    '« {character} » n’est dans aucun code (il n’y a jamais de O, de 0, de I, de 1 ni de L). Regarde bien ce caractère.',
  joinErrorUnknownCode:
    'Aucun élève n’a ce code. Vérifie chaque lettre et chaque chiffre, un par un, avec le code de ton professeur.',
  joinErrorExpiredCode:
    'Ce code ne marche plus : ton professeur l’a remplacé par un nouveau. Demande-lui ton nouveau code.',
  joinErrorClassArchived:
    'Cette classe est archivée : son code ne sert plus. Demande à ton enseignant ou à ton enseignante le code de ta classe de cette année.',
  joinErrorRateLimited: 'Trop d’essais. Attends {minutes} min avant de réessayer.',
  joinErrorNetwork: 'Impossible de joindre le serveur de l’école. Vérifie la connexion et réessaie.',
  joinErrorServer: 'Le serveur de l’école ne répond pas bien. Réessaie dans quelques minutes.',
  // Download
  downloadTitle: 'Je télécharge tes leçons',
  downloadProgress: '{done} sur {total} — {ready} {ready:leçon prête|leçons prêtes} sur {lessons}',
  allReady: 'Tout est prêt, même sans connexion.',
  offlineUnavailable:
    'À cette adresse, tes leçons ne restent pas sur l’appareil sans connexion : il faut une adresse qui commence par https://. Demande-la à l’école.',
  // Lesson list
  hello: 'Bonjour {name}',
  classLabel: 'Classe : {name}',
  sectionToday: 'À faire',
  sectionUpcoming: 'À venir',
  sectionHandedIn: 'Rendues',
  noLessonsToday: 'Rien à faire pour le moment.',
  noLessonsUpcoming: 'Aucune leçon prévue.',
  // Sequences and the week
  seanceOf: '{title} — séance {position} sur {count}',
  sequenceHeading: 'Séquence : {title}',
  weekSeance: '{lesson} ({sequence} — séance {position} sur {count})',
  weekTitle: 'Cette semaine',
  weekOpens: 'S’ouvre à {time} : {title}',
  weekOpened: 'Ouverte depuis {time} : {title}',
  weekDue: 'À rendre avant {time} : {title}',
  weekHandedIn: 'Rendu : {title}',
  weekNothing: 'Rien cette semaine.',
  noLessonsHandedIn: 'Tu n’as encore rien rendu.',
  opensAt: 'Ouvre {date}',
  dueAt: 'À rendre {date}',
  overdue: 'Pas rendu, en retard : c’était à rendre {date}',
  handedInOn: 'Rendu {date}',
  handedInLate: 'Rendu en retard, {date} (à rendre {due})',
  readyOffline: 'Prête hors connexion',
  readyOnlineOnly: 'Prête (en ligne seulement)',
  downloading: 'Téléchargement…',
  notDownloaded: 'Pas encore téléchargée',
  downloadError: 'Problème de téléchargement',
  downloadErrorHashMismatch: 'Fichier abîmé : il sera téléchargé à nouveau.',
  downloadErrorQuota: 'Plus de place sur l’appareil. Libère de l’espace puis réessaie.',
  lastSync: 'Dernière mise à jour : {date}',
  neverSynced: 'Pas encore synchronisé',
  syncNow: 'Mettre à jour',
  syncing: 'Mise à jour…',
  // Work state
  stateNotStarted: 'Pas commencée',
  stateSaved: 'Enregistré sur cet appareil',
  stateWaiting: 'En attente du réseau',
  stateWaitingNext: 'En attente du réseau — prochain essai {date}',
  stateHandedIn: 'Rendu',
  profileNeedsRelink: 'à relier',
  stateNeedsAttention: 'À vérifier : {reason}',
  stateRelink: 'Appareil à relier de nouveau',
  // Why the server refused work (from its code; the server's own text is English)
  refusedUnreadable:
    'le serveur n’a pas pu lire ce travail. Réessaie ; sinon, exporte-le pour ton professeur.',
  refusedConflict: 'un autre travail porte déjà ce numéro. Exporte-le pour ton professeur.',
  refusedFileType: 'ce fichier n’est pas accepté : il faut une photo ou un son.',
  refusedTooLarge: 'ce fichier est trop gros pour le serveur.',
  refusedQuota: 'ta place sur le serveur est pleine. Préviens ton professeur.',
  refusedMissingFile: 'une photo ou un son n’est pas arrivé. Réessaie.',
  refusedUnknownLesson: 'cette leçon n’est plus sur le serveur. Exporte ton travail pour ton professeur.',
  refusedBusy: 'le serveur est occupé. Ton travail partira plus tard.',
  refusedOther: 'le serveur a refusé ce travail ({code}).',
  // Player
  stepOf: 'Étape {n} sur {total}',
  previous: 'Précédent',
  next: 'Suivant',
  backToList: 'Mes leçons',
  check: 'Vérifier',
  correct: 'Bravo, c’est juste !',
  incorrect: 'Ce n’est pas tout à fait ça.',
  correctAnswerIs: 'La bonne réponse : {answer}',
  correctionHidden: 'Ton professeur corrigera cette réponse.',
  yourAnswer: 'Ta réponse',
  answerLength: '{count} / {max} {max:caractère|caractères}',
  answerNearLimit: 'Tu approches de la limite : {max} caractères au plus.',
  answerAtLimit: 'Limite atteinte : ta réponse a {max} caractères, rien de plus ne peut être ajouté.',
  answerPasteCut:
    'Texte trop long : {dropped} {dropped:caractère n’a|caractères n’ont} pas été {dropped:ajouté|ajoutés}, à la fin de ce que tu as collé. Une réponse a {max} caractères au plus.',
  saved: 'Enregistré',
  saveFailed:
    'Ta dernière modification n’est pas encore enregistrée sur l’appareil. Elle reste affichée et Cartable réessaie : ne ferme pas cette page.',
  newerVersionElsewhere:
    'Une nouvelle version de Cartable est ouverte dans un autre onglet. Ton travail est enregistré ; recharge cette page pour continuer avec elle.',
  reloadNow: 'Recharger',
  handIn: 'Rendre mon travail',
  handInConfirm: 'Rendre ce travail ? Tu ne pourras plus le modifier.',
  handInYes: 'Oui, je rends',
  handInNo: 'Pas encore',
  handedInTitle: 'Travail rendu',
  handedInWaiting: 'Ton travail est enregistré. Il partira tout seul dès que le serveur répondra.',
  handedInElsewhere: 'Rendu {date} depuis un autre appareil. Tes réponses sont restées sur cet appareil-là.',
  handedInElsewhereLate:
    'Rendu en retard, {date} (à rendre {due}), depuis un autre appareil. Tes réponses sont restées sur cet appareil-là.',
  lessonLocked: 'Cette leçon ouvre {date}.',
  lessonNotReady: 'Cette leçon n’est pas encore téléchargée.',
  lessonMissing: 'Leçon introuvable.',
  mediaMissing: 'Ce média n’est pas disponible sur cet appareil.',
  feedbackTitle: 'Message de ton professeur',
  feedbackNew: 'Nouveau',
  feedbackUnreadBadge: 'Nouveau message du professeur',
  unreadFeedbackCount: '{count} {count:nouveau message|nouveaux messages} de ton professeur :',
  screenLoadFailed: 'Cette page n’a pas pu s’ouvrir. Reconnectez-vous au réseau, puis rechargez la page.',
  teacherLoadFailed:
    'L’espace enseignant n’a pas pu se charger. Reconnectez-vous au réseau puis rechargez la page.',
  // Photo and recording steps
  photoOpenCamera: 'Ouvrir l’appareil photo',
  photoTake: 'Prendre la photo',
  photoRetake: 'Reprendre la photo',
  photoCloseCamera: 'Fermer l’appareil photo',
  photoCamera: 'Image de l’appareil photo',
  photoChooseFile: 'Ou choisir une photo',
  photoProcessing: 'Je prépare la photo…',
  photoSaved: 'Photo enregistrée sur cet appareil',
  photoYours: 'Ta photo',
  photoCameraError: 'L’appareil photo n’est pas disponible. Choisis une photo avec le bouton ci-dessous.',
  photoFileError: 'Cette image ne s’ouvre pas. Essaie une autre photo.',
  recordStart: 'Enregistrer',
  recordStop: 'Arrêter',
  recordAgain: 'Recommencer l’enregistrement',
  recordRemaining: 'Encore {seconds} s',
  recordSaved: 'Enregistrement gardé sur cet appareil',
  recordYours: 'Ton enregistrement',
  recordMicError: 'Le micro n’est pas disponible. Vérifie l’autorisation du micro.',
  recordNotSupported: 'Cet appareil ne sait pas enregistrer le son.',
  // Status
  deviceStatus: 'État de l’appareil',
  storagePersisted: 'Stockage protégé : oui',
  storageNotPersisted: 'Stockage protégé : non (le navigateur pourrait effacer les leçons)',
  storageUsage: 'Espace utilisé : {usage} sur {quota}',
  outboxTitle: 'Travaux à envoyer',
  outboxEmpty: 'Rien en attente.',
  sendNow: 'Envoyer maintenant',
  exportWork: 'Exporter',
  relinkPrompt:
    'Cet appareil n’est plus relié à ta classe. Ton travail est gardé. Demande un nouveau code à ton professeur.',
  updateAvailable: 'Une nouvelle version de Cartable est prête.',
  updateNow: 'Mettre à jour',
  profiles: 'Élèves sur cet appareil',
  addProfile: 'Ajouter un élève',
  switchProfile: 'Changer d’élève',
  // Sync truth, data saver, profiles (issue 3)
  downloadMissing: 'Fichiers manquants ({count}) : ils reviendront à la prochaine connexion.',
  missingSummary:
    '{count} {count:leçon incomplète|leçons incomplètes} sur cet appareil : {count:elle sera réparée|elles seront réparées} à la prochaine connexion.',
  mediaOnDemand: 'Média non téléchargé ({size})',
  mediaDownload: 'Télécharger ({size})',
  mediaDownloading: 'Téléchargement… {done} sur {total}',
  mediaDownloadFailed: 'Le téléchargement n’a pas marché. Réessaie plus tard.',
  dataSaverTitle: 'Données mobiles',
  dataSaverAlways: 'Tout télécharger automatiquement',
  dataSaverAskFirst: 'Wi-Fi seulement / demander d’abord',
  dataSaverHint: 'Les fichiers de plus de 5 Mo ou facultatifs attendent qu’on les demande, sauf en Wi-Fi.',
  dataSaverOn:
    'L’économiseur de données du navigateur est activé : les gros fichiers attendent qu’on les demande.',
  retryWork: 'Réessayer',
  workExported: '{count} {count:travail exporté|travaux exportés} dans un fichier.',
  profileRemove: 'Retirer de cet appareil',
  profileRemoveConfirm: 'Retirer {name} de cet appareil ? Ses leçons seront effacées de l’appareil.',
  profileRemoveUnsent:
    '{name} a {count} {count:travail pas encore envoyé. Exporte-le|travaux pas encore envoyés. Exporte-les} d’abord pour ne rien perdre.',
  profileRemoveDrafts:
    '{name} a {count} {count:travail commencé et pas encore rendu. Exporte-le|travaux commencés et pas encore rendus. Exporte-les} d’abord pour ne rien perdre.',
  profileRemoveYes: 'Oui, retirer',
  profileRemoveAnyway: 'Retirer (le travail est exporté)',
  cancel: 'Annuler',
  // Truthful status at a glance (issue 10)
  serverUnreachableBanner:
    'Hors connexion : le serveur de l’école ne répond pas. Ton travail est enregistré sur cet appareil.',
  lessonsOnDevice: '{count} {count:leçon prête|leçons prêtes} sur cet appareil.',
  workWaiting: '{count} {count:travail attend|travaux attendent} le réseau',
  workNeedsAttention: '{count} {count:travail à vérifier|travaux à vérifier}',
  seeWorkToSend: 'Voir les travaux à envoyer',
  sending: 'Envoi…',
  reportUnreachable:
    'Le serveur de l’école ne répond pas : les leçons et ton travail restent sur cet appareil.',
  reportServerError: 'Le serveur de l’école a un problème. Réessaie dans quelques minutes.',
  reportNothingNew: 'C’est à jour : rien de nouveau.',
  reportDone: 'Mis à jour : {what}.',
  reportNewLessons: '{count} {count:nouvelle leçon|nouvelles leçons}',
  reportNewFeedback: '{count} {count:nouveau message|nouveaux messages} de ton professeur',
  reportSent: '{count} {count:travail envoyé|travaux envoyés}',
  reportNotDownloaded:
    '{count} {count:leçon n’a|leçons n’ont} pas pu être {count:téléchargée|téléchargées} : nouvel essai à la prochaine mise à jour.',
  reportNothingToSend: 'Rien à envoyer : tout ton travail est arrivé.',
  reportSentNow: 'Envoyé : {count} {count:travail est arrivé|travaux sont arrivés} chez ton professeur.',
  reportSendUnreachable:
    'Le serveur de l’école ne répond pas : {count} {count:travail attend|travaux attendent} encore le réseau. {count:Il partira|Ils partiront} tout {count:seul|seuls} dès qu’il répondra.',
  reportSendLater:
    '{count} {count:travail n’a|travaux n’ont} pas pu partir : Cartable réessaiera tout seul dans un moment.',
  reportSendAttention: '{count} {count:travail est|travaux sont} à vérifier ci-dessous.',
  iosHint:
    'Sur iPhone et iPad, ajoute Cartable à l’écran d’accueil (bouton Partager, puis « Sur l’écran d’accueil ») : sinon Safari efface les leçons après 7 jours sans visite.',
  // Files for families without a connection (issue 12)
  openLessonsFile: 'Ouvrir un fichier de leçons',
  lessonsFileHint: 'Pas de connexion ? Ton professeur peut te donner un fichier de leçons (.cartable).',
  lessonsFileDrop: 'Ou dépose le fichier ici.',
  lessonsFileOpening: 'Vérification du fichier…',
  lessonsFileOpened:
    '{added} {added:leçon ajoutée|leçons ajoutées}, {updated} {updated:mise à jour|mises à jour}, {unchanged} déjà là.',
  lessonsFile_not_cartable_file: 'Ce fichier n’est pas un fichier de leçons Cartable.',
  lessonsFile_wrong_file_kind: 'C’est un fichier de travail, pas un fichier de leçons.',
  lessonsFile_wrong_file_version:
    'Ce fichier vient d’une autre version de Cartable : demande un nouveau fichier.',
  lessonsFile_file_tampered:
    'Ce fichier a été abîmé en route : rien n’a été enregistré. Demande un nouveau fichier.',
  lessonsFile_file_truncated:
    'Ce fichier est incomplet : rien n’a été enregistré. Demande un nouveau fichier.',
  lessonsFile_not_enough_space:
    'Pas assez de place : il faut {needed}, il reste {free}. Rien n’a été enregistré.',
  lessonsFile_no_storage: 'Ce navigateur ne peut pas garder de leçons ici.',
  saveWorkFile: 'Enregistrer mon travail dans un fichier',
  workFileHint: 'Donne ce fichier à ton professeur : il recevra ton travail une seule fois.',
  workFileSaved: '{count} {count:travail enregistré|travaux enregistrés} dans un fichier de {size}.',
  workFileNothing: 'Aucun travail à enregistrer : tout est déjà arrivé.',
  workFileMissingPhoto: 'Une photo ou un enregistrement manque sur cet appareil : fichier non créé.',
  notLinkedYet:
    'Cet appareil se reliera tout seul au serveur dès qu’il aura du réseau. Ton travail attend ici.',
} as const;

export type MessageKey = keyof typeof fr;
export type Dictionary = Record<MessageKey, string>;

export type Locale = 'fr' | 'en';
// English is its own chunk (precached like the rest): most pupils never need it, and it was a
// third of the words in every device's first download (issue 14, target 5).
const dictionaries: Partial<Record<Locale, Dictionary>> = { fr };
const LOCALE_KEY = 'cartable.locale';

function savedLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(LOCALE_KEY);
  return saved === 'en' || saved === 'fr' ? saved : 'fr';
}

/** Loads a locale's words if they are not here yet. */
async function loadLocale(which: Locale): Promise<void> {
  if (!dictionaries[which]) dictionaries[which] = (await import('./i18n-en.ts')).en;
}

/** The current locale; French unless the family chose English (see startLocale). */
export const locale = signal<Locale>('fr');

/** Switch language and remember it on this device (once its words are loaded). */
export async function setLocale(next: Locale): Promise<void> {
  await loadLocale(next);
  locale.value = next;
  globalThis.localStorage?.setItem(LOCALE_KEY, next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** The language this device was left in, before the first screen. */
export function startLocale(): Promise<void> {
  return setLocale(savedLocale());
}

/** Translate a key, filling its placeholders and plurals. Reading `locale` makes components re-render on change. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return formatMessage((dictionaries[locale.value] ?? fr)[key], params, locale.value);
}

/**
 * Date formatters by language, zone and style, for dates on the school's clocks (the teacher's
 * screens). Building an Intl.DateTimeFormat costs far more than using one.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: string, timeZone: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${language} ${timeZone} ${withDay}`;
  let format = dateFormats.get(key);
  if (!format) {
    const day = withDay ? ({ weekday: 'long', day: 'numeric', month: 'long' } as const) : {};
    format = new Intl.DateTimeFormat(language, { ...day, hour: '2-digit', minute: '2-digit', timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * "mardi 24 novembre à 08:30" — dates as a French pupil reads them, on the device's clocks (no
 * Intl: see local-time.ts), or on the school's when a time zone is given (the teacher's screens).
 */
export function formatDateTime(iso: string | number, now: number = Date.now(), timeZone?: string): string {
  const date = new Date(iso);
  const dayOf = (at: Date | number) => (timeZone ? schoolDate(at, timeZone) : localDate(at));
  // Children read "demain à 08:30" more easily than a full date: name the nearby days.
  const nearby = { [-1]: 'yesterdayAt', 0: 'todayAt', 1: 'tomorrowAt' } as const;
  const days = (Date.parse(dayOf(date)) - Date.parse(dayOf(now))) / 86_400_000;
  const relative = nearby[days as -1 | 0 | 1];
  if (timeZone) {
    const language = locale.value === 'fr' ? 'fr-FR' : 'en-GB';
    if (relative) return t(relative, { time: dateFormat(language, timeZone, false).format(date) });
    return dateFormat(language, timeZone, true).format(date);
  }
  const time = localTime(date);
  if (relative) return t(relative, { time });
  return t('dayAt', { day: dayName(dayOf(date), locale.value), time });
}

/** "12,4 Mo" / "12.4 MB". */
export function formatBytes(bytes: number): string {
  const units = locale.value === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale.value === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits })} ${units[unit]}`;
}
