/**
 * Markdown → content trees in worker threads. The parser needs up to a few
 * hundred milliseconds for a 20,000-character field of nested lists or links
 * that the bounds (protocol/markdown-limits.ts) still allow, and a publish
 * holds up to 100 fields: converted on the main thread, that would stall
 * every other request. Workers start on first use, are unref'd (they never
 * keep the process alive), and a job that runs too long is ended with its
 * worker.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Content } from '../../protocol/content.ts';

/** A conversion that takes longer than this is abandoned (the bounds make it far above any real text). */
const JOB_TIMEOUT_MS = 20_000;

/** The text could not be converted in time: the route answers 422 markdown_too_complex. */
export class MarkdownTimeoutError extends Error {}

interface Job {
  id: number;
  texts: string[];
  resolve: (contents: Content[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

const require = createRequire(import.meta.url);
const size = Math.max(1, Math.min(2, availableParallelism() - 1));
const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

/** Converts each text to its content tree, in order, off the event loop. */
export function convertMarkdown(texts: readonly string[]): Promise<Content[]> {
  if (texts.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, texts: [...texts], resolve, reject });
    pump();
  });
}

function pump(): void {
  while (queue.length > 0) {
    let slot = slots.find((s) => s.job === null);
    if (!slot && slots.length < size) slot = startWorker();
    if (!slot) return;
    const job = queue.shift()!;
    slot.job = job;
    slot.timer = setTimeout(() => {
      // The worker is busy in the parser and cannot be interrupted: replace it.
      replace(slot!, new MarkdownTimeoutError('Markdown conversion took too long'));
    }, JOB_TIMEOUT_MS);
    slot.timer.unref();
    slot.worker.postMessage({ id: job.id, texts: job.texts });
  }
}

function startWorker(): Slot {
  // The same extension as this module: .ts under tsx and Vitest, .js once the server is compiled.
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const file = new URL(`./markdown-worker${extension}`, import.meta.url);
  const worker =
    extension === '.ts'
      ? // TypeScript run from source: the worker registers tsx's loader first, then loads its module.
        new Worker(
          `import(${JSON.stringify(tsxEsmApi())})` +
            `.then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`,
          { eval: true },
        )
      : new Worker(file);
  worker.unref();
  const slot: Slot = { worker, job: null, timer: null };
  worker.on('message', (reply: { id: number; contents?: Content[]; error?: string }) => {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    finish(slot);
    if (reply.contents) job.resolve(reply.contents);
    else job.reject(new Error(`Markdown conversion failed: ${reply.error}`));
    pump();
  });
  worker.on('error', (error) => replace(slot, error));
  worker.on('exit', () => {
    if (slots.includes(slot)) replace(slot, new Error('Markdown worker exited'));
  });
  slots.push(slot);
  return slot;
}

/** tsx's ES module API (require.resolve finds its CommonJS twin beside it). */
function tsxEsmApi(): string {
  return pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

function finish(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
}

/** Ends a worker, fails its job, and lets the queue start a fresh one. */
function replace(slot: Slot, error: Error): void {
  const job = slot.job;
  finish(slot);
  slots.splice(slots.indexOf(slot), 1);
  void slot.worker.terminate();
  job?.reject(error);
  pump();
}
