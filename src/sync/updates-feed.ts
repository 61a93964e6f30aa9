/**
 * The pupil's updates feed (`GET /api/pupil/updates`): the teacher's feedback, and the
 * acknowledgements that complete this device's hand-ins or record one made on another device.
 */
import { getHandedIn } from '../store/hand-in.ts';
import { saveFeedback } from '../store/feedback.ts';
import { saveHandedInElsewhere } from '../store/handed-in-elsewhere.ts';
import { getUpdatesCursor, setUpdatesCursor } from '../store/meta.ts';
import { acknowledge, markRelink } from '../store/outbox.ts';
import type { HandedInElsewhereRecord, Profile } from '../store/records.ts';
import { getUpdates, type FetchLike } from './api-client.ts';
import { notifyPages } from './broadcast.ts';

/**
 * Pages of the updates feed read in one sync at most (the server sends up to 500 a page): a
 * newly linked device gets a long history at once, and a feed that never ends cannot hold the
 * sync; whatever is left comes with the next sync.
 */
export const FEED_PAGES_PER_SYNC = 20;

/**
 * Pull feedback and acknowledgements after the stored cursor, page after page (at most
 * FEED_PAGES_PER_SYNC); returns what it stored. Skipped when the manifest said where the
 * feed ends (`feedEnd`) and we are there already; a server that does not say (null) is asked
 * every time. Acks of work this device did not send record a hand-in from another device.
 */
export async function pullUpdates(
  profile: Profile,
  fetchFn: FetchLike,
  feedEnd: string | null,
): Promise<{ feedbackAdded: number; handedInElsewhere: number }> {
  let since = await getUpdatesCursor(profile.id);
  let stored = 0;
  let elsewhereAdded = 0;
  let acknowledged = 0;
  for (let page = 0; page < FEED_PAGES_PER_SYNC; page += 1) {
    // '' is "never pulled"; '0' is the server's "no update ever": nothing to fetch either way.
    if (feedEnd !== null && (feedEnd === since || (since === '' && feedEnd === '0'))) break;
    const result = await getUpdates(fetchFn, profile, since);
    if (!result.ok) {
      if (result.outcome.kind === 'response' && result.outcome.status === 401) await markRelink(profile.id);
      break;
    }
    const feedback = [];
    const elsewhere: HandedInElsewhereRecord[] = [];
    for (const update of result.value.updates) {
      if (update.kind === 'ack') {
        const record = await getHandedIn(update.submissionId);
        if (record === undefined) {
          // Not sent from this device: the pupil handed it in from another one.
          const { submissionId, lessonId, receivedAt, handedInAt } = update;
          elsewhere.push({
            submissionId,
            profileId: profile.id,
            lessonId,
            receivedAt,
            ...(handedInAt === undefined ? {} : { handedInAt }),
          });
        } else if (record.profileId === profile.id && record.state !== 'delivered') {
          // Our own work; harmless when it was already acknowledged.
          await acknowledge(update.submissionId, update.receivedAt);
          acknowledged += 1;
        }
      } else {
        const { kind: _kind, ...rest } = update;
        feedback.push({ ...rest, profileId: profile.id });
      }
    }
    elsewhereAdded += await saveHandedInElsewhere(elsewhere);
    await saveFeedback(feedback);
    await setUpdatesCursor(profile.id, result.value.cursor);
    stored += feedback.length;
    // An empty page, or one that did not move the cursor, is the end of the feed for now.
    const moved = result.value.cursor !== since;
    since = result.value.cursor;
    if (result.value.updates.length === 0 || !moved) break;
  }
  if (acknowledged > 0) notifyPages({ type: 'outbox:changed' });
  return { feedbackAdded: stored, handedInElsewhere: elsewhereAdded };
}
