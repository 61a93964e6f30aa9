/** A button whose action is running: turned off and marked busy for assistive technology meanwhile. */
import type { ComponentChildren } from 'preact';

/** `busy` while its own action runs; `disabled` for anything else that keeps it off (a sync under way). */
export function BusyButton(props: {
  class: string;
  busy: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={props.class}
      onClick={props.onClick}
      disabled={props.busy || props.disabled}
      aria-busy={props.busy}
    >
      {props.children}
    </button>
  );
}
