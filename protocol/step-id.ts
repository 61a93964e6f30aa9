/**
 * Step ids name the answers of a submission: `answers[stepId]`. A plain JavaScript
 * object cannot hold every string as a key: `__proto__` sets the prototype and
 * valibot's record drops it (with `constructor` and `prototype`) for safety, so an
 * answer under such a key would be acknowledged and lost. Such ids are refused
 * wherever they enter: in a draft, in a pack, and as a key of submitted answers.
 */
import * as v from 'valibot';

/** Keys an object-backed record cannot keep. */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const notReserved = (id: string) => !RESERVED_KEYS.includes(id);

export const StepIdSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(64),
  v.check(notReserved, 'this step id is reserved (__proto__, constructor, prototype)'),
);

/** True when no own key of the (raw, parsed-JSON) object is reserved. */
export function hasNoReservedKey(input: unknown): boolean {
  return typeof input !== 'object' || input === null || Object.keys(input).every(notReserved);
}
