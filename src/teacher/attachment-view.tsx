/**
 * A pupil's photo or recording, read from the authenticated attachment route
 * with the bearer (an <img src> cannot send it) and shown from a blob: URL.
 */
import { useEffect, useState } from 'preact/hooks';
import { TEACHER_API } from '../../protocol/teacher-api.ts';
import { tt } from './teacher-i18n.ts';
import { teacherDownload, TeacherApiError } from './teacher-api-client.ts';
import { ApiErrorNote } from './teacher-ui.tsx';
import { isolate } from './names.tsx';

export function AttachmentView(props: {
  submissionId: string;
  sha256: string;
  mime: string;
  pupilName: string;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<TeacherApiError | null>(null);
  useEffect(() => {
    let live = true;
    let created: string | null = null;
    teacherDownload(TEACHER_API.attachment(props.submissionId, props.sha256)).then(
      (blob) => {
        if (!live) return;
        created = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: props.mime }));
        setUrl(created);
      },
      (e: unknown) => live && e instanceof TeacherApiError && setError(e),
    );
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [props.submissionId, props.sha256]);

  if (error) return <ApiErrorNote error={error} />;
  if (!url) return <p role="status">{tt('attachmentLoading')}</p>;
  return props.mime.startsWith('image/') ? (
    <img
      class="pupil-photo"
      src={url}
      alt={tt('pupilPhoto', { name: isolate(props.pupilName) })}
      data-testid="pupil-photo"
    />
  ) : (
    <audio controls src={url} data-testid="pupil-recording" />
  );
}
