/**
 * Debian's HAProxy and nginx as children of the academy: in the foreground (no daemon), their
 * configuration, pid, logs and cache in the academy's temporary folder, each in its own process
 * group so that stopping the academy stops every worker they started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { renderConfig } from './render-config.ts';

export const HAPROXY = '/usr/sbin/haproxy';
export const NGINX = '/usr/sbin/nginx';

/** A started proxy: its process and what it wrote so far (for error messages). */
export interface ProxyProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

function launch(name: string, command: string, args: string[]): ProxyProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    name,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The whole group: nginx's workers and HAProxy's, not only the master.
      process.kill(-child.pid, 'SIGTERM');
      const late = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(late);
    },
  };
}

/** Starts HAProxy on `address` (host:port) balancing the given Cartable ports. */
export function startHaproxy(dir: string, address: string, cartablePorts: number[]): ProxyProcess {
  const servers = cartablePorts
    .map((port, i) => `    server cartable${i + 1} 127.0.0.1:${port} check`)
    .join('\n');
  const config = renderConfig(
    'haproxy.cfg',
    { BALANCER_ADDRESS: address, SERVERS: servers },
    path.join(dir, 'haproxy.cfg'),
  );
  // -db: stay in the foreground; -W would fork a master we do not need.
  return launch('haproxy', HAPROXY, ['-db', '-f', config]);
}

/** Starts nginx listening on `listen` (host:port), caching in front of the balancer at `balancer`. */
export function startNginx(dir: string, listen: string, balancer: string): ProxyProcess {
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'cache']) mkdirSync(path.join(dir, sub));
  const config = renderConfig(
    'nginx.conf',
    {
      // As root nginx's workers would switch to "nobody", who cannot write this folder.
      USER_LINE: process.getuid?.() === 0 ? 'user root;' : '# (not root: workers run as this user)',
      DIR: dir,
      LISTEN: listen,
      BALANCER_ADDRESS: balancer,
      CACHE_SIZE: '2g',
    },
    path.join(dir, 'nginx.conf'),
  );
  // -e: errors before the configuration is read go here too, not to /var/log/nginx.
  return launch('nginx', NGINX, ['-p', dir, '-c', config, '-e', path.join(dir, 'nginx-error.log')]);
}
