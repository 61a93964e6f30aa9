/** A Markdown textarea with a live preview built by the same rules the server applies at publish. */
import { useMemo } from 'preact/hooks';
import { markdownToContent } from '../../../protocol/markdown.ts';
import { MARKDOWN_LIMITS, markdownRefusal, type MarkdownRefusal } from '../../../protocol/markdown-limits.ts';
import { ContentView } from '../../ui/content-view.tsx';
import { tt } from '../teacher-i18n.ts';

const REFUSAL_KEY = {
  markdown_too_long: 'problem_markdown_too_long',
  markdown_too_deep: 'problem_markdown_too_deep',
  markdown_too_complex: 'problem_markdown_too_complex',
} as const satisfies Record<MarkdownRefusal, string>;

export function MarkdownField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  describedBy?: string;
  /** Characters this field may hold (the server's bound for it). */
  maxLength?: number;
}) {
  const maxLength = props.maxLength ?? MARKDOWN_LIMITS.lessonField;
  // The same bounds the server checks; text beyond them is not previewed (the parser would stall the tab).
  const refusal = useMemo(() => markdownRefusal(props.value, maxLength), [props.value, maxLength]);
  // The preview is a content tree rendered by Preact: what a teacher types never becomes markup.
  const preview = useMemo(() => (refusal ? [] : markdownToContent(props.value)), [props.value, refusal]);
  const limitId = `${props.id}-limit`;
  // The count shows once the text nears its limit, so it does not distract from ordinary writing.
  const showCount = props.value.length > maxLength * 0.8;
  return (
    <div class="markdown-field">
      <label class="field" for={props.id}>
        <span>{props.label}</span>
      </label>
      <textarea
        id={props.id}
        rows={props.rows ?? 5}
        value={props.value}
        aria-describedby={
          [props.describedBy, showCount || refusal ? limitId : null].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={refusal ? true : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {(showCount || refusal) && (
        <p id={limitId} class={refusal ? 'note error' : 'note'}>
          {refusal ? `${tt(REFUSAL_KEY[refusal], { max: maxLength })} ` : ''}
          {showCount && tt('markdownLength', { count: props.value.length, max: maxLength })}
        </p>
      )}
      {props.value.trim() && !refusal && (
        <div class="markdown-preview" aria-label={`${tt('preview')} — ${props.label}`} role="region">
          <p class="preview-label">{tt('preview')}</p>
          <ContentView content={preview} />
        </div>
      )}
    </div>
  );
}
