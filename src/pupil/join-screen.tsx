/** Linking a device to a pupil: from a join link (code in the hash) or typed by hand. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { t, type MessageKey } from '../app/i18n.ts';
import { navigate } from '../app/router.ts';
import { JoinError, joinCodeFromLink } from '../sync/join.ts';

function errorMessage(error: unknown): string {
  if (error instanceof JoinError) {
    const keys: Record<JoinError['code'], MessageKey> = {
      bad_code: 'joinErrorBadCode',
      unknown_code: 'joinErrorUnknownCode',
      class_archived: 'joinErrorClassArchived',
      rate_limited: 'joinErrorRateLimited',
      network: 'joinErrorNetwork',
      server: 'joinErrorServer',
    };
    const minutes = Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 60_000));
    return t(keys[error.code], { minutes });
  }
  return t('joinErrorServer');
}

export function JoinScreen({ code: codeFromLink }: { code: string | null }) {
  const app = useAppState();
  const [code, setCode] = useState(codeFromLink ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const triedLink = useRef(false);

  const submit = async (value: string) => {
    if (busy || !value.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const fromLink = joinCodeFromLink(value.trim());
      if (fromLink && new URL(value.trim()).origin !== location.origin) {
        // Another school's server: its own Cartable (its origin, storage and worker) serves that
        // pupil; this app only talks to its own origin (CSP connect-src 'self').
        location.assign(value.trim());
        return;
      }
      await app.join(fromLink ?? value);
      navigate('/', { replace: true });
    } catch (e) {
      setError(errorMessage(e));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    // A join link carries the code in the hash: drop it from the address bar, then join.
    if (codeFromLink && !triedLink.current) {
      triedLink.current = true;
      history.replaceState(null, '', '/join');
      void submit(codeFromLink);
    }
  }, [codeFromLink]);

  return (
    <section class="card narrow" aria-labelledby="join-title">
      <h1 id="join-title" tabIndex={-1}>
        {t('joinTitle')}
      </h1>
      <p>{t('joinIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(code);
        }}
      >
        <label class="field" for="join-code">
          <span>{t('joinCodeLabel')}</span>
        </label>
        <input
          ref={input}
          id="join-code"
          class="code-input"
          name="code"
          value={code}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby="join-hint join-error"
          aria-invalid={error ? true : undefined}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        <p id="join-hint" class="hint">
          {t('joinCodeHint')}
        </p>
        <p id="join-error" class="error" role="alert">
          {error ?? ''}
        </p>
        <button type="submit" class="primary big" disabled={busy}>
          {busy ? t('joining') : t('joinButton')}
        </button>
      </form>
    </section>
  );
}
