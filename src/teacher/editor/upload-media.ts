/**
 * Upload a lesson's media file: hashed on the device (SubtleCrypto), then PUT to
 * /api/blobs/<sha256> with XMLHttpRequest, the one browser API that reports
 * upload progress. The server's refusal (413 too large, 415 wrong type) comes
 * back with its own sentence.
 */
import * as v from 'valibot';
import { API, ApiErrorSchema } from '../../../protocol/api.ts';
import { sha256Hex } from '../../../protocol/hash.ts';
import type { MediaRef } from '../../../protocol/lesson-pack.ts';
import { UploadResponseSchema } from '../../../protocol/teacher-api.ts';

export type UploadResult =
  { ok: true; media: MediaRef } | { ok: false; status: number; code: string; message: string };

export async function uploadMedia(
  file: File,
  token: string,
  onProgress: (sent: number, total: number) => void,
): Promise<UploadResult> {
  const bytes = await file.arrayBuffer();
  const blob = await sha256Hex(bytes);
  const mime = file.type || 'application/octet-stream';
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', API.uploadBlob(blob));
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', mime);
    xhr.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : bytes.byteLength);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status alone explains it
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(bytes.byteLength, bytes.byteLength);
        // The server names the type from the bytes themselves; the browser's guess is only a fallback.
        const stored = v.safeParse(UploadResponseSchema, body);
        resolve({
          ok: true,
          media: {
            blob,
            mime: stored.success ? stored.output.mime : mime,
            size: bytes.byteLength,
            optional: false,
          },
        });
        return;
      }
      const error = v.safeParse(ApiErrorSchema, body);
      resolve({
        ok: false,
        status: xhr.status,
        code: error.success ? error.output.error : `http_${xhr.status}`,
        message: error.success ? error.output.message : `HTTP ${xhr.status}`,
      });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, code: 'network', message: 'network' });
    xhr.ontimeout = () => resolve({ ok: false, status: 0, code: 'timeout', message: 'timeout' });
    xhr.send(bytes);
  });
}
