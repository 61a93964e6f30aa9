/** Fetch an authenticated file (with the bearer) and hand it to the browser as a download. */
import { saveFile } from '../ui/save-file.ts';
import { teacherDownload } from './teacher-api-client.ts';

/** Downloads `path` as this teacher and offers it under `filename`. */
export async function saveDownload(path: string, filename: string): Promise<void> {
  saveFile(filename, await teacherDownload(path));
}
