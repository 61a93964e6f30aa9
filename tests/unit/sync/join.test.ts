import { beforeEach, describe, expect, it } from 'vitest';
import { handIn } from '../../../src/store/hand-in.ts';
import { getClockOffset } from '../../../src/store/meta.ts';
import { listOutbox, markRelink } from '../../../src/store/outbox.ts';
import { listProfiles } from '../../../src/store/profiles.ts';
import { JoinError, joinCodeFromLink, joinWithCode } from '../../../src/sync/join.ts';
import { fakeServer, json, networkDown, type FakeServer } from '../client/support/fake-server.ts';
import { freshDevice, SERVER } from '../client/support/device.ts';

const joined = {
  token: 't'.repeat(43),
  pupil: { id: 'p-lea', name: 'Léa' },
  class: { id: 'cm1-a', name: 'CM1 A' },
  serverTime: '2021-04-06T08:00:30.000Z',
};

beforeEach(async () => {
  await freshDevice();
});

/** The JoinError of joining with "ABC" on this fake server (which must refuse it). */
async function refusalFrom(server: FakeServer): Promise<JoinError> {
  return (await joinWithCode('ABC', { server: SERVER, fetch: server.fetch }).catch(
    (e: unknown) => e,
  )) as JoinError;
}

describe('joinWithCode', () => {
  it('stores the profile and the clock offset on success', async () => {
    const server = fakeServer(() => json(joined, 201));

    const profile = await joinWithCode(' KDF-7Q2 ', {
      server: SERVER,
      fetch: server.fetch,
      now: () => Date.parse('2021-04-06T08:00:00.000Z'),
    });

    expect(profile).toMatchObject({
      id: `${SERVER}|p-lea`,
      pupilName: 'Léa',
      className: 'CM1 A',
      token: joined.token,
      server: SERVER,
      link: 'ok',
    });
    expect(await listProfiles()).toEqual([profile]);
    expect(await getClockOffset(profile.id)).toBe(30_000);
    expect(await server.requests[0]?.json()).toEqual({ code: 'KDF-7Q2' });
  });

  it.each([
    [400, 'bad_code'],
    [404, 'unknown_code'],
    [500, 'server'],
  ] as const)('%i → JoinError %s, nothing stored', async (status, code) => {
    const server = fakeServer(() => json({ error: 'x', message: 'x' }, status));
    const error = await joinWithCode('ABC', { server: SERVER, fetch: server.fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JoinError);
    expect((error as JoinError).code).toBe(code);
    expect(await listProfiles()).toEqual([]);
  });

  it.each([
    [
      '403 class_archived → class_archived (any other 403 → server), nothing stored',
      403,
      'class_archived',
      'forbidden',
      'server',
    ],
    [
      '404 expired_code → expired_code (a replaced code), any other 404 → unknown_code',
      404,
      'expired_code',
      'not_found',
      'unknown_code',
    ],
  ] as const)('%s', async (_name, status, known, other, otherCode) => {
    // The server's own reason is kept when the client knows it; another one under the same status is generic.
    const error = await refusalFrom(fakeServer(() => json({ error: known, message: 'x' }, status)));
    expect(error.code).toBe(known);
    const otherError = await refusalFrom(fakeServer(() => json({ error: other, message: 'no' }, status)));
    expect(otherError.code).toBe(otherCode);
    expect(await listProfiles()).toEqual([]);
  });

  it('429 → rate_limited with the Retry-After', async () => {
    const server = fakeServer(() =>
      json({ error: 'rate_limited', message: 'slow down' }, 429, { 'retry-after': '30' }),
    );
    const error = await refusalFrom(server);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('no network → network, and an invalid answer → server', async () => {
    const down = fakeServer(networkDown);
    expect((await refusalFrom(down)).code).toBe('network');
    const weird = fakeServer(() => json({ token: 'short' }, 200));
    expect((await refusalFrom(weird)).code).toBe('server');
    expect(await listProfiles()).toEqual([]);
  });

  it('joining again as the same pupil re-links the device and releases parked work', async () => {
    const server = fakeServer(() => json(joined, 201));
    const profile = await joinWithCode('ABC', { server: SERVER, fetch: server.fetch });
    await handIn(profile, { lessonId: 'l1', version: 1 }, {});
    await markRelink(profile.id);

    const again = await joinWithCode('NEW', {
      server: SERVER,
      fetch: fakeServer(() => json({ ...joined, token: 'n'.repeat(43) }, 201)).fetch,
    });

    expect(again).toMatchObject({ link: 'ok', token: 'n'.repeat(43), joinedAt: profile.joinedAt });
    expect((await listOutbox(profile.id))[0]?.state).toBe('waiting');
  });
});

describe('joinCodeFromLink', () => {
  it('reads the code from the fragment of a join link', () => {
    expect(joinCodeFromLink('https://ecole.example/join#KDF-7Q2')).toBe('KDF-7Q2');
    expect(joinCodeFromLink('https://ecole.example/lessons#KDF')).toBeNull();
    expect(joinCodeFromLink('not a link')).toBeNull();
  });
});
