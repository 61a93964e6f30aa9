/** Fetch an authenticated file (with the bearer) and hand it to the browser as a download. */
import { saveFile } from '../app/save-file.ts';
import { teacherDownload } from './teacher-api-client.ts';

/** Download the file at `path` with the teacher's session and save it under `filename`. */
export async function saveDownload(path: string, filename: string): Promise<void> {
  saveFile(filename, await teacherDownload(path));
}
