/** Small pieces the teacher screens share: confirmations, errors, screen headings. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { tt } from './teacher-i18n.ts';
import type { TeacherApiError } from './teacher-api-client.ts';
import { apiErrorText } from './api-error-text.ts';

/** A destructive action asks once more, in place, before it runs. */
export function ConfirmButton(props: {
  label: string;
  question: string;
  onConfirm: () => void | Promise<void>;
  class?: string;
}) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" class={props.class ?? 'secondary'} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  return (
    <span class="confirm-inline" role="group" aria-label={props.question}>
      <span>{props.question}</span>{' '}
      <button
        ref={yes}
        type="button"
        class="danger"
        onClick={async () => {
          setAsking(false);
          await props.onConfirm();
        }}
      >
        {tt('confirmYes')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => setAsking(false)}>
        {tt('cancel')}
      </button>
    </span>
  );
}

/** Why the server refused, worded from its code in the teacher's language, or that no server answered. */
export function ApiErrorNote({ error, onRetry }: { error: TeacherApiError | null; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <p class="note error" role="alert">
      {apiErrorText(error.status, error.code)}{' '}
      {onRetry && (
        <button type="button" class="secondary" onClick={onRetry}>
          {tt('retry')}
        </button>
      )}
    </p>
  );
}

/**
 * The top of every teacher screen: a back link and an h1 that takes focus when
 * the screen changes. Each screen's root carries a literal `data-screen="teacher-…"`
 * so a build check can find teacher screens in the output by text.
 */
export function ScreenHeading(props: { title: ComponentChildren; back?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Screen change: move focus to the new heading so keyboard and screen-reader users follow.
    heading.current?.focus();
  }, []);
  return (
    <>
      {props.back && <p class="back">{props.back}</p>}
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
    </>
  );
}

/** Renaming in place (a class, a pupil): the name field with save and cancel. */
export function RenameForm(props: {
  label: string;
  initial: string;
  onSave: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.initial);
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSave(name.trim());
      }}
    >
      <label class="field">
        <span>{props.label}</span>
        <input
          value={name}
          required
          maxLength={120}
          autoFocus
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary">
        {tt('save')}
      </button>
      <button type="button" class="secondary" onClick={props.onCancel}>
        {tt('cancel')}
      </button>
    </form>
  );
}

/** A labelled input of the teacher's forms: the label wraps the input, which takes every other prop. */
export function InputField({
  label,
  ...input
}: { label: string } & JSX.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label class="field">
      <span>{label}</span>
      <input {...input} />
    </label>
  );
}

/** A labelled drop-down of choices (`first`, when given, is a choice before them, such as "choose…"). */
export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: { value: string; label: string }[];
  first?: { value: string; label: string };
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {[...(props.first ? [props.first] : []), ...props.choices].map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
