/**
 * Data saver: which media wait for the pupil to ask instead of downloading by
 * themselves. Large or optional media wait when the browser's Data Saver is on, or
 * when the family chose "Wi-Fi only / ask first" and the device is not on Wi-Fi.
 * Everything else (text, quizzes, small pictures) always comes down: a lesson must
 * be usable offline without the media that wait.
 */
import type { MediaRef } from '../../protocol/index.ts';
import type { DownloadPolicy } from '../store/device-settings.ts';

/** Media above this size count as large (5 MB). */
export const LARGE_MEDIA_BYTES = 5_000_000;

/** What the browser says about the connection; unknown fields are null. */
export interface NetworkHints {
  saveData: boolean;
  /** true on Wi-Fi or Ethernet, false on mobile data, null when the browser does not say. */
  onWifi: boolean | null;
}

interface NetworkInformationLike {
  saveData?: boolean;
  type?: string;
}

/** Read navigator.connection (Chromium only; elsewhere nothing is known). */
export function networkHints(): NetworkHints {
  const connection = (globalThis.navigator as { connection?: NetworkInformationLike } | undefined)
    ?.connection;
  const type = connection?.type;
  return {
    saveData: connection?.saveData === true,
    onWifi: type === undefined || type === 'unknown' ? null : type === 'wifi' || type === 'ethernet',
  };
}

/** Whether this media file waits for the pupil to ask for it. */
export function waitsForPupil(ref: MediaRef, policy: DownloadPolicy, hints: NetworkHints): boolean {
  if (!ref.optional && ref.size <= LARGE_MEDIA_BYTES) return false;
  if (hints.saveData) return true;
  // "Ask first" with an unknown connection type: ask, since a surprise on a metered plan costs the family.
  return policy === 'askFirst' && hints.onWifi !== true;
}
