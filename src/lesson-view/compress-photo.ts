/**
 * Photos of paper work, made small on the device before they wait in the
 * outbox: at most 1600 px on the long side, JPEG, quality lowered until the
 * file is under ~600 KB (metered data, old phones, full storage).
 */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_MAX_BYTES = 600_000;
const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45, 0.35];

/** The size to draw a `width` × `height` picture at, keeping its proportions. */
export function fitWithin(
  width: number,
  height: number,
  maxSide = PHOTO_MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob failed'))),
      'image/jpeg',
      quality,
    ),
  );
}

/** Draw the picture (camera frame or chosen file) small enough, and return JPEG bytes. */
export async function compressPhoto(
  source: CanvasImageSource,
  width: number,
  height: number,
): Promise<ArrayBuffer> {
  let size = fitWithin(width, height);
  for (;;) {
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')!.drawImage(source, 0, 0, size.width, size.height);
    for (const quality of QUALITIES) {
      const blob = await toJpeg(canvas, quality);
      if (blob.size <= PHOTO_MAX_BYTES) return blob.arrayBuffer();
    }
    // Still too big at the lowest quality (a very busy picture): make it smaller and try again.
    size = fitWithin(size.width, size.height, Math.round(Math.max(size.width, size.height) * 0.75));
  }
}
