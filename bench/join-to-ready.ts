/**
 * From join to every lesson ready offline, in headless Chromium against the real server,
 * for a class with 10, 100 and 300 published lessons (BENCH_LESSON_COUNTS to change).
 * A fresh server and browser profile per size; the time runs from opening the join link
 * to "everything is on this device". Run: `npm run build && npx tsx bench/join-to-ready.ts`.
 */
import { publishLessons } from './class-content.ts';
import { pupilContext, withServerAndBrowser } from './browser-setup.ts';

const COUNTS = (process.env.BENCH_LESSON_COUNTS ?? '10,100,300').split(',').map(Number);
/** Generous: the 300-lesson join took 45.7 s before this work. */
const TIMEOUT_MS = 180_000;

export interface JoinToReady {
  lessons: number;
  seconds: number;
}

async function manifestSize(origin: string, code: string): Promise<number> {
  const joined = await fetch(`${origin}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const { token } = (await joined.json()) as { token: string };
  const manifest = await fetch(`${origin}/api/pupil/manifest`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await manifest.json()) as { lessons: unknown[] }).lessons.length;
}

/** One measurement: a class with `lessons` published lessons, one pupil joining. */
export async function measureJoinToReady(lessons: number): Promise<JoinToReady> {
  return withServerAndBrowser(async (server, browser) => {
    const [probe, pupil] = server.demoPupils();
    if (!probe || !pupil) throw new Error('the demo class needs two pupils');
    const existing = await manifestSize(server.origin, probe.code);
    await publishLessons(server.origin, Math.max(0, lessons - existing));
    const listed = await manifestSize(server.origin, probe.code);

    const context = await pupilContext(browser);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(pupil.link);
    await page.getByTestId('all-ready').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const seconds = (performance.now() - started) / 1000;
    const cards = await page.locator('.lesson-card').count();
    if (cards !== listed) throw new Error(`${cards} lesson cards for ${listed} lessons listed`);
    await context.close();
    return { lessons: listed, seconds: Math.round(seconds * 100) / 100 };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results: JoinToReady[] = [];
  for (const count of COUNTS) {
    const result = await measureJoinToReady(count);
    results.push(result);
    console.log(`join → all ${result.lessons} lessons ready: ${result.seconds} s`);
  }
  console.log(JSON.stringify(results));
}
