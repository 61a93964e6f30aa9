/** A file input hidden inside its styled label (the label is the button people see). */

/** Hands the chosen file to `onFile`, then empties the input so that choosing the same file again works. */
export function HiddenFileInput(props: {
  accept: string;
  disabled: boolean;
  testId: string;
  onFile: (file: File | undefined) => Promise<unknown>;
}) {
  return (
    <input
      type="file"
      class="visually-hidden"
      accept={props.accept}
      disabled={props.disabled}
      data-testid={props.testId}
      onChange={(e) => {
        const input = e.currentTarget;
        void props.onFile(input.files?.[0]).finally(() => (input.value = ''));
      }}
    />
  );
}
