/**
 * A class's work to take away: a CSV of every submission (one row each:
 * pupil, lesson, version, dates, late, score, then each answer as text) and a
 * zip of the photos and recordings, <pupil>/<lesson>/<sha256>.<ext>.
 */
import { Hono } from 'hono';
import { ZipPassThrough } from 'fflate';
import type { Kysely } from 'kysely';
import type { Answer } from '../../../protocol/answers.ts';
import type { LessonPack } from '../../../protocol/lesson-pack.ts';
import type { BlobStore } from '../../blobs/store.ts';
import type { Database } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { attachmentPath, folderName } from '../../exports/attachment-path.ts';
import { csvDocument } from '../../exports/csv.ts';
import { zipStream } from '../../exports/zip-stream.ts';
import { readableAnswers } from '../../exports/readable-answers.ts';
import { classWork, type HandedInWork } from '../../lessons/class-work.ts';
import { readPack } from '../../lessons/versions.ts';
import type { AppEnv } from '../../security/auth.ts';
import { notYours, ownedClass } from '../../security/ownership.ts';
import { perTeacher, requestLimit } from '../../security/request-limit.ts';
import { DEFAULT_SCHOOL_TIME_ZONE, schoolDateTimeText } from '../../../protocol/school-time.ts';
import { apiError } from '../../http/json.ts';
import { exportLabels, exportLanguage } from '../../exports/export-labels.ts';

type AttachmentAnswer = Extract<Answer, { kind: 'attachment' }>;

/** Detected types of the attachments (the declared type in an answer is the device's word only). */
async function storedMimes(db: Kysely<Database>, work: HandedInWork[]): Promise<Map<string, string>> {
  const shas = [
    ...new Set(
      work.flatMap((w) => Object.values(w.answers).flatMap((a) => (a.kind === 'attachment' ? [a.blob] : []))),
    ),
  ];
  if (shas.length === 0) return new Map();
  const rows = await db.selectFrom('blobs').select(['sha256', 'mime']).where('sha256', 'in', shas).execute();
  return new Map(rows.map((r) => [r.sha256, r.mime]));
}

/** Packs by "lesson@version", each read once. */
function packReader(db: Kysely<Database>, blobs: BlobStore) {
  const cache = new Map<string, Promise<LessonPack>>();
  return (lessonId: string, version: number): Promise<LessonPack> => {
    const key = `${lessonId}@${version}`;
    let pack = cache.get(key);
    if (!pack) {
      pack = db
        .selectFrom('lesson_versions')
        .select('pack_sha256')
        .where('lesson_id', '=', lessonId)
        .where('version', '=', version)
        .executeTakeFirstOrThrow()
        .then((row) => readPack(blobs, row.pack_sha256));
      cache.set(key, pack);
    }
    return pack;
  };
}

const attachmentsOf = (w: HandedInWork) =>
  Object.values(w.answers).filter((a): a is AttachmentAnswer => a.kind === 'attachment');

/** A download name for the class: its name made safe, with the extension. */
function downloadName(className: string, extension: string): string {
  const ascii = folderName(className)
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[";\\]/g, '_');
  return `attachment; filename="${ascii || 'class'}.${extension}"; filename*=UTF-8''${encodeURIComponent(folderName(className))}.${extension}`;
}

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherExportRoutes({
  db,
  blobs,
  timeZone = DEFAULT_SCHOOL_TIME_ZONE,
}: Pick<AppDeps, 'db' | 'blobs' | 'timeZone'>) {
  // Exports read every submission and file of a class: a few a minute is plenty for a person.
  const exportLimit = requestLimit({ limit: 10, windowMs: 60_000, key: perTeacher });
  return new Hono<AppEnv>()
    .get('/classes/:classId/export.csv', exportLimit, async (c) => {
      const schoolClass = await ownedClass(db, c.get('teacher').teacherId, c.req.param('classId'));
      if (!schoolClass) return notYours(c, 'class');
      const work = await classWork(db, schoolClass.id);
      const mimes = await storedMimes(db, work);
      const packOf = packReader(db, blobs);
      const labels = exportLabels(exportLanguage(c.req.query('lang')));
      const rows: (string | number | boolean | null)[][] = [[...labels.columns]];
      // Times as the screens show them: on the school's clocks, not in UTC.
      const at = (iso: string) => schoolDateTimeText(iso, timeZone);
      for (const w of work) {
        const answers = readableAnswers(
          await packOf(w.lessonId, w.lessonVersion),
          w.answers,
          (a) => attachmentPath(w.pupil.name, w.title, a.blob, mimes.get(a.blob) ?? a.mime),
          labels,
        );
        rows.push([
          w.pupil.name,
          w.title,
          w.lessonVersion,
          at(w.handedInAt),
          at(w.receivedAt),
          w.late ? labels.yes : labels.no,
          w.score ? `${w.score.correct}/${w.score.total}` : null,
          ...answers,
        ]);
      }
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', downloadName(schoolClass.name, 'csv'));
      c.header('Cache-Control', 'private, no-store');
      return c.body(csvDocument(rows));
    })
    .get('/classes/:classId/export.zip', exportLimit, async (c) => {
      const schoolClass = await ownedClass(db, c.get('teacher').teacherId, c.req.param('classId'));
      if (!schoolClass) return notYours(c, 'class');
      const work = await classWork(db, schoolClass.id);
      const mimes = await storedMimes(db, work);
      const files = new Map<string, string>();
      for (const w of work) {
        for (const a of attachmentsOf(w))
          files.set(attachmentPath(w.pupil.name, w.title, a.blob, mimes.get(a.blob) ?? a.mime), a.blob);
      }
      // An empty archive says nothing: tell the teacher there is nothing to put in one.
      if (files.size === 0)
        return apiError(
          c,
          404,
          'nothing_to_export',
          'No pupil has sent a photo or a recording in this class yet.',
        );

      // Streamed one file at a time: a class's photos and recordings need not fit in memory together.
      const body = zipStream(async (zip) => {
        for (const [path, sha256] of files) {
          const bytes = await blobs.read(sha256);
          if (!bytes) continue;
          // Photos and recordings are already compressed: stored as they are.
          const entry = new ZipPassThrough(path);
          zip.add(entry);
          entry.push(bytes, true);
        }
        zip.end();
      });
      c.header('Content-Type', 'application/zip');
      c.header('Content-Disposition', downloadName(schoolClass.name, 'zip'));
      c.header('Cache-Control', 'private, no-store');
      return c.body(body);
    });
}
