/** Fetch an authenticated file (with the bearer) and hand it to the browser as a download via a blob: URL. */
import { teacherDownload } from './teacher-api-client.ts';

export async function saveDownload(path: string, filename: string): Promise<void> {
  const blob = await teacherDownload(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
