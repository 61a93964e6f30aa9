/**
 * The follow grid's "started": a séance the pupil's device reports as started and not handed in.
 * Devices that never send `lessonsStarted` (older clients) keep working and show no "started".
 */
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FollowGridSchema } from '../../../protocol/sequence-api.ts';
import { eachTest } from './harness.ts';
import { dailySeances, fractionsSchool, publishSequence, type SequenceSchool } from './sequence-support.ts';
import { client, handIn, handInAs } from './teacher-support.ts';

let school: SequenceSchool;
let lessons: string[];
/** Published in class A from Tuesday 6 April, one séance a day. */
async function publishedFractions() {
  const world = await fractionsSchool(['Séance 1', 'Séance 2', 'Séance 3']);
  await publishSequence(world.teacher, 'fractions', [
    { classId: world.classA.id, seances: dailySeances([6, 7, 8]) },
  ]);
  return world;
}
eachTest(publishedFractions, (world) => ({ lessons } = school = world));

const report = (token: string, extra: object = {}) =>
  client(school.server, token).post('/api/pupil/device-status', {
    lessonsReady: lessons.map((id) => ({ id, version: 1 })),
    storage: { persisted: true },
    lastSyncAt: '2027-04-06T10:00:00.000Z',
    ...extra,
  });

async function statesOf(pupilId: string) {
  const res = await school.teacher.get(`/api/teacher/sequences/fractions/classes/${school.classA.id}/follow`);
  const grid = v.parse(FollowGridSchema, await res.json());
  return grid.pupils.find((p) => p.id === pupilId)!.cells.map((cell) => cell?.state);
}

describe('the follow grid says which séances a pupil has started', () => {
  it('shows "started" for a séance started and not handed in; a hand-in wins over a stale report', async () => {
    const [lea] = school.classA.pupils;
    expect(
      (await report(lea!.token, { lessonsStarted: [{ id: lessons[0]! }, { id: lessons[1]! }] })).status,
    ).toBe(204);
    expect(await statesOf(lea!.id)).toEqual(['started', 'started', 'readyOffline']);

    // Handed in before the device's next report: the hand-in counts, not the report.
    await handInAs(
      client(school.server, lea!.token),
      handIn(lessons[0]!, 1, { q1: { kind: 'choice', selected: ['a'] } }, '2027-04-06T15:00:00.000Z'),
    );
    expect(await statesOf(lea!.id)).toEqual(['handedIn', 'started', 'readyOffline']);
  });

  it('keeps accepting an older client’s report without `lessonsStarted`, which shows nothing started', async () => {
    const [lea, noah] = school.classA.pupils;
    await report(lea!.token, { lessonsStarted: [{ id: lessons[2]! }] });
    expect((await report(noah!.token)).status).toBe(204);
    expect(await statesOf(noah!.id)).toEqual(['readyOffline', 'readyOffline', 'readyOffline']);
    expect(await statesOf(lea!.id)).toEqual(['readyOffline', 'readyOffline', 'started']);

    // A report replaces the last one: the same device, now sending no list, has nothing started.
    await report(lea!.token);
    expect(await statesOf(lea!.id)).toEqual(['readyOffline', 'readyOffline', 'readyOffline']);
  });
});
