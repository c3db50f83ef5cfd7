import { sql } from 'kysely';
import { dateFr, fileStem, numberFr, percentFr } from '../../../../../shared/documents/format';
import {
  type Block,
  cell,
  type DocumentModel,
  heading,
  paragraph,
  type TableRow,
} from '../../../../../shared/documents/model';
import { describePeriodicity } from '../../../../../shared/domain/periodicity';
import { implementationRate, isOverdue } from '../../../../../shared/domain/recommendationStatus';
import { compareFr } from '../../../../../shared/domain/text';
import {
  type CountryCode,
  type MeetingKind,
  RECOMMENDATION_STATUSES,
  type RecommendationStatus,
} from '../../../../../shared/domain/vocabularies';
import { vocab } from '../../../../../shared/i18n/fr/vocab';
import type { OutputOf } from '../../../../../shared/rpc';
import type { DocumentRequest } from '../../../../../shared/rpc/documents';
import type { Db } from '../../../db/open';
import { getAttendance } from '../../attendance/stats';
import { getBodyDetail } from '../../bodies/queries';
import { listMeetings } from '../../meetings/repository';
import { calendar } from '../../planning/service';
import { filterConditions } from '../../recommendations/register';
import { registerSelect } from '../../recommendations/repository';
import type { BuildEnv, DocumentBuilder } from '../types';
import { bodyShortName, planningBody, yearRegularity } from './bodyFactSheet';
import { documentHeading, doneAt, settingsSignature } from './heading';

// The rapport annuel d'activité of a body: the sessions it held against those it had planned
// (regularity), who came (attendance, share of women, attendance of each member structure),
// the recommendations it made that year and where all of its recommendations stand. Written in
// French, whatever the UI language. A report on the current year is a report to date.

type AnnualReportRequest = Extract<DocumentRequest, { kind: 'annualReport' }>;
type Attendance = OutputOf<'attendance.get'>;

const plural = (n: number, singular: string, pluralForm = `${singular}s`) =>
  `${numberFr(n)} ${n > 1 ? pluralForm : singular}`;

/**
 * People in the room whose sex is known, counted as the attendance figures count them (an
 * invitee present by their own sex, a representative by theirs, a walk-in by theirs, a count
 * per structure by its "dont femmes"): the denominator of the share of women across sessions.
 */
function sexKnown(attendance: Attendance): number {
  const invitees = new Map(attendance.invitees.map((i) => [i.id, i]));
  let known = 0;
  for (const record of attendance.records) {
    if (record.inviteeId === null) {
      if (record.sex !== null) known++;
    } else if (record.status === 'present') {
      if ((invitees.get(record.inviteeId)?.sex ?? null) !== null) known++;
    } else if (record.status === 'represented') {
      if (record.representativeSex !== null) known++;
    }
  }
  for (const count of attendance.counts) if (count.women !== null) known += count.count;
  return known;
}

/** Whether a list was taken: at least one invitee marked, a walk-in or a head count recorded. */
const attendanceTaken = (a: Attendance) => a.records.length > 0 || a.counts.length > 0;

interface StructureAttendance {
  label: string;
  invited: number;
  attended: number;
}

/** Seats' structures at the sessions whose list was taken: invited, present or represented. */
function attendanceByStructure(lists: readonly Attendance[]): StructureAttendance[] {
  const byStructure = new Map<string, StructureAttendance>();
  for (const list of lists) {
    if (!list.records.some((r) => r.inviteeId !== null)) continue;
    const status = new Map(
      list.records.flatMap((r) => (r.inviteeId === null ? [] : [[r.inviteeId, r.status]])),
    );
    for (const invitee of list.invitees) {
      if (invitee.isExtra) continue;
      const label =
        invitee.organisation?.label ?? invitee.organisationLabel ?? invitee.function ?? invitee.name;
      const key = invitee.organisation?.id ?? `label:${label}`;
      const entry = byStructure.get(key) ?? { label, invited: 0, attended: 0 };
      entry.invited++;
      const s = status.get(invitee.id);
      if (s === 'present' || s === 'represented') entry.attended++;
      byStructure.set(key, entry);
    }
  }
  return [...byStructure.values()].sort((a, b) => compareFr(a.label, b.label));
}

interface ReportRecommendation {
  reference: string;
  text: string;
  lead: string | null;
  dueDate: string | null;
  status: RecommendationStatus;
  /** The day it was made: its session's first day, else the day it was recorded. */
  issuedOn: string;
}

/** Every live recommendation of the body (transmitted copies included), in ONE query. */
async function bodyRecommendations(db: Db, bodyId: string, today: string): Promise<ReportRecommendation[]> {
  let query = registerSelect(db).select(
    sql<string>`coalesce((SELECT start_date FROM meetings WHERE meetings.id = recommendations.origin_meeting_id),
      substr(recommendations.created_at, 1, 10))`.as('issued_on'),
  );
  for (const condition of filterConditions({ trashed: false, bodyIds: [bodyId] }, today)) {
    query = query.where(condition);
  }
  const rows = await query.execute();
  return rows
    .map((r) => ({
      reference: r.reference,
      text: r.text,
      lead: r.organisation_name === null ? null : (r.organisation_acronym ?? r.organisation_name),
      dueDate: r.due_date,
      status: r.status as RecommendationStatus,
      issuedOn: r.issued_on,
    }))
    .sort((a, b) => compareFr(a.reference, b.reference));
}

function recommendationTable(items: readonly ReportRecommendation[], empty: string): Block {
  return {
    type: 'table',
    columns: [
      { header: 'Réf.', width: 2.2 },
      { header: 'Recommandation', width: 6 },
      { header: 'Responsable', width: 2.2 },
      { header: 'Échéance', width: 2 },
      { header: 'Statut', width: 2 },
    ],
    rows: items.map(
      (r): TableRow => ({
        kind: 'row',
        cells: [
          cell(r.reference),
          cell(r.text),
          cell(r.lead ?? '—'),
          cell(r.dueDate ? dateFr(r.dueDate) : 'Sans échéance'),
          cell(vocab.recommendationStatus[r.status]),
        ],
      }),
    ),
    empty,
  };
}

export const buildAnnualReport: DocumentBuilder<AnnualReportRequest> = async (
  db: Db,
  request: AnnualReportRequest,
  env: BuildEnv,
): Promise<DocumentModel> => {
  const { year } = request;
  const today = env.today;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inProgress = to >= today;
  const body = await getBodyDetail(db, request.bodyId);
  const short = bodyShortName(body);
  const blocks: Block[] = [];

  blocks.push({
    type: 'title',
    text: `RAPPORT ANNUEL D’ACTIVITÉ ${year}`,
    subtitle: body.acronym ? `${body.name} (${body.acronym})` : body.name,
  });
  if (inProgress && from <= today)
    blocks.push({ type: 'note', text: `Année en cours : situation au ${dateFr(today)}.` });

  // ── 1. L'instance ──────────────────────────────────────────────────────
  blocks.push(heading(1, '1. Présentation de l’instance'));
  const country = body.countryCode
    ? (vocab.country[body.countryCode as CountryCode] ?? body.countryCode)
    : null;
  blocks.push({
    type: 'fields',
    items: [
      { label: 'Instance', value: body.acronym ? `${body.name} (${body.acronym})` : body.name },
      { label: 'Type d’instance', value: vocab.bodyKind[body.kind] },
      { label: 'Niveau', value: vocab.bodyLevel[body.level] },
      { label: 'Territoire', value: body.territory?.path ?? country ?? 'Non renseigné' },
      { label: 'Secrétariat', value: body.secretariatOrganisation?.label ?? 'Non renseigné' },
      { label: 'Périodicité des sessions', value: describePeriodicity(body.periodicity, 'fr') },
      { label: 'Composition', value: plural(body.seats.length, 'siège') },
    ],
  });

  // ── 2. Sessions ────────────────────────────────────────────────────────
  blocks.push(heading(1, '2. Sessions tenues'));
  const planning = await planningBody(db, body.id);
  const regularity = planning ? await yearRegularity(db, planning, year, today) : null;
  const [entries, meetings] = await Promise.all([
    calendar(db, { bodyIds: [body.id], from, to }),
    listMeetings(db, { bodyId: body.id, from, to, trashed: false }),
  ]);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const heldEntries = entries.filter((e) => e.status === 'held' || e.status === 'closed');
  const attendance = new Map<string, Attendance>();
  for (const entry of heldEntries) {
    if (entry.meetingId) attendance.set(entry.meetingId, await getAttendance(db, entry.meetingId));
  }

  const heldOrdinary = regularity?.held ?? 0;
  const otherHeld = heldEntries.filter((e) => e.kind !== 'ordinary').length;
  const cancelled = entries.filter((e) => e.status === 'cancelled' || e.status === 'postponed').length;
  const sentences: string[] = [];
  if (body.periodicity.kind === 'as_needed' || !regularity || regularity.planned === 0) {
    sentences.push(
      `En ${year}, l’instance a tenu ${plural(heldOrdinary, 'session ordinaire', 'sessions ordinaires')}` +
        (body.periodicity.kind === 'as_needed'
          ? ' ; elle se réunit chaque fois que de besoin, sans sessions prévues d’avance.'
          : '.'),
    );
  } else {
    sentences.push(
      `En ${year}${inProgress ? ` (au ${dateFr(regularity.until)})` : ''}, l’instance a tenu ` +
        `${plural(heldOrdinary, 'session ordinaire', 'sessions ordinaires')} sur ` +
        `${plural(regularity.planned, 'prévue')} d’après sa périodicité (${describePeriodicity(body.periodicity, 'fr')}), ` +
        `soit un taux de régularité de ${percentFr(regularity.rate)}.`,
    );
  }
  if (otherHeld > 0) {
    sentences.push(
      `Elle a également tenu ${plural(otherHeld, 'autre réunion', 'autres réunions')} ` +
        '(session extraordinaire, atelier, revue…).',
    );
  }
  if (cancelled > 0)
    sentences.push(
      `${plural(cancelled, 'session a été annulée ou reportée', 'sessions ont été annulées ou reportées')}.`,
    );
  blocks.push(paragraph(sentences.join(' '), 'justify'));

  let totalParticipants = 0;
  let totalWomen = 0;
  const sessionRows: TableRow[] = entries.map((entry): TableRow => {
    const meeting = entry.meetingId ? meetingById.get(entry.meetingId) : undefined;
    const kind = entry.kind ? (vocab.meetingKind[entry.kind as MeetingKind] ?? entry.kind) : 'Ordinaire';
    let label =
      meeting?.title ?? `Session ${kind.toLowerCase()}${entry.number === null ? '' : ` n°${entry.number}`}`;
    if (entry.body.id !== body.id) label += ` (instance organisatrice : ${entry.body.label})`;
    const date =
      entry.endDate && entry.endDate !== entry.date
        ? `${dateFr(entry.date)} au ${dateFr(entry.endDate)}`
        : dateFr(entry.date);
    const status =
      entry.status === 'planned'
        ? entry.date < today
          ? 'Non tenue'
          : 'Prévue'
        : (vocab.meetingStatus[entry.status] ?? entry.status);
    const list = entry.meetingId ? attendance.get(entry.meetingId) : undefined;
    let participants = '';
    let women = '';
    if (list && attendanceTaken(list)) {
      totalParticipants += list.stats.participants;
      totalWomen += list.stats.women;
      participants = numberFr(list.stats.participants);
      women =
        list.stats.womenShare === null
          ? numberFr(list.stats.women)
          : `${numberFr(list.stats.women)} (${percentFr(list.stats.womenShare)})`;
    } else if (list) {
      participants = 'Non saisie';
    }
    return { kind: 'row', cells: [cell(date), cell(label), cell(status), cell(participants), cell(women)] };
  });
  if (heldEntries.length > 0) {
    sessionRows.push({
      kind: 'row',
      total: true,
      cells: [
        cell('Total'),
        cell(plural(heldEntries.length, 'réunion tenue', 'réunions tenues')),
        cell(''),
        cell(numberFr(totalParticipants)),
        cell(numberFr(totalWomen)),
      ],
    });
  }
  blocks.push({
    type: 'table',
    columns: [
      { header: 'Date', width: 2.6 },
      { header: 'Session', width: 4.4 },
      { header: 'Statut', width: 1.6 },
      { header: 'Participants', width: 1.6, align: 'right' },
      { header: 'dont femmes', width: 1.8, align: 'right' },
    ],
    rows: sessionRows,
    empty: `Aucune session n’est enregistrée ni prévue en ${year}.`,
  });

  // ── 3. Participation ───────────────────────────────────────────────────
  blocks.push(heading(1, '3. Participation'));
  const taken = heldEntries.flatMap((e) => {
    const list = e.meetingId ? attendance.get(e.meetingId) : undefined;
    return list && attendanceTaken(list) ? [list] : [];
  });
  if (taken.length === 0) {
    blocks.push(
      paragraph(
        heldEntries.length === 0
          ? 'Aucune réunion tenue dans l’année : pas de données de participation.'
          : 'La présence n’a été saisie pour aucune des réunions tenues dans l’année.',
      ),
    );
  } else {
    const known = taken.reduce((n, a) => n + sexKnown(a), 0);
    const women = taken.reduce((n, a) => n + a.stats.women, 0);
    const participants = taken.reduce((n, a) => n + a.stats.participants, 0);
    const structures = attendanceByStructure(taken);
    const invited = structures.reduce((n, s) => n + s.invited, 0);
    const attended = structures.reduce((n, s) => n + s.attended, 0);
    const items = [
      {
        label: 'Réunions dont la présence est saisie',
        value: `${numberFr(taken.length)} sur ${numberFr(heldEntries.length)}`,
      },
      { label: 'Participants par réunion (moyenne)', value: numberFr(participants / taken.length) },
      {
        label: 'Part des femmes',
        value: known === 0 ? 'Non renseignée' : `${percentFr(women / known)} (${plural(women, 'femme')})`,
      },
    ];
    if (invited > 0) {
      items.push({
        label: 'Taux de présence des membres',
        value: `${percentFr(attended / invited)} (${numberFr(attended)} présences sur ${numberFr(invited)} convocations)`,
      });
    }
    blocks.push({ type: 'fields', items });
    if (structures.length > 0) {
      blocks.push(heading(2, 'Présence des structures membres'));
      blocks.push({
        type: 'table',
        columns: [
          { header: 'Structure', width: 6 },
          { header: 'Convocations', width: 2, align: 'right' },
          { header: 'Présences', width: 2, align: 'right' },
          { header: 'Taux', width: 1.6, align: 'right' },
        ],
        rows: structures.map((s) => ({
          kind: 'row',
          cells: [
            cell(s.label),
            cell(numberFr(s.invited)),
            cell(numberFr(s.attended)),
            cell(percentFr(s.invited === 0 ? null : s.attended / s.invited)),
          ],
        })),
      });
      blocks.push({
        type: 'note',
        text: 'Présences : siège présent ou représenté. Seules les réunions dont la liste de présence a été saisie sont comptées.',
      });
    }
  }

  // ── 4. Recommandations ─────────────────────────────────────────────────
  blocks.push(heading(1, '4. Recommandations'));
  const recommendations = await bodyRecommendations(db, body.id, today);
  const issued = recommendations.filter((r) => r.issuedOn >= from && r.issuedOn <= to);
  blocks.push(heading(2, `4.1 Recommandations formulées en ${year}`));
  blocks.push(
    paragraph(
      issued.length === 0
        ? `Aucune recommandation n’a été formulée en ${year}.`
        : `${plural(issued.length, 'recommandation formulée', 'recommandations formulées')} en ${year}.`,
    ),
  );
  if (issued.length > 0) blocks.push(recommendationTable(issued, ''));

  blocks.push(heading(2, `4.2 Situation de l’ensemble des recommandations au ${dateFr(today)}`));
  const rate = implementationRate(recommendations, today);
  const statusRows: TableRow[] = RECOMMENDATION_STATUSES.map((status) => ({
    kind: 'row',
    cells: [
      cell(vocab.recommendationStatus[status]),
      cell(numberFr(rate.byStatus[status])),
      cell(rate.total === 0 ? '' : percentFr(rate.byStatus[status] / rate.total)),
    ],
  }));
  statusRows.push({
    kind: 'row',
    total: true,
    cells: [cell('Total'), cell(numberFr(rate.total)), cell(rate.total === 0 ? '' : percentFr(1))],
  });
  blocks.push({
    type: 'table',
    columns: [
      { header: 'Statut', width: 4 },
      { header: 'Nombre', width: 2, align: 'right' },
      { header: 'Part', width: 2, align: 'right' },
    ],
    rows: statusRows,
  });
  blocks.push(
    paragraph(
      rate.rate === null
        ? 'Aucune recommandation n’est encore échue : le taux de mise en œuvre ne peut pas être calculé.'
        : `Taux de mise en œuvre : ${percentFr(rate.rate)} (${plural(rate.done, 'réalisée')} sur ` +
            `${plural(rate.due, 'échue')}).`,
    ),
  );
  blocks.push({
    type: 'note',
    text:
      'Le taux de mise en œuvre rapporte les recommandations réalisées à celles dont l’échéance est passée, ' +
      'les recommandations abandonnées mises à part.',
  });

  blocks.push(heading(2, '4.3 Recommandations en retard'));
  const overdue = recommendations
    .filter((r) => isOverdue(r, today))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || compareFr(a.reference, b.reference));
  blocks.push(recommendationTable(overdue, 'Aucune recommandation n’est en retard.'));

  blocks.push(settingsSignature(env, doneAt(env)));

  return {
    kind: 'annualReport',
    title: `Rapport annuel d’activité ${year} — ${short}`,
    fileStem: fileStem({ date: today, acronym: short, what: `rapport-annuel-${year}` }),
    orientation: 'portrait',
    heading: documentHeading(env),
    blocks,
    footer: `${short} — Rapport annuel d’activité ${year}`,
  };
};
