/**
 * What came of opening or saving a file: news in a polite live region (always there, so it is
 * read when it fills), a refusal as an alert (inserted only then, so a screen holds one alert).
 */
export function Outcome({
  outcome,
  testId,
}: {
  outcome: { ok: boolean; text: string } | null;
  testId?: string;
}) {
  return (
    <>
      <div aria-live="polite">
        {outcome?.ok && (
          <p class="hint" data-testid={testId}>
            {outcome.text}
          </p>
        )}
      </div>
      {outcome && !outcome.ok && (
        <p class="error" role="alert" data-testid={testId}>
          {outcome.text}
        </p>
      )}
    </>
  );
}
