/** The player's "· Enregistré": shown once the pupil's latest change is stored on the device. */
import type { Signal } from '@preact/signals';
import { t } from '../app/i18n.ts';
import { Icon } from '../ui/icon.tsx';

/**
 * Reads `saved` itself, so that a save landing (at every keystroke) redraws this mark alone and
 * not the whole player. null: nothing changed yet; false: the latest change is not stored yet.
 */
export function SavedMark({ saved }: { saved: Signal<boolean | null> }) {
  if (!saved.value) return null;
  return (
    <span class="saved" data-testid="saved">
      {' '}
      · {t('saved')} <Icon name="check" />
    </span>
  );
}
