/**
 * Sequences as arranged on this device: each edit is stored with its outbox request in one
 * transaction (a device copy never waits without the request that carries it), read back with
 * the server dead, and marked as the server acknowledges it.
 */
import type {
  PublishSequenceRequest,
  PublishSequenceResponse,
  Sequence,
} from '../../protocol/sequence-api.ts';
import {
  openTeacherDb,
  updateTeacherRecord,
  type LocalSequence,
  type SequenceBody,
  type SequenceOutboxItem,
} from './teacher-db.ts';

/** The key of a sequence's latest save in the outbox (a newer save replaces it). */
export const sequenceSaveId = (sequenceId: string) => `sequenceSave:${sequenceId}`;

/** The sequence as last edited or received on this device. */
export async function getLocalSequence(sequenceId: string): Promise<LocalSequence | undefined> {
  return (await openTeacherDb()).get('sequences', sequenceId);
}

/** This teacher's sequences of one class kept on this device. */
export async function listLocalSequences(classId: string, teacherId: string): Promise<LocalSequence[]> {
  const all = await (await openTeacherDb()).getAllFromIndex('sequences', 'byClass', classId);
  return all.filter((s) => s.teacherId === teacherId);
}

/** The request body a record stands for. */
export function sequenceBody(record: LocalSequence): SequenceBody {
  const { classId, title, description, lessonIds } = record;
  return { classId, title, description, lessonIds: [...lessonIds] };
}

function sequenceItem(
  kind: SequenceOutboxItem['kind'],
  id: string,
  record: LocalSequence,
  at: string,
): SequenceOutboxItem {
  return {
    id,
    kind,
    teacherId: record.teacherId,
    classId: record.classId,
    sequenceId: record.sequenceId,
    sequence: sequenceBody(record),
    editedAt: record.editedAt,
    createdAt: at,
    attempts: 0,
    nextAttemptAt: Date.parse(at),
    state: 'waiting',
  };
}

/** A new sequence, or an edit of one: stored on the device and queued for the server at once. */
export async function saveSequenceEdit(
  ids: { sequenceId: string; classId: string; teacherId: string },
  fields: Pick<LocalSequence, 'title' | 'description' | 'lessonIds'>,
  at: string = new Date().toISOString(),
): Promise<LocalSequence> {
  const db = await openTeacherDb();
  const tx = db.transaction(['sequences', 'outbox'], 'readwrite');
  const previous = await tx.objectStore('sequences').get(ids.sequenceId);
  const record: LocalSequence = {
    serverHasEditOf: null,
    server: null,
    lastPublication: null,
    ...previous,
    ...ids,
    ...fields,
    lessonIds: [...fields.lessonIds],
    editedAt: at,
  };
  await tx.objectStore('sequences').put(record);
  await tx
    .objectStore('outbox')
    .put(sequenceItem('sequenceSave', sequenceSaveId(ids.sequenceId), record, at));
  await tx.done;
  return record;
}

/** Keep the server's copy of a sequence not edited here since (opens offline later). */
export async function adoptServerSequence(view: Sequence, teacherId: string): Promise<LocalSequence> {
  const db = await openTeacherDb();
  const tx = db.transaction('sequences', 'readwrite');
  const previous = await tx.store.get(view.id);
  const record: LocalSequence = {
    sequenceId: view.id,
    classId: view.classId,
    teacherId,
    title: view.title,
    description: view.description,
    lessonIds: view.seances.map((s) => s.lessonId),
    editedAt: view.updatedAt,
    serverHasEditOf: view.updatedAt,
    server: view,
    lastPublication: previous?.lastPublication ?? null,
  };
  await tx.store.put(record);
  await tx.done;
  return record;
}

/** Keep the server's latest view (titles, publications) beside the device's own edit. */
export async function rememberServerView(view: Sequence): Promise<void> {
  await change(view.id, (record) => ({ ...record, server: view }));
}

/** The server acknowledged the save of the edit made at `editedAt`, and answered with its view. */
export async function markSequenceServerHas(
  sequenceId: string,
  editedAt: string,
  view: Sequence | null,
): Promise<void> {
  await change(sequenceId, (record) => ({
    ...record,
    // An older acknowledgement never overwrites a newer one.
    serverHasEditOf:
      record.serverHasEditOf && record.serverHasEditOf > editedAt ? record.serverHasEditOf : editedAt,
    server: view ?? record.server,
  }));
}

const change = (sequenceId: string, edit: (record: LocalSequence) => LocalSequence) =>
  updateTeacherRecord('sequences', sequenceId, edit);

/**
 * Queue a publication under its client UUID. A save still waiting is frozen first (its own key,
 * sent before the publication): what goes out is the sequence as the teacher published it, and a
 * later edit queues a new save that follows the publication instead of jumping ahead of it.
 */
export async function queueSequencePublish(
  sequenceId: string,
  publicationId: string,
  classes: PublishSequenceRequest['classes'],
  at: string = new Date().toISOString(),
): Promise<void> {
  const db = await openTeacherDb();
  const tx = db.transaction(['sequences', 'outbox'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const record = await tx.objectStore('sequences').get(sequenceId);
  if (!record) throw new Error(`No sequence ${sequenceId} on this device`);
  // Publishing again is the teacher's answer to a refused publication: the refusal is done with.
  for (const item of await outbox.getAll())
    if (item.kind === 'sequencePublish' && item.sequenceId === sequenceId && item.state === 'needsAttention')
      await outbox.delete(item.id);
  const save = await outbox.get(sequenceSaveId(sequenceId));
  let createdAt = at;
  if (save) {
    await outbox.delete(save.id);
    await outbox.put({ ...save, id: `${save.id}:${publicationId}` });
    // Strictly after the save it follows, even within the same millisecond.
    if (createdAt <= save.createdAt) createdAt = new Date(Date.parse(save.createdAt) + 1).toISOString();
  }
  await outbox.put({ ...sequenceItem('sequencePublish', publicationId, record, createdAt), classes });
  await tx.done;
}

/**
 * The server answered a publication: its results are kept on the record; the request leaves the
 * outbox when every class was published, and is kept for the teacher's attention, with the
 * refusals, when one was refused.
 */
export async function settleSequencePublication(
  item: SequenceOutboxItem,
  answer: PublishSequenceResponse,
): Promise<void> {
  const db = await openTeacherDb();
  const tx = db.transaction(['sequences', 'outbox'], 'readwrite');
  const record = await tx.objectStore('sequences').get(item.sequenceId);
  if (record) await tx.objectStore('sequences').put({ ...record, lastPublication: answer });
  const refused = answer.results.flatMap((r) => (r.status === 'refused' ? [r] : []));
  if (refused.length === 0) await tx.objectStore('outbox').delete(item.id);
  else {
    const first = refused[0]!;
    await tx.objectStore('outbox').put({
      ...item,
      state: 'needsAttention',
      lastError: first.error,
      results: answer.results,
    });
  }
  await tx.done;
}
