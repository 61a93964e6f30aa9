/** What every bench result file starts with: when it ran, at which commit, on what machine. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Call it at the end of a run: the load average then says how much other work shared the machine. */
export function runStamp() {
  return {
    date: new Date().toISOString(),
    commit: currentCommit(),
    // Other work on the machine during the run lowers every figure.
    machine: {
      cores: cpus().length,
      model: cpus()[0]?.model ?? '',
      node: process.version,
      loadAverage: loadavg(),
    },
  };
}
