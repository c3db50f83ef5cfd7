import type { Block, Inline, TableRow } from '../../../../../shared/documents/model';
import { cell, text } from '../../../../../shared/documents/model';
import type { AgendaEntry } from '../../../../../shared/rpc/meetings';
import type { DocumentBuilder } from '../types';
import {
  agendaLines,
  clockRange,
  EMPTY_AGENDA_FR,
  loadMeetingSource,
  type MeetingDocumentRequest,
  meetingDocument,
  meetingLine,
  responsibleOf,
  statusNotes,
} from './meetingSource';

// L'ordre du jour: Horaire | Activités | Responsable, every entry as the secretary laid it out
// (breaks and meals included: the timetable is the point), days and parts as group rows.

/** The title, then the documents to be presented under it ("Documents : Rapport 2024 (réf. …)"). */
function activityCell(entry: AgendaEntry): Inline[] {
  const runs: Inline[] = [text(entry.title)];
  if (entry.documents.length > 0) {
    const list = entry.documents
      .map((d) => (d.reference ? `${d.title} (réf. ${d.reference})` : d.title))
      .join(' ; ');
    runs.push(text(`\nDocuments : ${list}`, { italic: true }));
  }
  return runs;
}

export const buildAgenda: DocumentBuilder<MeetingDocumentRequest> = async (db, request, env) => {
  const source = await loadMeetingSource(db, request.meetingId, env);
  const rows: TableRow[] = agendaLines(source).map((line) =>
    line.kind === 'item'
      ? {
          kind: 'row',
          cells: [
            cell(clockRange(line.entry.startTime, line.entry.endTime)),
            activityCell(line.entry),
            cell(responsibleOf(line.entry)),
          ],
        }
      : { kind: 'group', text: line.text },
  );
  const blocks: Block[] = [
    { type: 'title', text: 'ORDRE DU JOUR', subtitle: meetingLine(source) },
    ...statusNotes(source),
    {
      type: 'table',
      columns: [
        { header: 'Horaire', width: 1.3 },
        { header: 'Activités', width: 4 },
        { header: 'Responsable', width: 2 },
      ],
      rows,
      empty: EMPTY_AGENDA_FR,
    },
  ];
  return meetingDocument(source, env, {
    kind: 'agenda',
    label: 'Ordre du jour',
    what: 'ordre-du-jour',
    blocks,
  });
};
