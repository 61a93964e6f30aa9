/** A zip written with fflate as a web stream, so an archive of many files need not fit in memory. */
import { Zip } from 'fflate';

/** Stream the zip that `fill` writes (adding entries, then `zip.end()`); an error ends the stream with it. */
export function zipStream(fill: (zip: Zip) => Promise<void>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        await fill(zip);
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
