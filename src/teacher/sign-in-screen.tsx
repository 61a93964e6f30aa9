/** Teacher sign-in; also shown when the session expired, saying that nothing was lost. */
import { useState } from 'preact/hooks';
import { tt, type TeacherMessageKey } from './teacher-i18n.ts';
import { session, sessionExpired, signIn } from './teacher-session.ts';
import { retryOutboxNow } from './outbox-state.ts';
import { InputField, ScreenHeading } from './teacher-ui.tsx';

const REASONS: Record<string, TeacherMessageKey> = {
  credentials: 'signInBadCredentials',
  rateLimited: 'signInRateLimited',
  network: 'signInNetwork',
  server: 'signInServer',
};

export function SignInScreen() {
  const [email, setEmail] = useState(session.value?.teacher.email ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TeacherMessageKey | null>(null);
  const expired = sessionExpired.value;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn(email, password);
    setBusy(false);
    if (!result.ok) setError(REASONS[result.reason] ?? 'signInServer');
    // Requests kept while the session was refused go out now.
    else void retryOutboxNow();
  };

  return (
    <section data-screen="teacher-sign-in" class="teacher-screen card narrow">
      <ScreenHeading title={tt('signInTitle')} />
      {expired && (
        <p class="note warn" role="status">
          {tt('sessionExpired')}
        </p>
      )}
      <form onSubmit={submit}>
        <InputField
          label={tt('email')}
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <InputField
          label={tt('password')}
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {error && (
          <p class="note error" role="alert">
            {tt(error)}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? tt('signingIn') : tt('signIn')}
        </button>
      </form>
    </section>
  );
}
