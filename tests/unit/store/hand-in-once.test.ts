/** One hand-in per lesson attempt, however many clicks: the draft carries its attempt's submission id. */
import { beforeEach, describe, expect, it } from 'vitest';
import { getDraft, saveDraft } from '../../../src/store/drafts.ts';
import { handIn, listHandedIn } from '../../../src/store/hand-in.ts';
import { listOutbox } from '../../../src/store/outbox.ts';
import type { Draft, Profile } from '../../../src/store/records.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';

const lesson = { lessonId: 'fractions', version: 1 };
const answers = { q1: { kind: 'text' as const, text: 'trois quarts' } };

beforeEach(async () => {
  await freshDevice();
});

/** A pupil's saved answers to the lesson, as one attempt. */
const draftOf = (profile: Profile, submissionId: string): Draft => ({
  profileId: profile.id,
  lessonId: lesson.lessonId,
  lessonVersion: 1,
  answers,
  stepIndex: 0,
  updatedAt: '2021-04-06T08:10:00.000Z',
  submissionId,
});

describe('handIn, twice for the same attempt', () => {
  it('stores one submission and one outbox item when two hand-ins of one draft race', async () => {
    const lea = await linkedProfile('lea');
    const draft = draftOf(lea, crypto.randomUUID());
    await saveDraft(draft);
    const [first, second] = await Promise.all([
      handIn(lea, lesson, answers, Date.now(), draft.submissionId),
      handIn(lea, lesson, answers, Date.now(), draft.submissionId),
    ]);
    const third = await handIn(lea, lesson, answers, Date.now(), draft.submissionId);
    expect(first.submission.id).toBe(draft.submissionId);
    expect(second.submission.id).toBe(draft.submissionId);
    expect(third.submission.id).toBe(draft.submissionId);
    expect(await listHandedIn(lea.id, lesson.lessonId)).toHaveLength(1);
    expect(await listOutbox(lea.id)).toHaveLength(1);
  });

  it('takes the attempt id from the stored draft, and a late draft write never resurrects it', async () => {
    const lea = await linkedProfile('lea');
    const submissionId = crypto.randomUUID();
    const draft = draftOf(lea, submissionId);
    await saveDraft(draft);
    const record = await handIn(lea, lesson, answers);
    expect(record.submission.id).toBe(submissionId);
    // A retried draft write arriving after the hand-in must not bring the draft back.
    await saveDraft(draft);
    expect(await getDraft(lea.id, lesson.lessonId)).toBeUndefined();
    await handIn(lea, lesson, answers, Date.now(), submissionId);
    expect(await listOutbox(lea.id)).toHaveLength(1);
  });
});
