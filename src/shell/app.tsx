/** The app shell: header, banners, and the screen for the current route. */
import { useAppState } from '../app/app-state.ts';
import { locale, setLocale, t } from '../app/i18n.ts';
import { onLinkClick, route } from '../app/router.ts';
import { LessonList } from '../pupil/lesson-list.tsx';
import { ProfilePicker } from '../pupil/profile-picker.tsx';
import { UpdateBanner } from './update-banner.tsx';
import { DeviceStatusLoader, JoinLoader, PlayerLoader, TeacherLoader } from './lazy-screen.tsx';

function Screen() {
  const app = useAppState();
  const current = route.value;
  if (current.name === 'teacher') return <TeacherLoader path={current.path} />;
  if (!app.loaded.value) return null;
  if (current.name === 'join') return <JoinLoader code={current.code} />;
  if (!app.activeProfile.value) return <JoinLoader code={null} />;
  switch (current.name) {
    case 'lesson':
      return <PlayerLoader lessonId={current.lessonId} />;
    case 'device':
      return <DeviceStatusLoader />;
    default:
      return <LessonList />;
  }
}

export function App() {
  const app = useAppState();
  // The pupil's server unreachable is the pupil's news: not shown over the teacher's screens.
  const offline =
    app.connection.value === 'offline' ||
    (app.connection.value === 'unreachable' && route.value.name !== 'teacher');
  return (
    <div class="shell" onClick={onLinkClick}>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="top">
        <a class="brand" href="/" aria-label={t('appName')}>
          <img src="/icons/icon-192.png" alt="" width={32} height={32} /> {t('appName')}
        </a>
        {route.value.name !== 'teacher' && <ProfilePicker />}
      </header>
      {/* Whether the browser is offline or only the school's server is down, the work stays here.
          The live region is always there, so the banner appearing in it is announced. */}
      <div role="status">
        {offline && (
          <p class="banner offline" data-testid="offline">
            {t(app.connection.value === 'offline' ? 'offlineBanner' : 'serverUnreachableBanner')}
          </p>
        )}
      </div>
      <UpdateBanner />
      <main id="main">
        <Screen />
      </main>
      {/* Less used than the lessons: below them, so the top stays simple on a small phone. */}
      <footer class="bottom">
        <nav aria-label={t('deviceStatus')} class="bottom-nav">
          {app.activeProfile.value && route.value.name !== 'teacher' && (
            <a href="/device">{t('deviceStatus')}</a>
          )}
          <label class="locale">
            <span class="visually-hidden">{t('language')}</span>
            <select
              value={locale.value}
              onChange={(e) => setLocale(e.currentTarget.value === 'en' ? 'en' : 'fr')}
            >
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
        </nav>
      </footer>
    </div>
  );
}
