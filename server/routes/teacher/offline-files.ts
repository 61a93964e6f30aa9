/**
 * Files for families without a connection (issue 12): a pupil's lessons file to hand out
 * (its size first, then the file), and the import of a family's work file. One file per
 * pupil, never one for the whole class: each holds that pupil's join code, and a family must
 * get their own child's code and nobody else's (the class's pupil list offers each file).
 */
import { Hono, type Context } from 'hono';
import { OFFLINE_FILE_EXTENSION, OFFLINE_FILE_MIME } from '../../../protocol/offline-files.ts';
import type { LessonsFileSize, WorkFileImportResult } from '../../../protocol/teacher-api.ts';
import type { AppDeps } from '../../deps.ts';
import { folderName } from '../../exports/attachment-path.ts';
import { apiError } from '../../http/json.ts';
import { HTTP_LIMITS } from '../../http/limits.ts';
import { receivedBody } from '../../http/received-body.ts';
import { planLessonsFile, streamLessonsFile, type FamilyFileFor } from '../../offline-files/lessons-file.ts';
import { importWorkFile } from '../../offline-files/work-file-import.ts';
import { regenerateJoinCode } from '../../roster.ts';
import type { AppEnv } from '../../security/auth.ts';
import { formatJoinCode } from '../../security/join-codes.ts';
import { notYours, ownedPupil } from '../../security/ownership.ts';
import { perTeacher, requestLimit } from '../../security/request-limit.ts';
import { bodyAtMost } from '../../security/receive-body.ts';

/** Why a work file was refused, for the teacher (the screens word the code). */
const IMPORT_REFUSALS = {
  not_cartable_file: [422, 'This is not a Cartable work file.'],
  wrong_file_kind: [422, 'This is a Cartable file, but not a work file.'],
  wrong_file_version: [422, 'This work file was written in a format version this server does not read.'],
  file_tampered: [
    422,
    'Part of this work file differs from its list of contents: it was changed on the way.',
  ],
  file_truncated: [422, 'This work file is incomplete: it was cut short on the way.'],
  unknown_pupil: [404, 'This work file is for a pupil who is not on one of your class lists.'],
  unknown_lesson: [422, 'This work file answers a lesson version that is not published for the pupil.'],
  unsupported_type: [422, 'A photo or recording in this work file is not one Cartable accepts.'],
  conflict: [409, 'A submission id in this file was already used for different work; nothing was imported.'],
} as const;

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherOfflineFileRoutes({ db, blobs, now }: Pick<AppDeps, 'db' | 'blobs' | 'now'>) {
  // Each file reads every lesson file of a pupil, or writes a family's work: a person's pace.
  const fileLimit = requestLimit({ limit: 30, windowMs: 60_000, key: perTeacher });

  /** The pupil the route names, with their live join code (none: null), or a 404 answer. */
  const familyOf = async (c: Context<AppEnv>) => {
    const pupil = await ownedPupil(db, c.get('teacher').teacherId, c.req.param('pupilId') ?? '');
    if (!pupil) return null;
    const schoolClass = await db
      .selectFrom('classes')
      .select(['id', 'name'])
      .where('id', '=', pupil.class_id)
      .executeTakeFirstOrThrow();
    const at = now().toISOString();
    const live = await db
      .selectFrom('join_codes')
      .select('code')
      .where('pupil_id', '=', pupil.id)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
      .executeTakeFirst();
    return { pupil: { id: pupil.id, name: pupil.name }, class: schoolClass, code: live?.code ?? null };
  };

  return new Hono<AppEnv>()
    .get('/pupils/:pupilId/lessons-file/size', fileLimit, async (c) => {
      const family = await familyOf(c);
      if (!family) return notYours(c, 'pupil');
      // Only the size is read: no code is drawn for a file that may never be asked for.
      const joinCode = family.code ? formatJoinCode(family.code) : '';
      const target: FamilyFileFor = { ...family, joinCode, server: new URL(c.req.url).origin };
      const plan = await planLessonsFile(db, blobs, target, now());
      return c.json({ lessons: plan.manifest.lessons.length, bytes: plan.bytes } satisfies LessonsFileSize);
    })
    .get('/pupils/:pupilId/lessons-file', fileLimit, async (c) => {
      const family = await familyOf(c);
      if (!family) return notYours(c, 'pupil');
      // As the printed code sheet: the live code; a pupil created before codes were kept gets a new one.
      const code = family.code ?? (await regenerateJoinCode(db, family.pupil.id, now()));
      const target: FamilyFileFor = {
        ...family,
        joinCode: formatJoinCode(code),
        server: new URL(c.req.url).origin,
      };
      const plan = await planLessonsFile(db, blobs, target, now());
      const name = `${folderName(family.pupil.name)}${OFFLINE_FILE_EXTENSION}`;
      const ascii = name
        .normalize('NFD')
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/[";\\]/g, '_');
      c.header('Content-Type', OFFLINE_FILE_MIME);
      c.header(
        'Content-Disposition',
        `attachment; filename="${ascii || 'cartable.cartable'}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      c.header('Cache-Control', 'private, no-store');
      return c.body(streamLessonsFile(blobs, plan));
    })
    .post('/work-files', fileLimit, bodyAtMost(HTTP_LIMITS.workFileBytes), async (c) => {
      const result = await importWorkFile(db, blobs, c.get('teacher').teacherId, receivedBody(c), now());
      if (!result.ok) {
        const [status, message] = IMPORT_REFUSALS[result.error];
        const suffix = result.submissionId ? ` (submission ${result.submissionId})` : '';
        return apiError(c, status, result.error, `${message}${suffix}`);
      }
      c.header('Cache-Control', 'no-store');
      return c.json({ pupil: result.pupil, submissions: result.submissions } satisfies WorkFileImportResult);
    });
}
