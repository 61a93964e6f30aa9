/** The demo's public login is served on this machine by default, on a network only when asked (issue 8, point 14). */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, loadConfig } from '../../../server/config.ts';
import { demoAtStart, DemoOnNetworkError } from '../../../server/seed/demo-at-start.ts';
import { demoLoginOpen, isEmpty } from '../../../server/seed/demo.ts';
import { bareServer, eachTest, type TestServer } from './harness.ts';

let server: TestServer;
eachTest(bareServer, (world) => ({ server } = world));

const start = (host: string, CARTABLE_DEMO?: string) => {
  const lines: string[] = [];
  const config = loadConfig({ HOST: host, ...(CARTABLE_DEMO === undefined ? {} : { CARTABLE_DEMO }) });
  return { lines, run: () => demoAtStart(server.db, server.blobs, config, (line) => lines.push(line)) };
};

describe('the demo at start', () => {
  it('is created on a loopback address by default', async () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.1.1'])
      expect(isLoopbackHost(host)).toBe(true);
    await start('127.0.0.1').run();
    expect(await demoLoginOpen(server.db)).toBe(true);
  });

  it('is not created on a network address unless asked, and says why', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'cartable.ecole.fr']) {
      expect(isLoopbackHost(host)).toBe(false);
      const { lines, run } = start(host);
      await run();
      expect(await isEmpty(server.db)).toBe(true);
      expect(lines.join('\n')).toContain('CARTABLE_DEMO=1');
    }
    await start('0.0.0.0', '1').run();
    expect(await demoLoginOpen(server.db)).toBe(true);
  });

  it('refuses to serve an existing demo login on a network unasked, even with CARTABLE_DEMO=0', async () => {
    await start('127.0.0.1').run();
    await expect(start('0.0.0.0').run()).rejects.toBeInstanceOf(DemoOnNetworkError);
    await expect(start('192.168.1.20', '0').run()).rejects.toThrow(/CARTABLE_DEMO=1/);
    await expect(start('0.0.0.0', '1').run()).resolves.toBeUndefined();
    // Once its password is changed, the demo class is just a class.
    await server.db.updateTable('teachers').set({ password_hash: 'scrypt$16384$8$1$AAAA$BBBB' }).execute();
    await expect(start('0.0.0.0').run()).resolves.toBeUndefined();
  });

  it('never creates the demo with CARTABLE_DEMO=0, and refuses a value it does not understand', async () => {
    await start('127.0.0.1', '0').run();
    expect(await isEmpty(server.db)).toBe(true);
    expect(() => loadConfig({ CARTABLE_DEMO: 'maybe' })).toThrow(/CARTABLE_DEMO must be 1/);
  });
});
