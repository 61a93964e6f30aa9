/**
 * Starts the server: configuration from the environment, database migrated,
 * demo content on a first start, then listen and print how to get in.
 * Run: npm start (builds the app and the server, then runs dist-server/server/main.js);
 * from source during development: npx tsx server/main.ts.
 */
import path from 'node:path';
import { networkInterfaces } from 'node:os';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { openBlobStore } from './blobs/open-store.ts';
import { loadConfig } from './config.ts';
import { externalIpv4, startBanner } from './start-banner.ts';
import { migrateToLatest, openDatabase } from './db/connect.ts';
import { DEMO_TEACHER, listDemoPupils } from './seed/demo.ts';
import { demoAtStart, DemoOnNetworkError } from './seed/demo-at-start.ts';
import { HTTP_LIMITS } from './http/limits.ts';
import { capConnectionsPerAddress } from './security/connection-cap.ts';
import { createAppLimits } from './security/app-limits.ts';
import { formatJoinCode } from './security/join-codes.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config);
  await migrateToLatest(database);
  const { store: blobs, description: blobsAt } = openBlobStore(database.db, database.dialect, config.dataDir);

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
    // In the database: every process behind a balancer spends the same budgets.
    ...createAppLimits(database.driver, config),
  });

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
      const lines = startBanner({
        version: config.version,
        host: config.host,
        port: config.port,
        database:
          database.dialect === 'postgres'
            ? 'PostgreSQL (DATABASE_URL)'
            : path.join(config.dataDir, 'cartable.sqlite'),
        // The embedded default keeps files beside the database: only PostgreSQL's choice is news.
        files: database.dialect === 'postgres' ? blobsAt : undefined,
        networkAddresses: externalIpv4(networkInterfaces()),
        demo: {
          teacher: DEMO_TEACHER,
          pupils: demoPupils.map((p) => ({
            name: p.name,
            code: formatJoinCode(p.joinCode),
            joinCode: p.joinCode,
          })),
        },
      });
      for (const line of lines) console.log(line);
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
