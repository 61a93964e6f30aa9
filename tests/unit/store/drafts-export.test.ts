/** A profile with only drafts (nothing handed in) is not removed without the offer to export them. */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveAttachment } from '../../../src/store/attachments.ts';
import { saveDraft } from '../../../src/store/drafts.ts';
import { listProfiles, removeProfile } from '../../../src/store/profiles.ts';
import { exportUnsentWork } from '../../../src/store/work-export.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';

beforeEach(async () => {
  await freshDevice();
});

describe('a profile with drafts only', () => {
  it('is refused removal without force, and its export holds the drafts with their photos', async () => {
    const lea = await linkedProfile('lea');
    const photo = await saveAttachment(lea.id, new Uint8Array([7, 7]).buffer, 'image/png');
    await saveDraft({
      profileId: lea.id,
      lessonId: 'geo',
      lessonVersion: 2,
      answers: {
        q1: { kind: 'text', text: 'la Loire' },
        p1: { kind: 'attachment', blob: photo.sha256, mime: 'image/png', size: 2 },
      },
      stepIndex: 1,
      updatedAt: '2021-04-06T08:10:00.000Z',
    });

    expect(await removeProfile(lea.id)).toEqual({ removed: false, unsentWork: 0, drafts: 1 });
    expect((await listProfiles()).map((p) => p.id)).toEqual([lea.id]);

    const exported = await exportUnsentWork(lea.id);
    expect(exported.submissions).toEqual([]);
    expect(exported.drafts).toHaveLength(1);
    expect(exported.drafts[0]).toMatchObject({
      lessonId: 'geo',
      lessonVersion: 2,
      answers: { q1: { kind: 'text', text: 'la Loire' } },
      attachments: [{ sha256: photo.sha256, mime: 'image/png', base64: 'Bwc=' }],
    });
    expect(await removeProfile(lea.id, { force: true })).toEqual({ removed: true });
  });
});
