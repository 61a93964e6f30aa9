/**
 * The manifest's `sequence` of a lesson entry, in a module of its own: every pupil device reads
 * the manifest at start, and the teacher's sequence schemas (sequence-api.ts) need not come along.
 */
import * as v from 'valibot';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** The manifest's `sequence` of a lesson entry: which sequence, and its place in it (1-based). */
export const ManifestSequenceSchema = v.object({
  id: Id,
  title: v.string(),
  position: v.pipe(v.number(), v.integer(), v.minValue(1)),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type ManifestSequence = v.InferOutput<typeof ManifestSequenceSchema>;
