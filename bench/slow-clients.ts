/**
 * Issue 8, point 1, timed: 500 half-sent POST /api/join held by one address while a fresh
 * device loads the shell, checks health, joins and gets its manifest. Target: each step
 * within 1 s. Its own server process on 127.0.0.1; the sockets are closed at the end.
 */
import { freshDeviceWayIn, holdHalfSentJoins } from '../tests/e2e/support/half-sent.ts';
import { freePort, ServerProcess } from '../tests/e2e/support/server-process.ts';

export const SLOW_CLIENTS_TARGET = { held: 500, stepMs: 1000 };

export async function measureSlowClients() {
  const server = new ServerProcess(await freePort());
  await server.start();
  const sockets = await holdHalfSentJoins(server.port, SLOW_CLIENTS_TARGET.held);
  try {
    await new Promise((r) => setTimeout(r, 500));
    const steps = await freshDeviceWayIn(server.origin, server.demoPupils()[0]!.code);
    return {
      held: SLOW_CLIENTS_TARGET.held,
      stillOpenByTheServer: sockets.filter((s) => !s.closed).length,
      steps,
      ok: steps.every((s) => s.status === 200 && s.ms <= SLOW_CLIENTS_TARGET.stepMs),
    };
  } finally {
    for (const socket of sockets) socket.destroy();
    await server.dispose();
  }
}
