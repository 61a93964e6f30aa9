/** Server settings read from the environment (the names are a public contract: see DESIGN.md). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { HTTP_LIMITS } from './http/limits.ts';
import { DEFAULT_SCHOOL_TIME_ZONE, isTimeZone } from '../protocol/school-time.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** SQLite file and blobs live here. */
  dataDir: string;
  /** postgres://… switches the database to PostgreSQL; blobs stay under dataDir. */
  databaseUrl: string | null;
  /** The built app (vite build output). */
  staticDir: string;
  /**
   * The demo (its teacher's password is public): 'on' when asked (CARTABLE_DEMO=1), 'off' when
   * refused (CARTABLE_DEMO=0), else on for a loopback HOST only.
   */
  demo: 'on' | 'off' | 'loopback-only';
  /** Requests served at once before answering 503 + Retry-After. */
  maxInFlight: number;
  /** Connections one address may hold at once; at the cap its oldest idle or half-sent one is closed. */
  connectionsPerAddress: number;
  /** Devices a class may link per minute (a leaked class sheet cannot link hundreds at once). */
  classJoinsPerMinute: number;
  /** Reverse proxies in front (HTTPS termination) whose X-Forwarded-For is trusted for rate limits. */
  trustedProxies: number;
  /** The school's time zone (CARTABLE_TIMEZONE): schedules, the demo and exports use its clocks. */
  timeZone: string;
  version: string;
}

/**
 * The folder holding package.json: the nearest one above this module, so it is the same whether the
 * server runs from source (server/config.ts) or compiled (dist-server/server/config.js).
 */
export function findRepoRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const REPO_ROOT = findRepoRoot();

/** The version string from package.json, reported by /api/health. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function timeZoneSetting(raw: string | undefined): string {
  const name = raw?.trim() || DEFAULT_SCHOOL_TIME_ZONE;
  if (!isTimeZone(name))
    throw new Error(`CARTABLE_TIMEZONE must be an IANA time zone such as Europe/Paris, got "${name}"`);
  return name;
}

/** A host only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function demoSetting(raw: string | undefined): ServerConfig['demo'] {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return 'loopback-only';
  if (['1', 'on', 'yes', 'true'].includes(value)) return 'on';
  if (['0', 'off', 'no', 'false'].includes(value)) return 'off';
  throw new Error(`CARTABLE_DEMO must be 1 (seed the demo) or 0 (never), got "${raw}"`);
}

/** Whether this start may create or serve the demo: asked for, or on a loopback address by default. */
export function demoAllowed(config: Pick<ServerConfig, 'demo' | 'host'>): boolean {
  return config.demo === 'on' || (config.demo === 'loopback-only' && isLoopbackHost(config.host));
}

/** Reads the configuration from an environment (process.env by default), with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      'DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)',
    );
  }
  return {
    port: positiveInt(env.PORT, 8080, 'PORT'),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    staticDir: path.resolve(env.CARTABLE_STATIC_DIR?.trim() || path.join(REPO_ROOT, 'dist')),
    demo: demoSetting(env.CARTABLE_DEMO),
    maxInFlight: positiveInt(env.CARTABLE_MAX_IN_FLIGHT, 200, 'CARTABLE_MAX_IN_FLIGHT'),
    connectionsPerAddress: positiveInt(
      env.CARTABLE_MAX_CONNECTIONS_PER_ADDRESS,
      HTTP_LIMITS.connectionsPerAddress,
      'CARTABLE_MAX_CONNECTIONS_PER_ADDRESS',
    ),
    classJoinsPerMinute: positiveInt(
      env.CARTABLE_CLASS_JOINS_PER_MINUTE,
      60,
      'CARTABLE_CLASS_JOINS_PER_MINUTE',
    ),
    trustedProxies: env.CARTABLE_TRUSTED_PROXIES
      ? positiveInt(env.CARTABLE_TRUSTED_PROXIES, 0, 'CARTABLE_TRUSTED_PROXIES')
      : 0,
    timeZone: timeZoneSetting(env.CARTABLE_TIMEZONE),
    version: packageVersion(),
  };
}
