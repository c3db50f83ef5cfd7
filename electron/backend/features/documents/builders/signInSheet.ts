import type { Block, TableRow } from '../../../../../shared/documents/model';
import { cell } from '../../../../../shared/documents/model';
import { DEFAULT_BLANK_ROWS } from '../../../../../shared/rpc/documents';
import type { DocumentBuilder } from '../types';
import {
  dayLabel,
  loadMeetingSource,
  type MeetingDocumentRequest,
  type MeetingSource,
  meetingDocument,
  meetingLine,
  type SourceInvitee,
  statusNotes,
} from './meetingSource';

// La feuille d'émargement: printed before the session, signed at the door. The invitees come
// first in protocol order, numbered, then blank numbered rows for those who come without an
// invitation. A session of several days gets one sheet per day (each day is signed apart: the
// per diem and the attendance rate are counted per day).

const COLUMNS = [
  { header: 'N°', width: 0.5, align: 'center' as const },
  { header: 'Nom et prénom(s)', width: 2.2 },
  { header: 'Fonction', width: 2.4 },
  { header: 'Structure', width: 1.4 },
  { header: 'Téléphone', width: 1.3 },
  { header: 'Email', width: 2 },
  { header: 'Signature', width: 1.6 },
];

/**
 * A vacant seat's invitee is named after its function: its name cell is left for whoever comes
 * to write in, the function column already says who is expected.
 */
const nameOf = (invitee: SourceInvitee): string =>
  invitee.seatId !== null && invitee.person === null ? '' : invitee.name;

function sheetRows(source: MeetingSource, blankRows: number): TableRow[] {
  const rows: TableRow[] = source.invitees.map((invitee, i) => ({
    kind: 'row',
    cells: [
      cell(i + 1),
      cell(nameOf(invitee)),
      cell(invitee.function ?? ''),
      cell(invitee.organisationLabel ?? invitee.organisation?.label ?? ''),
      cell(invitee.phone),
      cell(invitee.email),
      cell(''),
    ],
  }));
  const first = rows.length + 1;
  for (let n = first; n < first + blankRows; n++) {
    rows.push({ kind: 'row', cells: [cell(n), cell(''), cell(''), cell(''), cell(''), cell(''), cell('')] });
  }
  return rows;
}

export const buildSignInSheet: DocumentBuilder<MeetingDocumentRequest> = async (db, request, env) => {
  const source = await loadMeetingSource(db, request.meetingId, env);
  const blankRows = request.blankRows ?? DEFAULT_BLANK_ROWS;
  const days = source.agenda.days.length > 0 ? source.agenda.days : [source.meeting.startDate];
  const blocks: Block[] = [];
  days.forEach((day, i) => {
    if (i > 0) blocks.push({ type: 'pageBreak' });
    blocks.push({ type: 'title', text: 'FEUILLE D’ÉMARGEMENT', subtitle: meetingLine(source) });
    if (i === 0) blocks.push(...statusNotes(source));
    if (days.length > 1) blocks.push({ type: 'heading', level: 2, text: dayLabel(source, day) });
    blocks.push({
      type: 'table',
      columns: COLUMNS,
      rows: sheetRows(source, blankRows),
      empty: 'Aucun invité : la liste est à remplir à la main.',
      tall: true,
    });
  });
  return meetingDocument(source, env, {
    kind: 'signInSheet',
    label: 'Feuille d’émargement',
    what: 'feuille-emargement',
    orientation: 'landscape',
    blocks,
  });
};
