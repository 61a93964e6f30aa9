/**
 * The house rules of the import graph (docs/ARCHITECTURE.md, "Folders"). A rule broken on
 * purpose today is listed in KNOWN_EXCEPTIONS with the reason and the issue that removes it;
 * the test fails both on a new breach and on an exception that no longer happens, so the
 * list can only shrink.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  breaches,
  judge,
  readImportGraph,
  specifiersOf,
  type ImportRule,
  type KnownException,
} from './import-graph.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['protocol', 'server', 'src', 'sw'] as const;

const under =
  (...folders: string[]) =>
  (file: string) =>
    folders.some((folder) => file.startsWith(`${folder}/`));

const RULES: ImportRule[] = [
  {
    name: 'protocol/ imports no project file outside protocol/',
    from: under('protocol'),
    forbids: (target) => !under('protocol')(target),
  },
  {
    name: 'server/ imports nothing from src/ or sw/',
    from: under('server'),
    forbids: under('src', 'sw'),
  },
  {
    name: 'no route file imports another route file',
    from: under('server/routes'),
    forbids: under('server/routes'),
  },
  {
    name: 'server/http/ (HTTP helpers) imports only server/http/ and protocol/',
    from: under('server/http'),
    forbids: (target) => !under('server/http', 'protocol')(target),
  },
  {
    name: 'sw/, src/sync/ and src/store/ import no screen (src/pupil/, src/teacher/) and no shell (src/shell/)',
    from: under('sw', 'src/sync', 'src/store'),
    forbids: under('src/pupil', 'src/teacher', 'src/shell'),
  },
  {
    name: 'the foundation (src/app/), src/ui/ and the lesson view (src/lesson-view/) import no screen and no shell',
    from: under('src/app', 'src/ui', 'src/lesson-view'),
    forbids: under('src/pupil', 'src/teacher', 'src/shell'),
  },
  {
    name: 'no teacher file imports src/pupil/',
    from: under('src/teacher'),
    forbids: under('src/pupil'),
  },
  {
    name: 'no file outside the shell (src/shell/) imports it',
    from: (file) => !under('src/shell')(file),
    forbids: under('src/shell'),
  },
];

const SCREENS_RULE = RULES[4]!.name;
const SHELL_RULE = RULES[7]!.name;

/** Broken today, each with the reason and the issue that removes it: none left. */
const KNOWN_EXCEPTIONS: KnownException[] = [];

const graph = readImportGraph(ROOT, FOLDERS);

describe('the import graph', () => {
  it('is read whole: every folder has files, every relative import names a file', () => {
    for (const folder of FOLDERS) expect(graph.files.some(under(folder)), folder).toBe(true);
    expect(graph.unresolved).toEqual([]);
    // Edges known to exist, one of each kind the reader must see.
    const has = (from: string, to: string) => graph.edges.some((e) => e.from === from && e.to === to);
    expect(has('server/app.ts', 'server/routes/teacher/lessons.ts')).toBe(true);
    expect(has('sw/media-range.ts', 'protocol/byte-range.ts')).toBe(true);
    expect(has('src/shell/lazy-screen.tsx', 'src/teacher/teacher-app.tsx')).toBe(true); // import()
    expect(has('src/store/profiles.ts', 'src/store/outbox.ts')).toBe(true); // export … from
    expect(has('server/seed/demo.ts', 'server/seed/media/pizza.png')).toBe(true); // new URL(…)
  });

  for (const rule of RULES) {
    it(`holds: ${rule.name}`, () => {
      const { broken, staleExceptions } = judge(
        breaches(graph.edges, [rule]),
        KNOWN_EXCEPTIONS.filter((e) => e.rule === rule.name),
      );
      expect(broken, 'imports that break the rule').toEqual([]);
      expect(staleExceptions, 'known exceptions that no longer happen: remove them from the list').toEqual(
        [],
      );
    });
  }
});

describe('the rule checker', () => {
  it('sees every kind of import statement', () => {
    const text = [
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "const e = await import('./e.ts');",
      "import './f.css';",
      "new Worker(new URL('./g.ts', import.meta.url));",
      "import { h } from 'valibot';",
    ].join('\n');
    expect(specifiersOf(text).sort()).toEqual(
      ['../b.ts', './a.ts', './c.ts', './d.ts', './e.ts', './f.css', './g.ts'].sort(),
    );
  });

  it('reports a deliberate breach of each rule, and an exception that went away', () => {
    const deliberate = [
      { from: 'protocol/api.ts', to: 'server/deps.ts' },
      { from: 'server/app.ts', to: 'src/app/app-state.ts' },
      { from: 'server/routes/pupil/join.ts', to: 'sw/sw.ts' },
      { from: 'server/routes/teacher/dashboard.ts', to: 'server/routes/teacher/devices.ts' },
      { from: 'server/http/json.ts', to: 'server/security/received-body.ts' },
      { from: 'src/sync/outbox-sender.ts', to: 'src/pupil/lesson-player.tsx' },
      { from: 'src/store/db.ts', to: 'src/teacher/teacher-outbox.ts' },
      { from: 'sw/background-sync.ts', to: 'src/shell/app.tsx' },
      { from: 'src/app/app-state.ts', to: 'src/pupil/lesson-list.tsx' },
      { from: 'src/lesson-view/media-step.tsx', to: 'src/pupil/on-demand-media.tsx' },
      { from: 'src/teacher/editor/lesson-preview.tsx', to: 'src/pupil/lesson-player.tsx' },
      { from: 'src/pupil/lesson-player.tsx', to: 'src/shell/lazy-screen.tsx' },
      // Allowed: a route using a helper, the server using protocol/, a screen using the store,
      // the shell loading a screen, the teacher preview using the lesson view, a screen using the foundation.
      { from: 'server/routes/blobs.ts', to: 'server/http/etag.ts' },
      { from: 'server/app.ts', to: 'protocol/api.ts' },
      { from: 'src/pupil/lesson-player.tsx', to: 'src/store/db.ts' },
      { from: 'src/shell/lazy-screen.tsx', to: 'src/pupil/lesson-player.tsx' },
      { from: 'src/teacher/editor/lesson-preview.tsx', to: 'src/lesson-view/step-view.tsx' },
      { from: 'src/teacher/teacher-app.tsx', to: 'src/app/i18n.ts' },
    ];
    const gone: KnownException = {
      rule: SCREENS_RULE,
      from: 'sw/teacher-sync.ts',
      to: 'src/teacher/outbox-sender.ts',
      why: 'the teacher outbox sender lived in the screens folder until issue 9 point 1',
    };
    const { broken, staleExceptions } = judge(breaches(deliberate, RULES), [...KNOWN_EXCEPTIONS, gone]);
    expect(broken).toEqual([
      `${RULES[0]!.name}: protocol/api.ts → server/deps.ts`,
      `${RULES[1]!.name}: server/app.ts → src/app/app-state.ts`,
      `${RULES[1]!.name}: server/routes/pupil/join.ts → sw/sw.ts`,
      `${RULES[2]!.name}: server/routes/teacher/dashboard.ts → server/routes/teacher/devices.ts`,
      `${RULES[3]!.name}: server/http/json.ts → server/security/received-body.ts`,
      `${SCREENS_RULE}: src/sync/outbox-sender.ts → src/pupil/lesson-player.tsx`,
      `${SCREENS_RULE}: src/store/db.ts → src/teacher/teacher-outbox.ts`,
      `${SCREENS_RULE}: sw/background-sync.ts → src/shell/app.tsx`,
      `${RULES[5]!.name}: src/app/app-state.ts → src/pupil/lesson-list.tsx`,
      `${RULES[5]!.name}: src/lesson-view/media-step.tsx → src/pupil/on-demand-media.tsx`,
      `${RULES[6]!.name}: src/teacher/editor/lesson-preview.tsx → src/pupil/lesson-player.tsx`,
      `${SHELL_RULE}: sw/background-sync.ts → src/shell/app.tsx`,
      `${SHELL_RULE}: src/pupil/lesson-player.tsx → src/shell/lazy-screen.tsx`,
    ]);
    // The exception that no longer happens is reported as stale.
    expect(staleExceptions).toHaveLength(1);
  });
});
