/**
 * Issue 10 point 21: what `npm start` prints is what the README shows, and on HOST=0.0.0.0 it
 * names addresses a phone can type (not http://0.0.0.0), with the HTTPS caveat for offline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { externalIpv4, reachableOrigins, startBanner } from '../../../server/start-banner.ts';

const demo = {
  teacher: { email: 'prof@demo.cartable', password: 'cartable-demo' },
  pupils: [{ name: 'Léa Martin', code: 'ABC-DEF-GHJ', joinCode: 'ABCDEFGHJ' }],
};

/** The banner of version 0.1.0 on port 8080 of the loopback host with the demo seeded, unless told otherwise. */
const bannerOf = (
  options: Pick<Parameters<typeof startBanner>[0], 'database' | 'networkAddresses'> & { host?: string },
) => startBanner({ version: '0.1.0', host: '127.0.0.1', port: 8080, demo, ...options });

describe('the start banner', () => {
  it('on a loopback host: localhost, no network lines', () => {
    const lines = bannerOf({ database: '/srv/data/cartable.sqlite', networkAddresses: ['192.168.1.12'] });
    expect(lines).toEqual([
      'Cartable 0.1.0 is running at http://localhost:8080',
      'Database: /srv/data/cartable.sqlite',
      'Teacher login: prof@demo.cartable  password: cartable-demo',
      'Demo pupils (name, join code, join link):',
      '  Léa Martin  ABC-DEF-GHJ  http://localhost:8080/join#ABCDEFGHJ',
    ]);
  });

  it('on 0.0.0.0: the network addresses, join links a phone can open, and the HTTPS caveat', () => {
    const lines = bannerOf({
      host: '0.0.0.0',
      database: 'x',
      networkAddresses: ['192.168.1.12', '10.0.0.5'],
    });
    expect(lines[0]).toBe('Cartable 0.1.0 is running at http://localhost:8080');
    expect(lines[1]).toBe('On your network: http://192.168.1.12:8080  http://10.0.0.5:8080');
    expect(lines[2]).toMatch(/offline only on https:\/\/ or localhost/);
    expect(lines.at(-1)).toBe('  Léa Martin  ABC-DEF-GHJ  http://192.168.1.12:8080/join#ABCDEFGHJ');
    expect(lines.join('\n')).not.toContain('0.0.0.0');
  });

  it('a named host is used as such; an IPv6 one is bracketed', () => {
    expect(reachableOrigins('cartable.local', 80, [])).toEqual(['http://cartable.local:80']);
    expect(reachableOrigins('fd00::1', 8080, [])).toEqual(['http://[fd00::1]:8080']);
    expect(reachableOrigins('::', 8080, [])).toEqual(['http://localhost:8080']);
  });

  it('keeps external IPv4 addresses only', () => {
    expect(
      externalIpv4({
        lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
        eth0: [
          { address: '192.168.1.12', family: 'IPv4', internal: false },
          { address: 'fe80::1', family: 'IPv6', internal: false },
        ],
      }),
    ).toEqual(['192.168.1.12']);
  });

  it('matches the sample in the README line by line (a loopback start with the demo)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const sample = readme.slice(readme.indexOf('```\nDemo content') + 4).split('\n');
    const lines = bannerOf({ database: '/home/you/cartable/data/cartable.sqlite', networkAddresses: [] });
    // The README's first line is the demo seeding's, then this banner; its pupil list is cut with "…".
    expect(sample[0]).toBe('Demo content created (set CARTABLE_DEMO=0 to start empty).');
    expect(sample.slice(1, lines.length + 1)).toEqual(lines);
  });
});
