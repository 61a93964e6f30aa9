/**
 * The page's one bridge to the service worker: registration, the worker's (and other
 * tabs') notices, and updates. An update never reloads the page by itself, and
 * never while a lesson is open: the pupil's work and place come first.
 */
import { Workbox } from 'workbox-window';
import type { WorkerToPage } from '../../protocol/index.ts';
import { newUuid } from '../../protocol/hash.ts';
import { CHANNEL_NAME } from '../sync/broadcast.ts';
import { serviceWorkerScriptUrl } from './trusted-script-url.ts';

let workbox: Workbox | null = null;
let updateWaiting = false;
let lessonOpen = false;
let updateRequested = false;
const updateListeners = new Set<() => void>();

const supported = () => typeof navigator !== 'undefined' && 'serviceWorker' in navigator;

/**
 * Tabs announce over this channel whether they have a lesson open, so an update applied from
 * one tab waits while ANY tab has a lesson open (activating the new worker reloads them all).
 */
export const LESSONS_CHANNEL = 'cartable-lessons-open';
type LessonsMessage = { type: 'query'; tab: string } | { type: 'lesson'; tab: string; open: boolean };
const TAB_ID = newUuid();
const otherTabsWithLesson = new Set<string>();
let lessonsChannel: BroadcastChannel | null = null;

function isLessonsMessage(data: unknown): data is LessonsMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    'tab' in data &&
    typeof data.tab === 'string' &&
    'type' in data &&
    (data.type === 'query' || data.type === 'lesson')
  );
}

function lessonsBus(): BroadcastChannel | null {
  if (lessonsChannel || typeof BroadcastChannel === 'undefined') return lessonsChannel;
  const channel = new BroadcastChannel(LESSONS_CHANNEL);
  lessonsChannel = channel;
  channel.addEventListener('message', (event: MessageEvent) => {
    const message: unknown = event.data;
    if (!isLessonsMessage(message) || message.tab === TAB_ID) return;
    if (message.type === 'query') {
      channel.postMessage({ type: 'lesson', tab: TAB_ID, open: lessonOpen } satisfies LessonsMessage);
      return;
    }
    if (message.open) otherTabsWithLesson.add(message.tab);
    else {
      otherTabsWithLesson.delete(message.tab);
      if (updateRequested) applyUpdate();
    }
  });
  if (typeof window !== 'undefined')
    window.addEventListener('pagehide', () =>
      channel.postMessage({ type: 'lesson', tab: TAB_ID, open: false } satisfies LessonsMessage),
    );
  channel.postMessage({ type: 'query', tab: TAB_ID } satisfies LessonsMessage);
  return channel;
}

/** Whether this tab or another one has a lesson open. */
export function anyLessonOpen(): boolean {
  return lessonOpen || otherTabsWithLesson.size > 0;
}

/** Register /sw.js (production builds only; the dev server has no worker). Call once at start-up. */
export function registerWorker(): void {
  if (!import.meta.env.PROD || !supported() || workbox) return;
  lessonsBus();
  workbox = new Workbox(serviceWorkerScriptUrl(), { scope: '/' });
  workbox.addEventListener('waiting', () => {
    updateWaiting = true;
    for (const listener of updateListeners) listener();
  });
  workbox.register().catch((error: unknown) => {
    if (import.meta.env.DEV) console.warn('service worker registration failed', error);
  });
}

function isWorkerToPage(data: unknown): data is WorkerToPage {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    (data.type === 'outbox:changed' || data.type === 'lessons:changed')
  );
}

/**
 * Listen to the worker and to other tabs (BroadcastChannel 'cartable'); both carry
 * WorkerToPage notices. Returns a function that stops listening.
 */
export function onWorkerMessage(handler: (message: WorkerToPage) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (isWorkerToPage(event.data)) handler(event.data);
  };
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
  channel?.addEventListener('message', onMessage);
  if (supported()) navigator.serviceWorker.addEventListener('message', onMessage);
  return () => {
    channel?.close();
    if (supported()) navigator.serviceWorker.removeEventListener('message', onMessage);
  };
}

/** Call `callback` when a new version is installed and waiting (at once if it already is). Returns unsubscribe. */
export function onUpdateWaiting(callback: () => void): () => void {
  updateListeners.add(callback);
  if (updateWaiting) queueMicrotask(callback);
  return () => updateListeners.delete(callback);
}

/** The lesson player calls this on open (true) and close (false): updates wait for the lesson to close. */
export function setLessonOpen(open: boolean): void {
  lessonOpen = open;
  lessonsBus()?.postMessage({ type: 'lesson', tab: TAB_ID, open } satisfies LessonsMessage);
  if (!open && updateRequested) applyUpdate();
}

/**
 * The pupil chose "Nouvelle version — mettre à jour": activate the waiting worker and
 * reload once it controls the page. With a lesson open in any tab, it happens when the last closes.
 * Returns 'applying' or 'afterLesson'.
 */
export function applyUpdate(): 'applying' | 'afterLesson' | 'nothingWaiting' {
  if (!workbox || !updateWaiting) return 'nothingWaiting';
  // Activating the new worker reloads every tab: wait while any of them has a lesson open.
  if (anyLessonOpen()) {
    updateRequested = true;
    return 'afterLesson';
  }
  updateRequested = false;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
  return 'applying';
}
