import { describe, expect, it, vi } from 'vitest';
import { saveAttachment, getAttachment } from '../../../src/store/attachments.ts';
import { openDb } from '../../../src/store/db.ts';
import { getDraft, listDrafts, saveDraft } from '../../../src/store/drafts.ts';
import { getHandedIn, handIn, listHandedIn } from '../../../src/store/hand-in.ts';
import { getLesson, listLessons, upsertFromManifest } from '../../../src/store/lessons.ts';
import { setClockOffset } from '../../../src/store/meta.ts';
import {
  acknowledge,
  listOutbox,
  markNeedsAttention,
  markRelink,
  reschedule,
} from '../../../src/store/outbox.ts';
import { getProfile, listProfiles, removeProfile, saveProfile } from '../../../src/store/profiles.ts';
import type { Draft, LessonRecord } from '../../../src/store/records.ts';
import { lessonWorkState } from '../../../src/store/work-status.ts';
import { eachFreshDevice, linkedProfile } from '../client/support/device.ts';
import { publishLesson } from '../client/support/lesson-fixtures.ts';

const lesson: Pick<LessonRecord, 'lessonId' | 'version'> = { lessonId: 'fractions', version: 1 };
const answers = { q1: { kind: 'text' as const, text: 'trois quarts' } };

function draftFor(profileId: string, lessonId = 'fractions'): Draft {
  return {
    profileId,
    lessonId,
    lessonVersion: 1,
    answers,
    stepIndex: 2,
    updatedAt: '2021-04-06T08:10:00.000Z',
  };
}

eachFreshDevice();

describe('profiles', () => {
  it('keep siblings apart: removing one leaves the other’s outbox and drafts intact', async () => {
    const lea = await linkedProfile('lea');
    const tom = await linkedProfile('tom', { joinedAt: '2021-04-02T08:00:00.000Z' });
    await saveDraft(draftFor(lea.id, 'conjugaison'));
    await saveDraft(draftFor(tom.id, 'conjugaison'));
    await handIn(lea, lesson, answers);
    const tomsWork = await handIn(tom, lesson, answers);
    // Léa's work is acknowledged; her draft is offered for export first, then she may go.
    for (const item of await listOutbox(lea.id)) await acknowledge(item.id, '2021-04-06T09:00:00.000Z');

    expect(await removeProfile(lea.id)).toEqual({ removed: false, unsentWork: 0, drafts: 1 });
    expect(await removeProfile(lea.id, { force: true })).toEqual({ removed: true });

    expect((await listProfiles()).map((p) => p.id)).toEqual([tom.id]);
    expect(await listOutbox(tom.id)).toHaveLength(1);
    expect((await listOutbox())[0]?.id).toBe(tomsWork.submission.id);
    expect(await getDraft(tom.id, 'conjugaison')).toBeDefined();
    expect(await getDraft(lea.id, 'conjugaison')).toBeUndefined();
    expect(await listHandedIn(lea.id)).toEqual([]);
    expect(await listHandedIn(tom.id)).toHaveLength(1);
  });

  it('refuse to remove a profile with unsent work, unless forced', async () => {
    const lea = await linkedProfile('lea');
    await handIn(lea, lesson, answers);

    expect(await removeProfile(lea.id)).toEqual({ removed: false, unsentWork: 1 });
    expect(await getProfile(lea.id)).toBeDefined();
    expect(await listOutbox(lea.id)).toHaveLength(1);

    expect(await removeProfile(lea.id, { force: true })).toEqual({ removed: true });
    expect(await getProfile(lea.id)).toBeUndefined();
    expect(await listOutbox()).toEqual([]);
  });

  it('re-linking releases work parked by a 401', async () => {
    const lea = await linkedProfile('lea');
    const record = await handIn(lea, lesson, answers);
    await markRelink(lea.id);
    expect((await getProfile(lea.id))?.link).toBe('relink');
    expect((await getHandedIn(record.submission.id))?.state).toBe('relink');

    await saveProfile({ ...lea, token: 'new-token'.padEnd(40, 'y'), link: 'ok' });
    const [item] = await listOutbox(lea.id);
    expect(item?.state).toBe('waiting');
    expect((await getHandedIn(record.submission.id))?.state).toBe('waiting');
  });
});

describe('handIn', () => {
  it('writes the pupil’s copy and the outbox item and deletes the draft, together', async () => {
    const lea = await linkedProfile('lea');
    await setClockOffset(lea.id, 60_000);
    await saveDraft(draftFor(lea.id));

    const record = await handIn(lea, lesson, answers, Date.parse('2021-04-06T08:30:00Z'));

    expect(record.state).toBe('waiting');
    expect(record.submission).toMatchObject({
      lessonId: 'fractions',
      lessonVersion: 1,
      answers,
      handedInAt: '2021-04-06T08:31:00.000Z',
    });
    expect(record.submission.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getHandedIn(record.submission.id)).toEqual(record);
    expect(await listOutbox(lea.id)).toEqual([
      { id: record.submission.id, profileId: lea.id, attempts: 0, nextAttemptAt: 0, state: 'waiting' },
    ]);
    expect(await getDraft(lea.id, 'fractions')).toBeUndefined();
  });

  it('is atomic: if one write fails, nothing is written and the draft stays', async () => {
    const lea = await linkedProfile('lea');
    await saveDraft(draftFor(lea.id));
    // An outbox entry already holds this UUID: the pupil's copy would be written first,
    // then the outbox write fails — the transaction must take the copy back too.
    const uuid = '6a1f9c2e-4b7d-4e8a-9c3f-2d5b8e7a1c40';
    await (
      await openDb()
    ).put('outbox', { id: uuid, profileId: 'someone-else', attempts: 0, nextAttemptAt: 0, state: 'waiting' });
    vi.spyOn(crypto, 'randomUUID').mockReturnValue(uuid);

    await expect(handIn(lea, lesson, answers)).rejects.toThrow();

    expect(await getHandedIn(uuid)).toBeUndefined();
    expect(await listHandedIn(lea.id)).toEqual([]);
    expect(await listOutbox(lea.id)).toEqual([]);
    expect(await getDraft(lea.id, 'fractions')).toBeDefined();
  });
});

describe('outbox queue', () => {
  it('acknowledge removes the item, marks the copy delivered and frees attachment bytes nobody needs', async () => {
    const lea = await linkedProfile('lea');
    const photo = await saveAttachment(lea.id, new Uint8Array([1, 2, 3]).buffer, 'image/jpeg');
    const shared = await saveAttachment(lea.id, new Uint8Array([4, 5, 6]).buffer, 'image/jpeg');
    const attachment = (sha: string) => ({
      kind: 'attachment' as const,
      blob: sha,
      mime: 'image/jpeg',
      size: 3,
    });
    const record = await handIn(lea, lesson, { p: attachment(photo.sha256), s: attachment(shared.sha256) });
    await saveDraft({ ...draftFor(lea.id, 'sciences'), answers: { s: attachment(shared.sha256) } });

    await acknowledge(record.submission.id, '2021-04-06T09:00:00.000Z');

    expect(await listOutbox()).toEqual([]);
    expect(await getHandedIn(record.submission.id)).toMatchObject({
      state: 'delivered',
      receivedAt: '2021-04-06T09:00:00.000Z',
    });
    expect(await getAttachment(lea.id, photo.sha256)).toBeUndefined();
    expect(await getAttachment(lea.id, shared.sha256)).toBeDefined();
  });

  it('reschedule counts the attempt; needs attention keeps the item and says why', async () => {
    const lea = await linkedProfile('lea');
    const record = await handIn(lea, lesson, answers);
    await reschedule(record.submission.id, { nextAttemptAt: 5000, lastError: 'http_503' });
    expect((await listOutbox())[0]).toMatchObject({
      attempts: 1,
      nextAttemptAt: 5000,
      lastError: 'http_503',
      state: 'waiting',
    });

    await markNeedsAttention(record.submission.id, 'lesson_closed', 'The lesson is closed');
    expect((await listOutbox())[0]).toMatchObject({
      attempts: 2,
      lastError: 'lesson_closed',
      lastErrorMessage: 'The lesson is closed',
      state: 'needsAttention',
    });
    expect((await getHandedIn(record.submission.id))?.state).toBe('needsAttention');
  });
});

describe('lessonWorkState', () => {
  it('follows the pupil’s work from not started to handed in', async () => {
    const lea = await linkedProfile('lea');
    expect(await lessonWorkState(lea.id, 'fractions')).toEqual({ kind: 'notStarted' });

    await saveDraft(draftFor(lea.id));
    expect(await lessonWorkState(lea.id, 'fractions')).toEqual({
      kind: 'saved',
      updatedAt: '2021-04-06T08:10:00.000Z',
    });

    const record = await handIn(lea, lesson, answers);
    expect(await lessonWorkState(lea.id, 'fractions')).toEqual({
      kind: 'waiting',
      nextAttemptAt: 0,
      attempts: 0,
    });

    await reschedule(record.submission.id, { nextAttemptAt: 9000, lastError: 'network' });
    expect(await lessonWorkState(lea.id, 'fractions')).toEqual({
      kind: 'waiting',
      nextAttemptAt: 9000,
      attempts: 1,
      lastError: 'network',
    });

    await markNeedsAttention(record.submission.id, 'too_large');
    expect(await lessonWorkState(lea.id, 'fractions')).toEqual({
      kind: 'needsAttention',
      reason: 'too_large',
    });

    await markRelink(lea.id);
    expect(await lessonWorkState(lea.id, 'fractions')).toEqual({ kind: 'relink' });

    await acknowledge(record.submission.id, '2021-04-06T09:00:00.000Z');
    expect(await lessonWorkState(lea.id, 'fractions')).toEqual({
      kind: 'handedIn',
      receivedAt: '2021-04-06T09:00:00.000Z',
    });
  });

  it('never shows a sibling’s work', async () => {
    const lea = await linkedProfile('lea');
    const tom = await linkedProfile('tom');
    await handIn(lea, lesson, answers);
    expect(await lessonWorkState(tom.id, 'fractions')).toEqual({ kind: 'notStarted' });
    expect(await listDrafts(tom.id)).toEqual([]);
  });
});

describe('lessons from the manifest', () => {
  it('deletes withdrawn lessons nobody worked on and keeps (marked) those with work', async () => {
    const lea = await linkedProfile('lea');
    const a = await publishLesson('a');
    const b = await publishLesson('b');
    const c = await publishLesson('c');
    await upsertFromManifest(lea.id, [a.entry, b.entry, c.entry]);
    await saveDraft(draftFor(lea.id, 'b'));

    await upsertFromManifest(lea.id, [c.entry]);

    expect(await getLesson(lea.id, 'a')).toBeUndefined();
    expect(await getLesson(lea.id, 'b')).toMatchObject({ withdrawn: true });
    expect((await listLessons(lea.id)).map((l) => l.lessonId).sort()).toEqual(['b', 'c']);

    await upsertFromManifest(lea.id, [b.entry, c.entry]);
    expect((await getLesson(lea.id, 'b'))?.withdrawn).toBeUndefined();
  });

  it('keeps each lesson’s place in its sequence, and none for an older server’s entry', async () => {
    const lea = await linkedProfile('lea');
    const a = await publishLesson('a');
    const b = await publishLesson('b');
    const sequence = { id: 'fractions', title: 'Les fractions', position: 2, count: 5 };
    await upsertFromManifest(lea.id, [{ ...a.entry, sequence }, b.entry]);
    expect((await getLesson(lea.id, 'a'))?.sequence).toEqual(sequence);
    expect((await getLesson(lea.id, 'b'))?.sequence).toBeNull();
    // Taken out of the sequence on the server: the next manifest says so.
    await upsertFromManifest(lea.id, [{ ...a.entry, sequence: null }, b.entry]);
    expect((await getLesson(lea.id, 'a'))?.sequence).toBeNull();
  });
});
