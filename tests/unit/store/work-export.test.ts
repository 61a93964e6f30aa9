/** Exporting unsent work, and profiles on a shared device never touching each other's data. */
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../protocol/index.ts';
import { saveAttachment } from '../../../src/store/attachments.ts';
import { handIn } from '../../../src/store/hand-in.ts';
import { getLesson, listLessons } from '../../../src/store/lessons.ts';
import { acknowledge, listOutbox, markNeedsAttention } from '../../../src/store/outbox.ts';
import { listProfiles, removeProfile } from '../../../src/store/profiles.ts';
import { exportUnsentWork, toBase64 } from '../../../src/store/work-export.ts';
import { syncLessons } from '../../../src/sync/lesson-sync.ts';
import { sendOutbox } from '../../../src/sync/outbox-sender.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { fakeServer, json } from '../client/support/fake-server.ts';
import { imageBytes, publishLesson } from '../client/support/lesson-fixtures.ts';

beforeEach(async () => {
  await freshDevice();
});

describe('exportUnsentWork', () => {
  it('holds each unsent submission as it would be sent, with its attachments in base64', async () => {
    const lea = await linkedProfile('lea');
    const photo = imageBytes(3, 70_000);
    const stored = await saveAttachment(lea.id, photo.buffer, 'image/jpeg');
    const record = await handIn(
      lea,
      { lessonId: 'geo', version: 1 },
      { p1: { kind: 'attachment', blob: stored.sha256, mime: 'image/jpeg', size: stored.size } },
    );
    await markNeedsAttention(record.submission.id, 'lesson_closed', 'This lesson no longer accepts work.');

    const exported = await exportUnsentWork(lea.id, undefined, new Date('2021-04-06T10:00:00Z'));

    expect(exported).toMatchObject({
      format: 'cartable.export/1',
      exportedAt: '2021-04-06T10:00:00.000Z',
      pupil: { id: 'lea', name: 'Élève lea', server: lea.server },
    });
    expect(exported.submissions).toHaveLength(1);
    const [one] = exported.submissions;
    expect(one).toMatchObject({
      submission: record.submission,
      state: 'needsAttention',
      lastError: 'lesson_closed',
      lastErrorMessage: 'This lesson no longer accepts work.',
    });
    expect(one!.attachments).toHaveLength(1);
    const decoded = Uint8Array.from(atob(one!.attachments[0]!.base64), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(photo);
    // A JSON round trip loses nothing.
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });

  it('exports only this profile’s unsent work, or the chosen submissions', async () => {
    const lea = await linkedProfile('lea');
    const tom = await linkedProfile('tom');
    const a = await handIn(lea, { lessonId: 'a', version: 1 }, {});
    const b = await handIn(lea, { lessonId: 'b', version: 1 }, {});
    await handIn(tom, { lessonId: 'a', version: 1 }, {});
    const sent = await handIn(lea, { lessonId: 'c', version: 1 }, {});
    await acknowledge(sent.submission.id, '2021-04-06T09:00:00Z');

    const all = await exportUnsentWork(lea.id);
    expect(all.submissions.map((s) => s.submission.id).sort()).toEqual(
      [a.submission.id, b.submission.id].sort(),
    );
    const chosen = await exportUnsentWork(lea.id, [b.submission.id]);
    expect(chosen.submissions.map((s) => s.submission.id)).toEqual([b.submission.id]);
  });

  it('toBase64 matches the standard encoding', () => {
    expect(toBase64(new TextEncoder().encode('Cartable ✓').buffer)).toBe(
      Buffer.from('Cartable ✓').toString('base64'),
    );
  });
});

describe('profiles on a shared device', () => {
  it('each profile talks to its own server with its own token, and keeps its own lessons', async () => {
    const lea = await linkedProfile('lea', {
      server: 'https://ecole-a.example',
      id: 'https://ecole-a.example|lea',
    });
    const tom = await linkedProfile('tom', {
      server: 'https://ecole-b.example',
      id: 'https://ecole-b.example|tom',
    });
    const geo = await publishLesson('geo', { image: imageBytes(1) });
    const maths = await publishLesson('maths');
    const hosts: string[] = [];
    const server = fakeServer((request) => {
      const url = new URL(request.url);
      hosts.push(`${url.host} ${request.headers.get('authorization') ?? '-'} ${url.pathname}`);
      const lessons = url.host === 'ecole-a.example' ? [geo] : [maths];
      if (url.pathname === API.manifest)
        return json({ serverTime: new Date().toISOString(), lessons: lessons.map((l) => l.entry) });
      for (const l of lessons) {
        if (url.pathname === API.pack(l.entry.pack)) return new Response(l.packBytes);
        for (const [sha, m] of l.media) if (url.pathname === API.blob(sha)) return new Response(m.bytes);
      }
      if (url.pathname.startsWith('/api/pupil/updates')) return json({ cursor: 'c', updates: [] });
      if (url.pathname.startsWith('/api/pupil/submissions/'))
        return json({ id: url.pathname.split('/').pop(), receivedAt: '2021-04-06T09:00:00Z' }, 201);
      return new Response(null, { status: 204 });
    });

    await syncLessons(lea, { fetch: server.fetch, network: { saveData: false, onWifi: true } });
    await syncLessons(tom, { fetch: server.fetch, network: { saveData: false, onWifi: true } });
    expect((await listLessons(lea.id)).map((l) => l.lessonId)).toEqual(['geo']);
    expect((await listLessons(tom.id)).map((l) => l.lessonId)).toEqual(['maths']);
    expect(hosts.filter((h) => h.includes('/manifest'))).toEqual([
      `ecole-a.example Bearer ${lea.token} /api/pupil/manifest`,
      `ecole-b.example Bearer ${tom.token} /api/pupil/manifest`,
    ]);

    const toms = await handIn(tom, { lessonId: 'maths', version: 1 }, {});
    await sendOutbox({ fetch: server.fetch });
    expect(hosts.at(-1)).toBe(
      `ecole-b.example Bearer ${tom.token} /api/pupil/submissions/${toms.submission.id}`,
    );
  });

  it('removing a sibling with nothing unsent leaves the other’s lessons and unsent work untouched', async () => {
    const lea = await linkedProfile('lea');
    const tom = await linkedProfile('tom');
    const lesson = await publishLesson('geo');
    const server = fakeServer((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === API.manifest)
        return json({ serverTime: new Date().toISOString(), lessons: [lesson.entry] });
      if (pathname === API.pack(lesson.entry.pack)) return new Response(lesson.packBytes);
      if (pathname.startsWith('/api/pupil/updates')) return json({ cursor: 'c', updates: [] });
      return new Response(null, { status: 204 });
    });
    await syncLessons(lea, { fetch: server.fetch });
    await syncLessons(tom, { fetch: server.fetch });
    const leasWork = await handIn(lea, { lessonId: 'geo', version: 1 }, {});

    // Léa has unsent work: refused without force.
    expect(await removeProfile(lea.id)).toEqual({ removed: false, unsentWork: 1 });
    expect(await removeProfile(tom.id)).toEqual({ removed: true });

    expect((await listProfiles()).map((p) => p.id)).toEqual([lea.id]);
    expect((await getLesson(lea.id, 'geo'))?.state).toBe('ready');
    expect(await getLesson(tom.id, 'geo')).toBeUndefined();
    expect((await listOutbox()).map((i) => i.id)).toEqual([leasWork.submission.id]);
  });
});
