/** The sentence a pupil reads after pressing "Mettre à jour" or "Envoyer maintenant". */
import type { SyncReport } from '../app/sync-report.ts';
import { t } from '../app/i18n.ts';

/** After "Mettre à jour": what arrived, what left, or why nothing could. */
export function syncReportText(report: SyncReport): string {
  if (report.relink) return t('stateRelink');
  if (report.unreachable) return withWaiting(t('reportUnreachable'), report);
  if (report.serverError) return withWaiting(t('reportServerError'), report);
  const news = [
    report.lessonsAdded > 0 && t('reportNewLessons', { count: report.lessonsAdded }),
    report.feedbackAdded > 0 && t('reportNewFeedback', { count: report.feedbackAdded }),
    report.delivered > 0 && t('reportSent', { count: report.delivered }),
  ].filter((part): part is string => typeof part === 'string');
  const problems = [
    report.quotaExceeded && t('downloadErrorQuota'),
    report.notDownloaded > 0 && t('reportNotDownloaded', { count: report.notDownloaded }),
  ].filter((part): part is string => typeof part === 'string');
  const done = news.length > 0 ? t('reportDone', { what: news.join(', ') }) : t('reportNothingNew');
  return withWaiting([done, ...problems].join(' '), report);
}

/** After "Envoyer maintenant": sent, still waiting (and why), or nothing to send. */
export function sendReportText(report: SyncReport): string {
  if (report.relink) return t('stateRelink');
  if (report.pendingBefore === 0) return t('reportNothingToSend');
  const parts: string[] = [];
  if (report.delivered > 0) parts.push(t('reportSentNow', { count: report.delivered }));
  if (report.waiting > 0)
    parts.push(
      t(report.unreachable ? 'reportSendUnreachable' : 'reportSendLater', { count: report.waiting }),
    );
  if (report.needsAttention > 0) parts.push(t('reportSendAttention', { count: report.needsAttention }));
  return parts.length > 0 ? parts.join(' ') : t('reportNothingToSend');
}

function withWaiting(text: string, report: SyncReport): string {
  return report.waiting > 0 ? `${text} ${t('workWaiting', { count: report.waiting })}.` : text;
}
