import { numberFr, percentFr } from '../../../../../shared/documents/format';
import type { Block, TableRow } from '../../../../../shared/documents/model';
import { cell, paragraph, text } from '../../../../../shared/documents/model';
import type { OrganisationKind, Sex } from '../../../../../shared/domain/vocabularies';
import { vocab } from '../../../../../shared/i18n/fr/vocab';
import type { DocumentBuilder } from '../types';
import {
  loadMeetingSource,
  type MeetingDocumentRequest,
  type MeetingSource,
  meetingDocument,
  meetingLine,
  plural,
  statusNotes,
} from './meetingSource';

// La liste de présence: who was in the room, numbered — invitees present or represented in
// protocol order, then those who came without an invitation, then the heads counted per
// structure — with the totals a report quotes (by category of organisation, by sex, quorum),
// and the absent and excused members after.

const SEX_FR: Record<Sex, string> = { female: 'F', male: 'M' };
const sexCell = (sex: Sex | null) => cell(sex ? SEX_FR[sex] : '');

/** Who was there, in the order of the list, with the sex counted for each row. */
interface PresenceTally {
  rows: TableRow[];
  women: number;
  men: number;
  unknown: number;
  hasRepresented: boolean;
}

function presence(source: MeetingSource): PresenceTally {
  const { records, counts } = source.attendance;
  const byInvitee = new Map(records.filter((r) => r.inviteeId !== null).map((r) => [r.inviteeId, r]));
  const tally: PresenceTally = { rows: [], women: 0, men: 0, unknown: 0, hasRepresented: false };
  let n = 0;
  const count = (sex: Sex | null, k = 1) => {
    if (sex === 'female') tally.women += k;
    else if (sex === 'male') tally.men += k;
    else tally.unknown += k;
  };

  for (const invitee of source.invitees) {
    const record = byInvitee.get(invitee.id);
    if (!record || (record.status !== 'present' && record.status !== 'represented')) continue;
    n++;
    const structure = invitee.organisationLabel ?? invitee.organisation?.label ?? '';
    if (record.status === 'present') {
      count(invitee.sex);
      tally.rows.push({
        kind: 'row',
        cells: [
          cell(n),
          cell(invitee.name),
          cell(invitee.function),
          cell(structure),
          sexCell(invitee.sex),
          cell('Présent(e)'),
        ],
      });
    } else {
      tally.hasRepresented = true;
      count(record.representativeSex);
      const by = [record.representativeName, record.representativeFunction].filter(Boolean).join(', ');
      tally.rows.push({
        kind: 'row',
        cells: [
          cell(n),
          cell(invitee.name),
          cell(invitee.function),
          cell(structure),
          sexCell(record.representativeSex),
          cell(by ? `Représenté(e) par ${by}` : 'Représenté(e)'),
        ],
      });
    }
  }

  for (const record of records.filter((r) => r.inviteeId === null)) {
    n++;
    count(record.sex);
    tally.rows.push({
      kind: 'row',
      cells: [
        cell(n),
        cell(record.name ?? record.person?.label ?? ''),
        cell(record.function),
        cell(record.organisationLabel ?? record.organisation?.label ?? ''),
        sexCell(record.sex),
        cell('Présent(e) (non invité(e))'),
      ],
    });
  }

  for (const c of counts) {
    if (c.count <= 0) continue;
    const from = n + 1;
    n += c.count;
    const women = c.women === null ? null : Math.min(c.women, c.count);
    if (women === null) count(null, c.count);
    else {
      count('female', women);
      count('male', c.count - women);
    }
    tally.rows.push({
      kind: 'row',
      cells: [
        cell(c.count > 1 ? `${from}–${n}` : from),
        cell(`${numberFr(c.count)} ${plural(c.count, 'participant')}`),
        cell(''),
        cell(c.label),
        cell(women === null ? '' : `dont ${numberFr(women)} F`),
        cell('Présent(e)s (effectif)'),
      ],
    });
  }
  return tally;
}

const totalRow = (label: string, value: number, extra?: string) => ({
  kind: 'row' as const,
  total: true,
  cells: [cell(label), cell(numberFr(value)), ...(extra === undefined ? [] : [cell(extra)])],
});

function byCategory(source: MeetingSource): Block {
  const categories = source.attendance.stats.byCategory;
  const total = categories.reduce((sum, c) => sum + c.count, 0);
  return {
    type: 'table',
    columns: [
      { header: 'Catégorie de structure', width: 4 },
      { header: 'Participants', width: 1.2, align: 'right' },
    ],
    rows:
      categories.length === 0
        ? []
        : [
            ...categories.map((c) => ({
              kind: 'row' as const,
              cells: [
                cell(vocab.organisationKind[c.kind as OrganisationKind] ?? vocab.organisationKind.other),
                cell(numberFr(c.count)),
              ],
            })),
            totalRow('Total', total),
          ],
    empty: 'Aucun participant enregistré.',
  };
}

function bySex(tally: PresenceTally): Block {
  const total = tally.women + tally.men + tally.unknown;
  const share = (n: number) => (total === 0 ? '' : percentFr(n / total));
  const rows =
    total === 0
      ? []
      : [
          {
            kind: 'row' as const,
            cells: [cell('Femmes'), cell(numberFr(tally.women)), cell(share(tally.women))],
          },
          {
            kind: 'row' as const,
            cells: [cell('Hommes'), cell(numberFr(tally.men)), cell(share(tally.men))],
          },
          ...(tally.unknown > 0
            ? [
                {
                  kind: 'row' as const,
                  cells: [cell('Non renseigné'), cell(numberFr(tally.unknown)), cell(share(tally.unknown))],
                },
              ]
            : []),
          totalRow('Total', total, total === 0 ? '' : percentFr(1)),
        ];
  return {
    type: 'table',
    columns: [
      { header: 'Sexe', width: 4 },
      { header: 'Participants', width: 1.2, align: 'right' },
      { header: 'Part', width: 1, align: 'right' },
    ],
    rows,
    empty: 'Aucun participant enregistré.',
  };
}

function quorumSentence(source: MeetingSource): Block[] {
  // Before anyone is marked, the quorum says nothing yet.
  if (source.body.quorumRule.kind === 'none' || source.attendance.stats.participants === 0) return [];
  const q = source.attendance.stats.quorum;
  const verdict = q.reached ? 'atteint' : 'non atteint';
  return [
    paragraph([
      text('Quorum : ', { bold: true }),
      text(
        `${verdict} (${q.rule} : ${numberFr(q.required)} ${plural(q.required, 'membre')} requis, ` +
          `${numberFr(q.present)} ${plural(q.present, 'présent')}).`,
      ),
    ]),
  ];
}

function absentees(source: MeetingSource): Block[] {
  const byInvitee = new Map(
    source.attendance.records.filter((r) => r.inviteeId !== null).map((r) => [r.inviteeId, r]),
  );
  const rows: TableRow[] = [];
  let unmarked = 0;
  for (const invitee of source.invitees) {
    const record = byInvitee.get(invitee.id);
    if (!record) {
      unmarked++;
      continue;
    }
    if (record.status !== 'absent' && record.status !== 'excused') continue;
    rows.push({
      kind: 'row',
      cells: [
        cell(rows.length + 1),
        cell(invitee.name),
        cell(invitee.function),
        cell(invitee.organisationLabel ?? invitee.organisation?.label ?? ''),
        cell(record.status === 'excused' ? 'Excusé(e)' : 'Absent(e)'),
      ],
    });
  }
  const blocks: Block[] = [];
  if (rows.length > 0) {
    blocks.push(
      { type: 'heading', level: 2, text: 'Absents et excusés' },
      {
        type: 'table',
        columns: [
          { header: 'N°', width: 0.5, align: 'center' },
          { header: 'Nom et prénom(s)', width: 2.2 },
          { header: 'Fonction', width: 2.6 },
          { header: 'Structure', width: 1.4 },
          { header: 'Statut', width: 1.2 },
        ],
        rows,
      },
    );
  }
  if (unmarked > 0) {
    blocks.push({
      type: 'note',
      text: `${numberFr(unmarked)} ${plural(unmarked, 'invité(e)', 'invité(e)s')} sans présence enregistrée.`,
    });
  }
  return blocks;
}

export const buildAttendanceList: DocumentBuilder<MeetingDocumentRequest> = async (db, request, env) => {
  const source = await loadMeetingSource(db, request.meetingId, env);
  const tally = presence(source);
  const stats = source.attendance.stats;
  const blocks: Block[] = [
    { type: 'title', text: 'LISTE DE PRÉSENCE', subtitle: meetingLine(source) },
    ...statusNotes(source),
    {
      type: 'table',
      columns: [
        { header: 'N°', width: 0.6, align: 'center' },
        { header: 'Nom et prénom(s)', width: 2.2 },
        { header: 'Fonction', width: 2.4 },
        { header: 'Structure', width: 1.4 },
        { header: 'Sexe', width: 0.7, align: 'center' },
        { header: 'Statut', width: 2 },
      ],
      rows: tally.rows,
      empty: 'Aucune présence n’a encore été enregistrée pour cette réunion.',
    },
  ];
  if (tally.hasRepresented) {
    blocks.push({
      type: 'note',
      text: 'Pour un membre représenté, le sexe indiqué est celui de son représentant.',
    });
  }
  blocks.push(
    { type: 'heading', level: 2, text: 'Récapitulatif' },
    paragraph([
      text('Participants : ', { bold: true }),
      text(
        `${numberFr(stats.participants)}` +
          (stats.womenShare === null
            ? ''
            : `, dont ${numberFr(stats.women)} ${plural(stats.women, 'femme')} (${percentFr(stats.womenShare)} des participants dont le sexe est connu)`) +
          '.',
      ),
    ]),
    ...quorumSentence(source),
    { type: 'heading', level: 3, text: 'Par catégorie de structure' },
    byCategory(source),
    { type: 'heading', level: 3, text: 'Par sexe' },
    bySex(tally),
    ...absentees(source),
  );
  return meetingDocument(source, env, {
    kind: 'attendanceList',
    label: 'Liste de présence',
    what: 'liste-presence',
    orientation: 'landscape',
    blocks,
  });
};
