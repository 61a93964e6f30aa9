/**
 * `npm run bench`: the school-server rush (run.ts, bench/results/latest.json), then issue 14's
 * targets (issue-14.ts, bench/results/issue-14.json and .svg), then the academy's figures
 * (academy.ts, bench/results/academy.json). Each sets a failing exit code when one of its checks
 * fails; all always run.
 */
export {};

await import('./run.ts');
await import('./issue-14.ts');
await import('./academy.ts');
