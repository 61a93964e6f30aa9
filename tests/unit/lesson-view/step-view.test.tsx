/**
 * The lesson view reads no pupil state: a media file the active pupil's data saver left on the
 * server is offered only where the player asks for it, never in the teacher's preview.
 */
import { signal } from '@preact/signals';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Step } from '../../../protocol/index.ts';
import { AppStateContext, type AppState } from '../../../src/app/app-state.ts';
import { memoryAttachmentStore } from '../../../src/lesson-view/attachment-store.ts';
import { StepView } from '../../../src/lesson-view/step-view.tsx';
import { mediaOnDemand } from '../../../src/pupil/on-demand-media.tsx';
import type { LessonRecord } from '../../../src/store/records.ts';

const BLOB = 'b'.repeat(64);
const image: Extract<Step, { kind: 'image' }> = {
  id: 's1',
  kind: 'image',
  media: { blob: BLOB, mime: 'image/png', size: 8_000_000, optional: true },
  alt: 'Une carte',
};
// The active pupil's lesson whose image waits for the pupil (data saver).
const lessons = [{ lessonId: 'l1', mediaOnDemand: [image.media] }] as unknown as LessonRecord[];
const pupilApp = { lessons: signal(lessons), mediaDownloads: signal(new Map()) } as unknown as AppState;

const view = (extra: { mediaOnDemand?: (blob: string) => unknown } = {}) =>
  renderToString(
    <AppStateContext.Provider value={pupilApp}>
      <StepView
        step={image}
        answers={{}}
        checked={false}
        readOnly={false}
        attachments={memoryAttachmentStore()}
        onAnswer={() => undefined}
        onCheck={() => undefined}
        {...(extra as object)}
      />
    </AppStateContext.Provider>,
  );

describe('StepView', () => {
  it('shows the file in the teacher preview even when the active pupil waits for it', () => {
    const html = view();
    expect(html).toContain(`<img src="/blobs/${BLOB}"`);
    expect(html).not.toContain('data-on-demand');
  });

  it('offers the file on demand where the pupil player asks for it', () => {
    const html = view({ mediaOnDemand: mediaOnDemand(lessons) });
    expect(html).toContain(`data-on-demand="${BLOB}"`);
    expect(html).not.toContain('<img');
  });
});
