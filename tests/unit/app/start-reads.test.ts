/**
 * The start, on the way to the first lesson card (issue 14): the app reads the pupil last on
 * screen beside the profiles, and hands the screens everything in one redraw.
 */
import { effect } from '@preact/signals';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppState } from '../../../src/app/app-state.ts';
import { markReady, upsertFromManifest } from '../../../src/store/lessons.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { publishLesson } from '../client/support/lesson-fixtures.ts';

const ACTIVE_PROFILE_KEY = 'cartable.activeProfile';
const stored = new Map<string, string>();

beforeAll(() => {
  // The page globals createAppState reads (Node has none of them).
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
  globalThis.addEventListener ??= () => undefined;
});

beforeEach(async () => {
  await freshDevice();
  stored.clear();
  Object.defineProperty(globalThis, 'localStorage', {
    value: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
      removeItem: (key: string) => stored.delete(key),
    },
    configurable: true,
  });
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

/** A pupil with one ready lesson, joined at `joinedAt`. */
async function pupilWithLesson(pupilId: string, lessonId: string, joinedAt: string) {
  const profile = await linkedProfile(pupilId, { joinedAt });
  const lesson = await publishLesson(lessonId);
  await upsertFromManifest(profile.id, [lesson.entry]);
  await markReady(profile.id, lesson.entry.id, lesson.pack);
  return profile;
}

describe('the start', () => {
  it('shows the profiles and their lessons in one redraw, not one after the other', async () => {
    await pupilWithLesson('lea', 'lecture', '2021-04-01T08:00:00.000Z');
    const app = createAppState();
    const seen: string[] = [];
    // What a component reading these would be redrawn with.
    const stop = effect(() => {
      seen.push(`${app.profiles.value.length} profiles, ${app.lessons.value.length} lessons`);
    });
    await app.refresh();
    stop();
    expect(seen).toEqual(['0 profiles, 0 lessons', '1 profiles, 1 lessons']);
  });

  it('reads the pupil last on screen, and another when that one has left the device', async () => {
    const lea = await pupilWithLesson('lea', 'lecture', '2021-04-01T08:00:00.000Z');
    const tom = await pupilWithLesson('tom', 'calcul', '2021-04-02T08:00:00.000Z');
    stored.set(ACTIVE_PROFILE_KEY, tom.id);
    const app = createAppState();
    await app.refresh();
    expect(app.activeProfile.value?.id).toBe(tom.id);
    expect(app.lessons.value.map((l) => l.lessonId)).toEqual(['calcul']);

    // The pupil chosen last is gone: the first to join is on screen, with their own lessons.
    stored.set(ACTIVE_PROFILE_KEY, 'https://ecole.example|gone');
    const again = createAppState();
    await again.refresh();
    expect(again.activeProfile.value?.id).toBe(lea.id);
    expect(again.lessons.value.map((l) => l.lessonId)).toEqual(['lecture']);
  });
});
