/**
 * A cap on the connections one address holds at once. At the cap, a new connection
 * is not simply refused: room is made by closing the address's oldest connection
 * still sending its headers or body (what a script holding half-sent requests
 * leaves), else its oldest idle kept-alive one (its client opens another when it
 * needs one). So a script holding 500 half-sent requests keeps at most `perAddress`
 * of them, and a real device behind the same address (a family's box, a school's
 * network) still gets in. Only when every one of the address's connections is being
 * answered is the newcomer turned away.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Where a socket is: between requests, receiving one (headers or body), or being answered. */
interface Tracked {
  phase: 'idle' | 'receiving' | 'answering';
}

export function capConnectionsPerAddress(server: Server, perAddress: number): void {
  const byAddress = new Map<string, Map<Socket, Tracked>>();

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    let sockets = byAddress.get(address);
    if (!sockets) byAddress.set(address, (sockets = new Map()));
    if (sockets.size >= perAddress) {
      // Maps keep insertion order: the first match is the oldest.
      const oldest = (phase: Tracked['phase']) =>
        [...sockets].find(([, state]) => state.phase === phase)?.[0];
      const victim = oldest('receiving') ?? oldest('idle');
      if (!victim) {
        socket.destroy();
        return;
      }
      victim.destroy();
      sockets.delete(victim);
    }
    // Nothing has arrived on a new socket yet: it is receiving its first headers.
    const state: Tracked = { phase: 'receiving' };
    sockets.set(socket, state);
    // Bytes after an idle spell start the next request's headers.
    socket.on('data', () => {
      if (state.phase === 'idle') state.phase = 'receiving';
    });
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && byAddress.get(address) === sockets) byAddress.delete(address);
    });
  });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = byAddress.get(request.socket.remoteAddress ?? 'unknown')?.get(request.socket);
    if (!state) return;
    // A body still trickling in is not being answered yet: it stays among the first to go.
    const received = () => (state.phase = 'answering');
    if (request.complete) received();
    else request.once('end', received);
    response.once('close', () => (state.phase = 'idle'));
  });
}
