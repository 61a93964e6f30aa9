/**
 * Imported first by the pupil app's entry (src/app/main.tsx): the browser starts opening the device
 * database while the rest of the app's code is still being evaluated, so the first reads, those of
 * the lesson list, find it open or nearly.
 */
import { openDb } from './db.ts';

// A failed open is not kept: the first read opens again, and reports what goes wrong.
void openDb().catch(() => undefined);
