/** Hand a file to the family: the browser's download of a JSON document, named for a person. */
import { exportUnsentWork } from '../store/work-export.ts';
import type { Profile } from '../store/records.ts';

/** Offer `data` as a JSON file download. */
export function saveJsonFile(fileName: string, data: unknown): void {
  saveFile(fileName, new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
}

/** Offer a file download under this name. */
export function saveFile(fileName: string, file: Blob): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Download a profile's unsent work (or some of it) as "cartable-<name>-<date>.json". */
export async function downloadUnsentWork(profile: Profile, submissionIds?: string[]): Promise<number> {
  const exported = await exportUnsentWork(profile.id, submissionIds);
  const safeName = profile.pupilName
    .normalize('NFD')
    .replace(/[^\w-]+/g, '-')
    .toLowerCase();
  saveJsonFile(`cartable-${safeName}-${exported.exportedAt.slice(0, 10)}.json`, exported);
  return exported.submissions.length;
}
