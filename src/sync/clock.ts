/**
 * Server-corrected time. Lessons unlock at `availableFrom` on the device, so a
 * device whose clock is wrong uses the offset measured at its last sync.
 */
import { getClockOffset, setClockOffset } from '../store/meta.ts';

/** Device time corrected by an offset (server minus device, ms). */
export function correctedNow(offsetMs: number, deviceNowMs: number = Date.now()): number {
  return deviceNowMs + offsetMs;
}

/** The server's time for this profile, as best the device knows it. */
export async function serverNow(profileId: string, deviceNowMs: number = Date.now()): Promise<Date> {
  return new Date(correctedNow(await getClockOffset(profileId), deviceNowMs));
}

/** Whether a lesson is open for this profile at the corrected time. */
export function isAvailable(
  availableFrom: string,
  offsetMs: number,
  deviceNowMs: number = Date.now(),
): boolean {
  return Date.parse(availableFrom) <= correctedNow(offsetMs, deviceNowMs);
}

/**
 * Offset from one exchange: the server's clock against the middle of the request,
 * which halves the error a slow link adds.
 */
export function measureOffset(serverTimeMs: number, sentAtMs: number, receivedAtMs: number): number {
  return serverTimeMs - (sentAtMs + receivedAtMs) / 2;
}

/** The server time an answer carries: its body's serverTime, else its Date header, else null. */
export function serverTimeOf(response: Response, bodyServerTime?: string): number | null {
  const fromBody = bodyServerTime === undefined ? Number.NaN : Date.parse(bodyServerTime);
  if (!Number.isNaN(fromBody)) return fromBody;
  const header = response.headers.get('date');
  const fromHeader = header === null ? Number.NaN : Date.parse(header);
  return Number.isNaN(fromHeader) ? null : fromHeader;
}

/** Store the offset measured on an exchange, when the answer carried a time. */
export async function recordClockOffset(
  profileId: string,
  response: Response,
  sentAtMs: number,
  receivedAtMs: number,
  bodyServerTime?: string,
): Promise<void> {
  const serverTime = serverTimeOf(response, bodyServerTime);
  if (serverTime !== null) await setClockOffset(profileId, measureOffset(serverTime, sentAtMs, receivedAtMs));
}
