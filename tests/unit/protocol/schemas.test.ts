/** The shared contract: what the app, the worker and the server accept and refuse. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  DeviceStatusSchema,
  JoinRequestSchema,
  ManifestSchema,
  SubmissionSchema,
  UpdatesSchema,
} from '../../../protocol/api.ts';
import { LessonPackSchema, packMedia } from '../../../protocol/lesson-pack.ts';

const sha = 'a'.repeat(64);
const pack = () => ({
  format: 'cartable.lesson/1',
  id: 'fractions',
  version: 1,
  title: 'Partager une pizza',
  classId: 'cm1b',
  availableFrom: '2026-11-23T07:30:00.000Z',
  dueAt: null,
  steps: [
    { id: 's1', kind: 'text', body: [{ t: 'p', c: [{ t: 'text', v: 'Bonjour' }] }] },
    { id: 's2', kind: 'image', media: { blob: sha, mime: 'image/png', size: 10 }, alt: 'Une pizza' },
    { id: 's3', kind: 'image', media: { blob: sha, mime: 'image/png', size: 10 }, alt: 'La même' },
    {
      id: 's4',
      kind: 'quiz',
      question: 'single',
      prompt: [],
      choices: [{ id: 'a', label: '1/4' }],
      correct: ['a'],
    },
  ],
});

describe('lesson pack', () => {
  it('accepts a well-formed pack and lists its media once', () => {
    const parsed = v.parse(LessonPackSchema, pack());
    expect(packMedia(parsed)).toEqual([{ blob: sha, mime: 'image/png', size: 10, optional: false }]);
  });

  it.each([
    ['an unknown format', { ...pack(), format: 'cartable.lesson/2' }],
    ['no steps', { ...pack(), steps: [] }],
    [
      'a javascript: link',
      {
        ...pack(),
        steps: [
          {
            id: 'x',
            kind: 'text',
            body: [{ t: 'p', c: [{ t: 'link', href: 'javascript:alert(1)', c: [] }] }],
          },
        ],
      },
    ],
    [
      'a raw HTML node',
      { ...pack(), steps: [{ id: 'x', kind: 'text', body: [{ t: 'html', v: '<script>' }] }] },
    ],
    [
      'a media hash that is not a sha256',
      {
        ...pack(),
        steps: [
          { id: 'x', kind: 'image', media: { blob: '../etc/passwd', mime: 'image/png', size: 1 }, alt: '' },
        ],
      },
    ],
    ['an unknown step kind', { ...pack(), steps: [{ id: 'x', kind: 'iframe' }] }],
    ['a date that is not ISO', { ...pack(), availableFrom: 'demain' }],
  ])('refuses %s', (_, candidate) => {
    expect(v.safeParse(LessonPackSchema, candidate).success).toBe(false);
  });
});

describe('API bodies', () => {
  const submission = {
    id: '3f1c2b7e-8d4a-4c1e-9f2a-1b2c3d4e5f60',
    lessonId: 'fractions',
    lessonVersion: 1,
    handedInAt: '2026-11-23T09:00:00.000Z',
    answers: { s4: { kind: 'choice', selected: ['a'] }, s5: { kind: 'text', text: 'Un quart' } },
  };

  it('accepts a submission and refuses a non-UUID id or an unknown answer kind', () => {
    expect(v.safeParse(SubmissionSchema, submission).success).toBe(true);
    expect(v.safeParse(SubmissionSchema, { ...submission, id: '42' }).success).toBe(false);
    expect(
      v.safeParse(SubmissionSchema, { ...submission, answers: { x: { kind: 'html', v: '' } } }).success,
    ).toBe(false);
    expect(v.safeParse(SubmissionSchema, { ...submission, lessonVersion: 0 }).success).toBe(false);
  });

  it('bounds join codes, manifests, updates and device reports', () => {
    expect(v.safeParse(JoinRequestSchema, { code: 'ABC-DEF-GHJ' }).success).toBe(true);
    expect(v.safeParse(JoinRequestSchema, { code: 'x'.repeat(65) }).success).toBe(false);
    expect(
      v.safeParse(ManifestSchema, {
        serverTime: '2026-11-23T09:00:00.000Z',
        lessons: [
          {
            id: 'l',
            version: 1,
            title: 'T',
            pack: sha,
            size: 1,
            availableFrom: '2026-11-23T09:00:00.000Z',
            dueAt: null,
          },
        ],
      }).success,
    ).toBe(true);
    expect(v.safeParse(ManifestSchema, { serverTime: 'now', lessons: [] }).success).toBe(false);
    expect(
      v.safeParse(UpdatesSchema, {
        cursor: '3',
        updates: [
          { kind: 'ack', submissionId: submission.id, lessonId: 'l', receivedAt: '2026-11-23T09:00:00.000Z' },
        ],
      }).success,
    ).toBe(true);
    expect(
      v.safeParse(DeviceStatusSchema, {
        lessonsReady: [],
        storage: { persisted: true },
        lastSyncAt: '2026-11-23T09:00:00.000Z',
      }).success,
    ).toBe(true);
    expect(
      v.safeParse(DeviceStatusSchema, {
        lessonsReady: [],
        storage: {},
        lastSyncAt: '2026-11-23T09:00:00.000Z',
      }).success,
    ).toBe(false);
  });
});
