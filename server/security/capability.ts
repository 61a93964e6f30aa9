/**
 * Capability URLs for class-wide, cacheable answers: `<classId>/<HMAC of it>`, so only a
 * device that got the URL from its authenticated manifest can name it, and any cache may
 * hold the answer. The key comes from CARTABLE_CAPABILITY_KEY (shared by every process of
 * one deployment); without it, each start draws its own and devices fall back to a manifest
 * check once (an old URL answers 404).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The deployment's key, or a fresh one for this process. */
export function capabilityKeyFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.CARTABLE_CAPABILITY_KEY?.trim() || randomBytes(32).toString('hex');
}

// Every manifest check names its class's URL: the MAC is a pure function of key and class, so
// it is computed once per class (bounded, oldest out first).
const known = new Map<string, string>();
const KNOWN_MAX = 10_000;

/** The hex MAC of one class's news URL. */
export function classCapability(key: string, classId: string): string {
  const name = `${key}\u0000${classId}`;
  let mac = known.get(name);
  if (mac === undefined) {
    mac = createHmac('sha256', key).update(`cartable.class-news/1:${classId}`).digest('hex');
    if (known.size >= KNOWN_MAX) known.delete(known.keys().next().value!);
    known.set(name, mac);
  }
  return mac;
}

/** Whether `mac` is that class's capability (constant time). */
export function isClassCapability(key: string, classId: string, mac: string): boolean {
  const expected = Buffer.from(classCapability(key, classId), 'hex');
  const given = /^[0-9a-f]{64}$/.test(mac) ? Buffer.from(mac, 'hex') : null;
  return given !== null && timingSafeEqual(expected, given);
}
