/** A Markdown textarea with a live preview built by the same rules the server applies at publish. */
import { useMemo } from 'preact/hooks';
import { markdownToContent } from '../../../protocol/markdown.ts';
import { ContentView } from '../../ui/content-view.tsx';
import { tt } from '../teacher-i18n.ts';

export function MarkdownField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  describedBy?: string;
}) {
  // The preview is a content tree rendered by Preact: what a teacher types never becomes markup.
  const preview = useMemo(() => markdownToContent(props.value), [props.value]);
  return (
    <div class="markdown-field">
      <label class="field" for={props.id}>
        <span>{props.label}</span>
      </label>
      <textarea
        id={props.id}
        rows={props.rows ?? 5}
        value={props.value}
        aria-describedby={props.describedBy}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.value.trim() && (
        <div class="markdown-preview" aria-label={`${tt('preview')} — ${props.label}`} role="region">
          <p class="preview-label">{tt('preview')}</p>
          <ContentView content={preview} />
        </div>
      )}
    </div>
  );
}
