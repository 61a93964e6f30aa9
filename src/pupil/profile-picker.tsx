/**
 * Siblings sharing a device: pick who is working, or add another pupil (removing one is on the
 * device screen). A button opens the list; nothing happens until a name is chosen, so a child
 * pressing the arrow keys never lands on another screen or in a sibling's lessons.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAppState } from '../app/app-state.ts';
import { t } from '../app/i18n.ts';
import { navigate } from '../app/router.ts';

export function ProfilePicker() {
  const app = useAppState();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const profiles = app.profiles.value;
  const active = app.activeProfile.value;

  // Escape or a click elsewhere closes the list; focus goes back to the button.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    const list = root.current;
    (
      list?.querySelector<HTMLElement>('[aria-current="true"]') ?? list?.querySelector<HTMLElement>('li > *')
    )?.focus();
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  if (profiles.length === 0) return null;
  const nameOf = (p: (typeof profiles)[number]) =>
    p.link === 'relink' ? `${p.pupilName} (${t('profileNeedsRelink')})` : p.pupilName;
  const choose = (id: string) => {
    setOpen(false);
    if (id !== active?.id) app.selectProfile(id);
    navigate('/');
  };

  return (
    <div class="profile-picker" ref={root}>
      <button
        type="button"
        class="secondary"
        ref={toggle}
        aria-expanded={open}
        aria-controls="profile-picker-list"
        onClick={() => setOpen(!open)}
      >
        <span class="visually-hidden">{t('switchProfile')} : </span>
        {active ? nameOf(active) : t('switchProfile')}
      </button>
      {open && (
        <ul id="profile-picker-list" class="profile-picker-list" aria-label={t('switchProfile')}>
          {profiles.map((p) => (
            <li key={p.id}>
              {/* The class tells apart two siblings' schools. */}
              <button
                type="button"
                aria-current={p.id === active?.id ? 'true' : undefined}
                onClick={() => choose(p.id)}
              >
                {nameOf(p)} <span class="profile-class">{p.className}</span>
              </button>
            </li>
          ))}
          <li>
            <a
              href="/join"
              onClick={(e) => {
                e.preventDefault();
                setOpen(false);
                navigate('/join');
              }}
            >
              + {t('addProfile')}
            </a>
          </li>
        </ul>
      )}
    </div>
  );
}
