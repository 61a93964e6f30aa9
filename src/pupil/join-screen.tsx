/** Linking a device to a pupil: from a join link (code in the hash) or typed by hand. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { JOIN_CODE_LENGTH, joinCodeProblem, type JoinCodeProblem } from '../../protocol/join-code.ts';
import { useAppState } from '../app/app-state.ts';
import { t, type MessageKey } from '../app/i18n.ts';
import { navigate } from '../app/router.ts';
import { JoinError, joinCodeFromLink } from '../sync/join.ts';
import { OpenLessonsFile } from './open-lessons-file.tsx';

/** What went wrong, worded for the child; `field` when it is the code itself (the field is marked invalid). */
interface JoinProblem {
  message: string;
  field: boolean;
}

/** A typo found on the device, before the server is asked. */
function typoMessage(problem: JoinCodeProblem): string {
  const expected = JOIN_CODE_LENGTH;
  switch (problem.kind) {
    case 'empty':
      return t('joinErrorEmpty', { expected });
    case 'tooShort':
      return t('joinErrorTooShort', { length: problem.length, expected });
    case 'tooLong':
      return t('joinErrorTooLong', { length: problem.length, expected });
    case 'notInCodes':
      return t('joinErrorNotInCodes', { character: problem.character });
  }
}

function joinProblem(error: unknown): JoinProblem {
  if (error instanceof JoinError) {
    const keys: Record<JoinError['code'], MessageKey> = {
      bad_code: 'joinErrorBadCode',
      unknown_code: 'joinErrorUnknownCode',
      expired_code: 'joinErrorExpiredCode',
      class_archived: 'joinErrorClassArchived',
      rate_limited: 'joinErrorRateLimited',
      network: 'joinErrorNetwork',
      server: 'joinErrorServer',
    };
    const minutes = Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 60_000));
    const field = error.code === 'bad_code' || error.code === 'unknown_code' || error.code === 'expired_code';
    return { message: t(keys[error.code], { minutes }), field };
  }
  return { message: t('joinErrorServer'), field: false };
}

export function JoinScreen({ code: codeFromLink }: { code: string | null }) {
  const app = useAppState();
  const [code, setCode] = useState(codeFromLink ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<JoinProblem | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const triedLink = useRef(false);

  /** The message goes under the field, and the pupil back into it to correct the code. */
  const fail = (problem: JoinProblem) => {
    setError(problem);
    input.current?.focus();
  };

  const submit = async (value: string) => {
    if (busy) return;
    const fromLink = joinCodeFromLink(value.trim());
    if (fromLink && new URL(value.trim()).origin !== location.origin) {
      // Another school's server: its own Cartable (its origin, storage and worker) serves that
      // pupil; this app only talks to its own origin (CSP connect-src 'self').
      location.assign(value.trim());
      return;
    }
    const code = fromLink ?? value;
    // An empty field, a missing letter or an O for a 0: said at once, and the server is not asked.
    const typo = joinCodeProblem(code);
    if (typo) return fail({ message: typoMessage(typo), field: true });
    setBusy(true);
    setError(null);
    try {
      await app.join(code);
      navigate('/', { replace: true });
    } catch (e) {
      fail(joinProblem(e));
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
          aria-invalid={error?.field ? true : undefined}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        <p id="join-hint" class="hint">
          {t('joinCodeHint')}
        </p>
        <p id="join-error" class="error" role="alert">
          {error?.message ?? ''}
        </p>
        <button type="submit" class="primary big" disabled={busy}>
          {busy ? t('joining') : t('joinButton')}
        </button>
      </form>
      <OpenLessonsFile />
    </section>
  );
}
