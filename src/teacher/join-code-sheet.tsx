/** The printable A4 sheet of a class's join codes: name, code, link and QR code per pupil. */
import { tt } from './teacher-i18n.ts';
import { listPupils } from './teacher-resources.ts';
import { teacherPaths } from './teacher-routes.ts';
import { ApiErrorNote, ScreenHeading } from './teacher-ui.tsx';
import { useServerData } from './use-server-data.ts';
import { useClassName } from './class-nav.tsx';
import { QrCode } from './qr-code.tsx';
import { isolate, Name, ttWithName } from './names.tsx';
import { Icon } from '../ui/icon.tsx';

/** The link printed for a pupil: the code travels in the hash, out of server logs. */
export function joinLinkFor(code: string, origin = location.origin): string {
  return `${origin}/join#${code.replace(/[^A-Za-z0-9]/g, '')}`;
}

export function JoinCodeSheet({ classId }: { classId: string }) {
  const className = useClassName(classId) ?? '';
  const pupils = useServerData(() => listPupils(classId), [classId]);
  return (
    <section data-screen="teacher-codes" class="teacher-screen code-sheet">
      <div class="no-print">
        <a href={teacherPaths.pupils(classId)}>{ttWithName('backToClass', className)}</a>
        <button type="button" class="primary" onClick={() => print()}>
          <Icon name="print" /> {tt('print')}
        </button>
      </div>
      <ScreenHeading title={ttWithName('codesSheetTitle', className)} />
      <p>{tt('codesSheetIntro')}</p>
      <ApiErrorNote error={pupils.error} onRetry={() => void pupils.reload()} />
      <ul class="code-cards" role="list">
        {pupils.value?.map((pupil) => {
          const link = joinLinkFor(pupil.code);
          return (
            <li key={pupil.id} class="code-card">
              <QrCode text={link} label={tt('qrFor', { name: isolate(pupil.name) })} />
              <div>
                <p class="code-name">
                  <Name>{pupil.name}</Name>
                </p>
                <p class="code-value">{pupil.code}</p>
                {/* The code part never breaks: a code split over two lines gets typed wrong. */}
                <p class="code-link">
                  {link.slice(0, link.indexOf('#') + 1)}
                  <span class="nowrap">{link.slice(link.indexOf('#') + 1)}</span>
                </p>
                <ol class="code-steps">
                  <li>{tt('codeStepOpen')}</li>
                  <li>{tt('codeStepType')}</li>
                  <li>{tt('codeStepOffline')}</li>
                </ol>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
