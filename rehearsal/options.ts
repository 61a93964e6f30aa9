/** The rehearsal's command line: what to rehearse, within which bounds, against which deployment. */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { DEMO_TEACHER } from '../tests/e2e/support/teacher-api.ts';

export interface RehearsalOptions {
  url: string;
  pupils: number;
  /** Seconds over which the morning's hand-ins start. */
  windowSeconds: number;
  chaos: boolean;
  teacher: { email: string; password: string };
  /** Where the report goes (JSON and HTML). */
  outDir: string;
  /** The academy's control file (faults), when --chaos. */
  controlFile?: string;
}

/** Bounds that keep a rehearsal from becoming an attack on someone's servers. */
export const LIMITS = { pupils: 20_000, windowSeconds: 3_600 } as const;

/** True for a host name or address that is this machine. */
export function isThisMachine(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function whole(raw: string | undefined, name: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got ${raw ?? 'nothing'}`);
  return value;
}

/** Reads and checks the arguments of `npm run rehearse -- …`. */
export function parseRehearsalArgs(args: string[]): RehearsalOptions {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      pupils: { type: 'string' },
      window: { type: 'string' },
      chaos: { type: 'boolean', default: false },
      'allow-remote': { type: 'boolean', default: false },
      'teacher-email': { type: 'string' },
      'teacher-password': { type: 'string' },
      out: { type: 'string', default: 'rehearsal-report' },
      academy: { type: 'string' },
    },
  });
  if (!values.url) throw new Error('--url is required, e.g. --url http://127.0.0.1:8080');
  const url = new URL(values.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('--url must be http(s)');
  if (!isThisMachine(url.hostname) && !values['allow-remote'])
    throw new Error(
      `${url.hostname} is not this machine: a rehearsal is a load test. Add --allow-remote only for a deployment you run.`,
    );
  if (values.chaos && !isThisMachine(url.hostname))
    throw new Error('--chaos needs an academy on this machine (npm run academy)');
  const email = values['teacher-email'];
  const password = values['teacher-password'];
  if ((email === undefined) !== (password === undefined))
    throw new Error('give both --teacher-email and --teacher-password, or neither (the demo teacher)');
  return {
    url: url.origin,
    pupils: whole(values.pupils, 'pupils', 1, LIMITS.pupils),
    windowSeconds: whole(values.window, 'window', 1, LIMITS.windowSeconds),
    chaos: values.chaos ?? false,
    teacher: email && password ? { email, password } : DEMO_TEACHER,
    outDir: values.out ?? 'rehearsal-report',
    ...(values.academy ? { controlFile: values.academy } : {}),
  };
}
