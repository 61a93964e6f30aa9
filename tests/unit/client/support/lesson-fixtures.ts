/** Test-only: real lesson packs and media, hashed like the server does. */
import { PACK_FORMAT, sha256Hex, type LessonPack, type ManifestLesson } from '../../../../protocol/index.ts';

export interface PublishedLesson {
  entry: ManifestLesson;
  pack: LessonPack;
  packBytes: Uint8Array<ArrayBuffer>;
  media: Map<string, { bytes: Uint8Array<ArrayBuffer>; mime: string }>;
}

/** A published lesson with one text step and, when given, one image. */
export async function publishLesson(
  id: string,
  options: {
    image?: Uint8Array<ArrayBuffer>;
    availableFrom?: string;
    /** Media marked optional by the teacher (data saver may skip it). */
    optional?: boolean;
    /** A republished version: same id, new pack. */
    version?: number;
  } = {},
): Promise<PublishedLesson> {
  const media = new Map<string, { bytes: Uint8Array<ArrayBuffer>; mime: string }>();
  const steps: LessonPack['steps'] = [
    { id: 's1', kind: 'text', body: [{ t: 'p', c: [{ t: 'text', v: `Leçon ${id}` }] }] },
  ];
  if (options.image) {
    const sha = await sha256Hex(options.image);
    media.set(sha, { bytes: options.image, mime: 'image/png' });
    steps.push({
      id: 's2',
      kind: 'image',
      media: {
        blob: sha,
        mime: 'image/png',
        size: options.image.byteLength,
        optional: options.optional ?? false,
      },
      alt: 'Une carte',
    });
  }
  const pack: LessonPack = {
    format: PACK_FORMAT,
    id,
    version: options.version ?? 1,
    title: options.version ? `Leçon ${id} (v${options.version})` : `Leçon ${id}`,
    classId: 'cm1-a',
    availableFrom: options.availableFrom ?? '2021-04-06T08:00:00.000Z',
    dueAt: null,
    steps,
  };
  const packBytes = new TextEncoder().encode(JSON.stringify(pack));
  const size = packBytes.byteLength + [...media.values()].reduce((sum, m) => sum + m.bytes.byteLength, 0);
  const entry: ManifestLesson = {
    id,
    version: pack.version,
    title: pack.title,
    pack: await sha256Hex(packBytes),
    size,
    availableFrom: pack.availableFrom,
    dueAt: null,
  };
  return { entry, pack, packBytes, media };
}

/** Some deterministic bytes standing in for an image. */
export function imageBytes(seed: number, length = 2048): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 256);
}
