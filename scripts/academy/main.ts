/**
 * `npm run academy`: starts the rehearsal deployment (academy.ts) on this machine, prints its
 * address and the demo logins, and stops everything it started on Ctrl-C or SIGTERM.
 * PORT (default 8080) is nginx's; ACADEMY_PROCESSES (or --processes N, default 3) Cartable's.
 */
import { parseArgs } from 'node:util';
import { startAcademy } from './academy.ts';
import { controlFilePath, serveControl } from './control.ts';

const { values } = parseArgs({ options: { processes: { type: 'string' } } });
const port = Number(process.env.PORT ?? 8080);
const processes = Number(values.processes ?? process.env.ACADEMY_PROCESSES ?? 3);
if (!Number.isInteger(port) || port <= 0 || port > 65535)
  throw new Error(`PORT must be a port number, got ${port}`);
if (!Number.isInteger(processes) || processes < 1 || processes > 16)
  throw new Error(`--processes must be between 1 and 16, got ${processes}`);

console.log(`Starting an academy: PostgreSQL, ${processes} Cartable processes, HAProxy, nginx…`);
const academy = await startAcademy({ port, processes });
const closeControl = await serveControl(academy, port);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the academy…`);
  await closeControl();
  await academy.stop();
  console.log('Stopped: no process or temporary folder left.');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

const width = Math.max(...academy.demo.pupils.map((p) => p.name.length));
console.log(
  [
    '',
    `Cartable academy on ${academy.url}`,
    `  nginx (cache for /packs/, /blobs/, class news) → HAProxy ${academy.balancerUrl}`,
    `  → Cartable on ports ${academy.processes.map((p) => p.port).join(', ')} → PostgreSQL on port ${academy.postgres.port}`,
    `  Files, logs and cache: ${academy.dir}`,
    `  Faults for npm run rehearse -- --chaos: ${controlFilePath(port)}`,
    '',
    `Teacher login (on ${academy.url}): ${academy.demo.teacher.email}  password: ${academy.demo.teacher.password}`,
    'Pupils:',
    ...academy.demo.pupils.map((p) => `  ${p.name.padEnd(width)}  ${p.code}  ${p.link}`),
    '',
    `Rehearse: npm run rehearse -- --url ${academy.url} --pupils 1000 --window 60 --chaos`,
    'Ctrl-C stops everything.',
  ].join('\n'),
);
