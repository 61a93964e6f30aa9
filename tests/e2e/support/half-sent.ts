/**
 * A stranger's sockets: each announces a 200-byte POST /api/join body and sends only its
 * first bytes, then holds (the slowloris of issue 8, point 1). Used by the server test and
 * by the bench, which times a fresh device's way in while they are held.
 */
import { connect, type Socket } from 'node:net';

export function holdHalfSentJoin(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.write(
        'POST /api/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          'Content-Length: 200\r\n\r\n{"code":"',
      );
      resolve(socket);
    });
    // The server may close or refuse some of them: that is its right.
    socket.on('error', () => resolve(socket));
  });
}

/** Holds `count` of them, opened one after another. */
export async function holdHalfSentJoins(port: number, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i++) sockets.push(await holdHalfSentJoin(port));
  return sockets;
}

/** A fresh device's way in, each step timed: the shell, health, joining, the manifest. */
export async function freshDeviceWayIn(
  origin: string,
  code: string,
): Promise<{ step: string; status: number; ms: number }[]> {
  const steps: { step: string; status: number; ms: number }[] = [];
  const timed = async (step: string, request: () => Promise<Response>) => {
    const started = performance.now();
    const response = await request();
    const body = await response.text();
    steps.push({ step, status: response.status, ms: Math.round(performance.now() - started) });
    return body;
  };
  await timed('shell', () => fetch(`${origin}/`));
  await timed('health', () => fetch(`${origin}/api/health`));
  const joined = await timed('join', () =>
    fetch(`${origin}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    }),
  );
  const { token } = JSON.parse(joined) as { token?: string };
  await timed('manifest', () =>
    fetch(`${origin}/api/pupil/manifest`, { headers: { authorization: `Bearer ${token ?? ''}` } }),
  );
  return steps;
}
