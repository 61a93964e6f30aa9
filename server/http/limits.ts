/**
 * How long and how much the server waits for a client, in one place (docs/SECURITY.md
 * lists them). Chosen so a pupil on a poor mobile link still gets through, while a
 * stranger holding sockets open costs a socket and nothing more.
 */
const MB = 1024 * 1024;

export const HTTP_LIMITS = {
  /** From connection (or the end of the previous request) to the end of the headers. */
  headersTimeoutMs: 10_000,
  /** A JSON body (hand-in, publish, join…): the whole of it. */
  bodyTimeoutMs: 30_000,
  /** Any body: the longest silence between two chunks. */
  bodyIdleMs: 10_000,
  /**
   * The whole of any request, uploads included: a 50 MB lesson video over a 0.5 Mbit/s
   * home upload takes about 13 minutes.
   */
  requestTimeoutMs: 15 * 60_000,
  /** An idle kept-alive connection. */
  keepAliveTimeoutMs: 5_000,
  /** The largest JSON body any route accepts (a lesson draft, a hand-in): read before a slot is taken. */
  largestJsonBody: 2 * MB,
  /** A family's work file a teacher imports: a pupil's whole attachment quota fits in it. */
  workFileBytes: 100 * MB,
  /** Connections one address may hold at once (CARTABLE_MAX_CONNECTIONS_PER_ADDRESS). */
  connectionsPerAddress: 256,
} as const;
