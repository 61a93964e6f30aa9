/**
 * People's and classes' names in teacher screens, isolated from the text
 * around them: a right-to-left name (or one that still carries a bidi control
 * from before the server cleaned names) cannot reorder the sentence it sits in.
 */
import type { ComponentChildren } from 'preact';
import { tt, type TeacherMessageKey } from './teacher-i18n.ts';

/** A name as an element's content. */
export function Name({ children }: { children: ComponentChildren }) {
  return <bdi>{children}</bdi>;
}

/** A name inside a string (attributes, confirmations): wrapped in FSI…PDI, the text form of <bdi>. */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}

/** A translated sentence with its `{name}` placeholder rendered as <bdi>. */
export function ttWithName(key: TeacherMessageKey, name: string): ComponentChildren {
  const marker = '\u0000name\u0000';
  const [before = '', after = ''] = tt(key, { name: marker }).split(marker);
  return (
    <>
      {before}
      <Name>{name}</Name>
      {after}
    </>
  );
}
