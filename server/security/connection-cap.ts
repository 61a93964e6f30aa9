/**
 * A cap on the connections one address holds at once. At the cap, a new connection
 * does not get refused: the address's oldest connection that is not being answered
 * (idle between requests, or still sending its headers or body) is closed to make
 * room. So a script holding 500 half-sent requests keeps at most `perAddress` of them,
 * and a real device behind the same address (a family's box, a school's network)
 * still gets in. Only when every one of the address's connections is being answered
 * is the newcomer turned away.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** What the server is doing on a socket. */
interface Tracked {
  /** The request being answered on it, once fully received. */
  answering: boolean;
}

export function capConnectionsPerAddress(server: Server, perAddress: number): void {
  const byAddress = new Map<string, Map<Socket, Tracked>>();

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    let sockets = byAddress.get(address);
    if (!sockets) byAddress.set(address, (sockets = new Map()));
    if (sockets.size >= perAddress) {
      // Maps keep insertion order: the first match is the oldest.
      const victim = [...sockets].find(([, state]) => !state.answering)?.[0];
      if (!victim) {
        socket.destroy();
        return;
      }
      victim.destroy();
      sockets.delete(victim);
    }
    sockets.set(socket, { answering: false });
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && byAddress.get(address) === sockets) byAddress.delete(address);
    });
  });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = byAddress.get(request.socket.remoteAddress ?? 'unknown')?.get(request.socket);
    if (!state) return;
    // A body still trickling in is not being answered yet: it stays the first to go.
    const received = () => (state.answering = true);
    if (request.complete) received();
    else request.once('end', received);
    response.once('close', () => (state.answering = false));
  });
}
