/**
 * What a start does about the demo. Its teacher's password is printed in the README,
 * so the demo is for trying Cartable on one's own machine: created by default only when
 * the server listens on a loopback address, on a network only when asked for
 * (CARTABLE_DEMO=1). A database that still holds the demo login is not served on a
 * network unasked either: anyone nearby could sign in as its teacher.
 */
import type { Kysely } from 'kysely';
import type { BlobStore } from '../blobs/store.ts';
import { demoAllowed, type ServerConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { demoLoginOpen, isEmpty, seedDemo } from './demo.ts';

/** Thrown when this start would serve the public demo login on a network unasked. */
export class DemoOnNetworkError extends Error {}

export async function demoAtStart(
  db: Kysely<Database>,
  blobs: BlobStore,
  config: Pick<ServerConfig, 'demo' | 'host' | 'timeZone'>,
  log: (line: string) => void = console.log,
): Promise<void> {
  if (demoAllowed(config)) {
    if (config.demo !== 'off' && (await isEmpty(db))) {
      await seedDemo(db, blobs, { timeZone: config.timeZone });
      log('Demo content created (set CARTABLE_DEMO=0 to start empty).');
    }
    return;
  }
  if (await demoLoginOpen(db)) {
    throw new DemoOnNetworkError(
      `This database holds the demo teacher (public password) and HOST ${config.host} is reachable from the network: ` +
        'set CARTABLE_DEMO=1 to show the demo there on purpose, or start with an empty DATA_DIR (or DATABASE_URL).',
    );
  }
  if (config.demo === 'loopback-only' && (await isEmpty(db))) {
    log(
      `No demo content: HOST ${config.host} is reachable from the network and the demo teacher's password is public ` +
        '(set CARTABLE_DEMO=1 to create it anyway; npm run teacher:add creates a real teacher).',
    );
  }
}
