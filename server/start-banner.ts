/**
 * What `npm start` prints: where Cartable answers, the database, the demo logins. On a
 * wildcard HOST (0.0.0.0, ::) "http://0.0.0.0:8080" is no address anyone can type, so the
 * banner names this machine's network addresses and puts the join links on the first one;
 * and since browsers run service workers only on HTTPS or localhost, it says that a phone
 * reaching plain http://<address> works online only (README, "From a phone").
 */
import { isLoopbackHost } from './config.ts';

export interface BannerInput {
  version: string;
  host: string;
  port: number;
  database: string;
  /** Where uploaded files and packs live, when it is worth saying (not beside the database). */
  files?: string;
  /** This machine's external IPv4 addresses (os.networkInterfaces), used for a wildcard host. */
  networkAddresses: readonly string[];
  demo?: {
    teacher: { email: string; password: string };
    pupils: { name: string; code: string; joinCode: string }[];
  };
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '']);

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** The origins people can type to reach this server, the one to link first. */
export function reachableOrigins(host: string, port: number, networkAddresses: readonly string[]): string[] {
  if (isLoopbackHost(host)) return [`http://localhost:${port}`];
  if (WILDCARD.has(host))
    return [`http://localhost:${port}`, ...networkAddresses.map((a) => `http://${urlHost(a)}:${port}`)];
  return [`http://${urlHost(host)}:${port}`];
}

export function startBanner(input: BannerInput): string[] {
  const origins = reachableOrigins(input.host, input.port, input.networkAddresses);
  const onNetwork = origins.filter((o) => !o.startsWith('http://localhost:'));
  const linkOrigin = onNetwork[0] ?? origins[0]!;
  const lines = [`Cartable ${input.version} is running at ${origins[0]}`];
  if (onNetwork.length > 0 && origins[0] !== onNetwork[0])
    lines.push(`On your network: ${onNetwork.join('  ')}`);
  if (onNetwork.length > 0)
    lines.push(
      'Other devices reach it over plain http: it works online there, but browsers keep lessons offline only on ' +
        'https:// or localhost (README, "From a phone").',
    );
  lines.push(`Database: ${input.database}`);
  if (input.files) lines.push(`Files: ${input.files}`);
  if (input.demo && input.demo.pupils.length > 0) {
    lines.push(`Teacher login: ${input.demo.teacher.email}  password: ${input.demo.teacher.password}`);
    lines.push('Demo pupils (name, join code, join link):');
    for (const pupil of input.demo.pupils)
      lines.push(`  ${pupil.name}  ${pupil.code}  ${linkOrigin}/join#${pupil.joinCode}`);
  }
  return lines;
}

/** This machine's external IPv4 addresses, the ones a phone on the same network can use. */
export function externalIpv4(
  interfaces: NodeJS.Dict<{ address: string; family: string | number; internal: boolean }[]>,
): string[] {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => !i.internal && (i.family === 'IPv4' || i.family === 4))
    .map((i) => i.address);
}
