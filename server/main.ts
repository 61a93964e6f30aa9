/**
 * Starts the server: configuration from the environment, database migrated,
 * demo content on a first start, then listen and print how to get in.
 * Run: npm start (builds the app and the server, then runs dist-server/server/main.js);
 * from source during development: npx tsx server/main.ts.
 */
import path from 'node:path';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createFileBlobStore } from './blobs/store.ts';
import { isLoopbackHost, loadConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/connect.ts';
import { DEMO_TEACHER, listDemoPupils } from './seed/demo.ts';
import { demoAtStart, DemoOnNetworkError } from './seed/demo-at-start.ts';
import { HTTP_LIMITS } from './http/limits.ts';
import { capConnectionsPerAddress } from './security/connection-cap.ts';
import { createFailureLimiter, createWindowLimiter } from './security/rate-limit.ts';
import { formatJoinCode } from './security/join-codes.ts';

const TEN_MINUTES = 10 * 60_000;

/** The address people type: localhost for a loopback bind, the host otherwise. */
function originOf(host: string, port: number): string {
  const shown = isLoopbackHost(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config);
  await migrateToLatest(database);
  const blobs = createFileBlobStore(path.join(config.dataDir, 'blobs'));

  await demoAtStart(database.db, blobs, config);

  const app = createApp({
    db: database.db,
    blobs,
    version: config.version,
    staticDir: config.staticDir,
    maxInFlight: config.maxInFlight,
    trustedProxies: config.trustedProxies,
    timeZone: config.timeZone,
    now: () => new Date(),
    joinLimiter: createFailureLimiter({ maxFailures: 10, windowMs: TEN_MINUTES }),
    // 1000 wrong codes per 10 minutes server-wide: against 10,000 live codes in 31^9, about one lucky guess in 50 years.
    joinBudget: createWindowLimiter({ maxEvents: 1000, windowMs: TEN_MINUTES }),
    // A class joining together at 8:30 stays well below this; a leaked sheet fed to a script does not.
    classJoinLimiter: createWindowLimiter({ maxEvents: config.classJoinsPerMinute, windowMs: 60_000 }),
    loginLimiter: createFailureLimiter({ maxFailures: 10, windowMs: TEN_MINUTES }),
  });

  const origin = originOf(config.host, config.port);
  const demoPupils = await listDemoPupils(database.db);
  const server = serve(
    {
      fetch: app.fetch,
      hostname: config.host,
      port: config.port,
      serverOptions: {
        headersTimeout: HTTP_LIMITS.headersTimeoutMs,
        requestTimeout: HTTP_LIMITS.requestTimeoutMs,
        keepAliveTimeout: HTTP_LIMITS.keepAliveTimeoutMs,
        // How often Node looks for connections past those timeouts (its default is 30 s).
        connectionsCheckingInterval: 1_000,
      },
    },
    () => {
      console.log(`Cartable ${config.version} is running at ${origin}`);
      console.log(
        `Database: ${database.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : path.join(config.dataDir, 'cartable.sqlite')}`,
      );
      if (demoPupils.length > 0) {
        console.log(`Teacher login: ${DEMO_TEACHER.email}  password: ${DEMO_TEACHER.password}`);
        console.log('Demo pupils (name, join code, join link):');
        for (const pupil of demoPupils) {
          console.log(`  ${pupil.name}  ${formatJoinCode(pupil.joinCode)}  ${origin}/join#${pupil.joinCode}`);
        }
      }
    },
  ) as Server;
  // Behind a reverse proxy every connection comes from the proxy: its own limits apply there.
  if (config.trustedProxies === 0) capConnectionsPerAddress(server, config.connectionsPerAddress);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping.`);
    server.close(() => {
      void database.db.destroy().finally(() => process.exit(0));
    });
    // Open keep-alive connections must not hold the process up.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    setTimeout(() => process.exit(1), 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof DemoOnNetworkError) {
    console.error(`Cartable did not start: ${error.message}`);
    process.exit(1);
  }
  console.error('Cartable could not start:', error);
  process.exit(1);
});
