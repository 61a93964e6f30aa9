/** Worker thread of the Markdown pool (markdown-pool.ts): converts texts off the server's event loop. */
import { parentPort } from 'node:worker_threads';
import { markdownToContent } from '../../protocol/markdown.ts';

parentPort!.on('message', (job: { id: number; texts: string[] }) => {
  try {
    parentPort!.postMessage({ id: job.id, contents: job.texts.map(markdownToContent) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: String(error) });
  }
});
