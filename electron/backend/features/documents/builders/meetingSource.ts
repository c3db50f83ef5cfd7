import { dateFr, dateRangeFr, fileStem, longDateFr } from '../../../../../shared/documents/format';
import type { Block, DocumentModel } from '../../../../../shared/documents/model';
import { isWithin } from '../../../../../shared/domain/dates';
import type { Periodicity } from '../../../../../shared/domain/periodicity';
import type { QuorumRule } from '../../../../../shared/domain/quorum';
import {
  type ImplementationRate,
  implementationRate,
} from '../../../../../shared/domain/recommendationStatus';
import { compareFr } from '../../../../../shared/domain/text';
import type {
  AgendaItemKind,
  BodyKind,
  MeetingKind,
  RecommendationKind,
  RecommendationStatus,
  Sex,
} from '../../../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../../../shared/rpc';
import type { DocumentRequest } from '../../../../../shared/rpc/documents';
import type { AgendaEntry, Invitee, Meeting } from '../../../../../shared/rpc/meetings';
import type { Minutes } from '../../../../../shared/rpc/recommendations';
import type { Db } from '../../../db/open';
import { AppError } from '../../../errors';
import { getAgenda } from '../../agenda/service';
import { organisationsById, shortLabel } from '../../attendance/repository';
import { getAttendance } from '../../attendance/stats';
import { getBodyDetail } from '../../bodies/queries';
import { loadFollowUp } from '../../followup/service';
import { listMeetings, loadMeeting } from '../../meetings/repository';
import { getMinutes, listWorkingGroups } from '../../minutes/service';
import { dueSessionDates } from '../../planning/service';
import { loadRegisterRows, type RegisterRow } from '../../recommendations';
import { chunks } from '../../recommendations/repository';
import { listRoadmaps } from '../../recommendations/roadmaps';
import type { BuildEnv } from '../types';
import { documentHeading } from './heading';

// Everything the seven documents of a meeting say, read once through the features' own read
// functions (meetings, agenda, attendance, minutes, recommendations, follow-up, bodies), plus
// the French phrasing they share: how a session is named, its date line, its footer and file
// name. The builders then only arrange what is here.

/** The meeting documents' requests: one member of the request union, whatever its kind. */
export type MeetingDocumentRequest = Extract<DocumentRequest, { meetingId: string }>;

type Attendance = OutputOf<'attendance.get'>;
export type WorkingGroup = OutputOf<'workingGroups.list'>[number];

export interface SourceBody {
  id: string;
  name: string;
  acronym: string | null;
  kind: BodyKind;
  mandate: string | null;
  /** "Koulikoro": the territory's own name. */
  territory: string | null;
  quorumRule: QuorumRule;
  periodicity: Periodicity;
  /** The président's seat on the meeting's first day: its holder then (null when vacant). */
  chair: { name: string | null; function: string; sex: Sex | null } | null;
}

/** An invitee with the telephone number of the person, for the sign-in sheet. */
export type SourceInvitee = Invitee & { phone: string | null };

/** A recommendation (decision, commitment…) made at this meeting. */
export interface SourceRecommendation {
  id: string;
  reference: string;
  kind: RecommendationKind;
  text: string;
  status: RecommendationStatus;
  progress: number;
  dueDate: string | null;
  /** "DGPSN, PAM, UNICEF": the lead organisation first, then the associated ones, by acronym. */
  responsible: string;
  originAgendaEntryId: string | null;
  originWorkingGroupId: string | null;
}

/** A recommendation of an earlier session followed up at this one, as the session found it. */
export interface FollowedRecommendation {
  reference: string;
  text: string;
  responsible: string;
  /** The update made at the session, or else the state at its opening. */
  status: RecommendationStatus;
  progress: number;
  dueDate: string | null;
  /** Whether the session recorded an update. */
  reviewed: boolean;
}

export interface MeetingSource {
  meeting: Meeting;
  body: SourceBody;
  agenda: { days: string[]; entries: AgendaEntry[] };
  /** In protocol order: seats first, then the extra invitees. */
  invitees: SourceInvitee[];
  attendance: Pick<Attendance, 'records' | 'counts' | 'stats'>;
  minutes: Minutes | null;
  workingGroups: WorkingGroup[];
  /** Ordered by reference. */
  recommendations: SourceRecommendation[];
  followUp: FollowedRecommendation[];
  /** Réalisées among the échues at the end of the session (same rule as the dashboard). */
  followUpRate: ImplementationRate;
  /** Roadmaps drawn up at this meeting. */
  roadmaps: { name: string; items: number }[];
  /** The body's next session: a meeting already recorded, or the next date of its periodicity. */
  nextSession: { date: string; recorded: boolean } | null;
}

const TRASHED_FR = 'Cette réunion est dans la corbeille : restaurez-la pour en produire les documents.';
const BODY_TRASHED_FR =
  'L’instance de cette réunion est dans la corbeille : restaurez-la pour en produire les documents.';

async function phonesOf(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(personIds)])) {
    const rows = await db.selectFrom('people').select(['id', 'phone']).where('id', 'in', part).execute();
    for (const r of rows) if (r.phone) out.set(r.id, r.phone);
  }
  return out;
}

/** Associated organisations of each recommendation, by id. */
async function associatesOf(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const pairs: { recommendation_id: string; organisation_id: string }[] = [];
  for (const part of chunks([...new Set(ids)])) {
    pairs.push(
      ...(await db
        .selectFrom('recommendation_associates')
        .select(['recommendation_id', 'organisation_id'])
        .where('recommendation_id', 'in', part)
        .execute()),
    );
  }
  const out = new Map<string, string[]>();
  for (const p of pairs)
    out.set(p.recommendation_id, [...(out.get(p.recommendation_id) ?? []), p.organisation_id]);
  return out;
}

/** "DGPSN, PAM": organisations by acronym (their name when they have none), in the order given. */
async function organisationNamer(db: Db, ids: Iterable<string | null>): Promise<(ids: string[]) => string> {
  const organisations = await organisationsById(db, ids);
  return (list) =>
    list
      .map((id) => {
        const o = organisations.get(id);
        return o ? shortLabel(o.name, o.acronym) : '';
      })
      .filter((label) => label.length > 0)
      .join(', ');
}

async function meetingRecommendations(
  db: Db,
  meetingId: string,
  today: string,
): Promise<SourceRecommendation[]> {
  const origins = await db
    .selectFrom('recommendations')
    .select(['id', 'origin_agenda_entry_id', 'origin_working_group_id'])
    .where('origin_meeting_id', '=', meetingId)
    .where('deleted_at', 'is', null)
    .execute();
  if (origins.length === 0) return [];
  const ids = origins.map((o) => o.id);
  const rows = await loadRegisterRows(db, ids, { excludeTrashed: true, today });
  const associates = await associatesOf(db, ids);
  const name = await organisationNamer(db, [
    ...rows.map((r) => r.leadOrganisation?.id ?? null),
    ...[...associates.values()].flat(),
  ]);
  const origin = new Map(origins.map((o) => [o.id, o]));
  return rows
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      text: r.text,
      status: r.status,
      progress: r.progress,
      dueDate: r.dueDate,
      responsible: name([
        ...(r.leadOrganisation ? [r.leadOrganisation.id] : []),
        ...(associates.get(r.id) ?? []),
      ]),
      originAgendaEntryId: origin.get(r.id)?.origin_agenda_entry_id ?? null,
      originWorkingGroupId: origin.get(r.id)?.origin_working_group_id ?? null,
    }))
    .sort((a, b) => compareFr(a.reference, b.reference));
}

async function followedRecommendations(db: Db, meetingId: string): Promise<FollowedRecommendation[]> {
  const items = await loadFollowUp(db, meetingId);
  const name = await organisationNamer(
    db,
    items.map((i) => i.recommendation.leadOrganisation?.id ?? null),
  );
  const responsible = (row: RegisterRow) => (row.leadOrganisation ? name([row.leadOrganisation.id]) : '');
  return items.map((i) => ({
    reference: i.recommendation.reference,
    text: i.recommendation.text,
    responsible: responsible(i.recommendation),
    status: i.sessionUpdate?.status ?? i.snapshot.status,
    progress: i.sessionUpdate?.progress ?? i.snapshot.progress,
    dueDate: i.recommendation.dueDate,
    reviewed: i.sessionUpdate !== null,
  }));
}

async function nextSessionOf(
  db: Db,
  meeting: Meeting,
  body: Awaited<ReturnType<typeof getBodyDetail>>,
): Promise<MeetingSource['nextSession']> {
  const later = (await listMeetings(db, { bodyId: body.id, from: meeting.endDate, trashed: false }))
    .filter((m) => m.id !== meeting.id && m.status !== 'cancelled' && m.startDate > meeting.endDate)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const recorded = later[0];
  if (recorded) return { date: recorded.startDate, recorded: true };
  const year = Number(meeting.endDate.slice(0, 4));
  const planningBody = {
    id: body.id,
    name: body.name,
    acronym: body.acronym,
    kind: body.kind,
    level: body.level,
    periodicity: body.periodicity,
    establishedOn: body.establishedOn,
    status: body.status,
    closedOn: body.closedOn,
  };
  const planned = [...dueSessionDates(planningBody, year), ...dueSessionDates(planningBody, year + 1)].find(
    (d) => d > meeting.endDate && d !== meeting.plannedDate,
  );
  return planned ? { date: planned, recorded: false } : null;
}

/**
 * Loads what the meeting documents need. A meeting in the trash (or whose body is) has no
 * documents: NOT_FOUND, as for anything hidden with the trash.
 */
export async function loadMeetingSource(db: Db, meetingId: string, env: BuildEnv): Promise<MeetingSource> {
  const meeting = await loadMeeting(db, meetingId);
  if (meeting.deletedAt !== null) throw new AppError('NOT_FOUND', TRASHED_FR);
  const detail = await getBodyDetail(db, meeting.body.id);
  if (detail.deletedAt !== null) throw new AppError('NOT_FOUND', BODY_TRASHED_FR);

  const [agenda, attendance, minutes, workingGroups] = [
    await getAgenda(db, meetingId),
    await getAttendance(db, meetingId),
    await getMinutes(db, meetingId),
    await listWorkingGroups(db, meetingId),
  ];
  const phones = await phonesOf(
    db,
    attendance.invitees.flatMap((i) => (i.person ? [i.person.id] : [])),
  );

  const presidentSeat = detail.seats.find((s) => s.role === 'president');
  const holder = presidentSeat?.holders
    .filter((h) => isWithin(meeting.startDate, { from: h.from, to: h.to }))
    .at(-1);
  const chairInvitee = holder
    ? attendance.invitees.find((i) => i.person?.id === holder.person.id)
    : undefined;

  const followUp = await followedRecommendations(db, meetingId);
  const roadmaps = (await listRoadmaps(db, detail.id, env.today))
    .filter((r) => r.meeting?.id === meetingId)
    .map((r) => ({ name: r.name, items: r.rate.total }));

  return {
    meeting,
    body: {
      id: detail.id,
      name: detail.name,
      acronym: detail.acronym,
      kind: detail.kind,
      mandate: detail.mandate,
      territory: detail.territory?.label ?? null,
      quorumRule: detail.quorumRule,
      periodicity: detail.periodicity,
      chair: presidentSeat
        ? {
            name: holder?.person.label ?? null,
            function: presidentSeat.function,
            sex: chairInvitee?.sex ?? null,
          }
        : null,
    },
    agenda: { days: agenda.days, entries: agenda.entries },
    invitees: attendance.invitees.map((i) => ({
      ...i,
      phone: i.person ? (phones.get(i.person.id) ?? null) : null,
    })),
    attendance: { records: attendance.records, counts: attendance.counts, stats: attendance.stats },
    minutes,
    workingGroups,
    recommendations: await meetingRecommendations(db, meetingId, env.today),
    followUp,
    followUpRate: implementationRate(followUp, meeting.endDate),
    roadmaps,
    nextSession: await nextSessionOf(db, meeting, detail),
  };
}

// ── How the documents name a session ───────────────────────────────────────

/** The noun of each kind of meeting, and its gender (for "la 2e session", "le 1er atelier"). */
const KIND_NOUNS: Record<MeetingKind, { noun: string; feminine: boolean }> = {
  ordinary: { noun: 'session ordinaire', feminine: true },
  extraordinary: { noun: 'session extraordinaire', feminine: true },
  framing: { noun: 'réunion de cadrage', feminine: true },
  pre_validation: { noun: 'atelier de pré-validation', feminine: false },
  validation: { noun: 'atelier de validation', feminine: false },
  review: { noun: 'revue', feminine: true },
  workshop: { noun: 'atelier', feminine: false },
  mission: { noun: 'mission', feminine: true },
};

const capitalise = (s: string): string => (s ? `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}` : s);
const startsWithVowel = (s: string): boolean => /^[aàâeéèêëiîïoôuùûh]/i.test(s);

/** "2e session ordinaire", "1er atelier de validation", "1re revue", "session ordinaire". */
function kindNoun(meeting: Meeting): { noun: string; feminine: boolean } {
  const { noun, feminine } = KIND_NOUNS[meeting.kind] ?? { noun: 'réunion', feminine: true };
  if (meeting.number === null) return { noun, feminine };
  const ordinal = meeting.number === 1 ? (feminine ? '1re' : '1er') : `${meeting.number}e`;
  return { noun: `${ordinal} ${noun}`, feminine };
}

/** "2e session ordinaire", or the meeting's own title when it has one. */
export function sessionTitle(source: MeetingSource): string {
  return source.meeting.title ?? capitalise(kindNoun(source.meeting).noun);
}

/** Feminine nouns that open body names ("la Commission mixte"); the others take "du". */
const FEMININE_HEADS = new Set([
  'commission',
  'cellule',
  'plateforme',
  'coordination',
  'conférence',
  'conference',
  'équipe',
  'equipe',
  'instance',
  'assemblée',
  'assemblee',
  'revue',
  'table',
  'task',
  'mission',
]);

/** "du Groupe thématique … (GTGPS)", "de la Commission mixte …", "de l’Inter-cluster …". */
export function ofBody(body: Pick<SourceBody, 'name' | 'acronym'>): string {
  const name = body.acronym && body.acronym !== body.name ? `${body.name} (${body.acronym})` : body.name;
  const head = (body.name.split(/[\s'’-]/)[0] ?? '').toLowerCase();
  if (startsWithVowel(body.name)) return `de l’${name}`;
  return FEMININE_HEADS.has(head) ? `de la ${name}` : `du ${name}`;
}

/** "2e session ordinaire du Groupe thématique Genre et Protection sociale (GTGPS)". */
export function sessionOfBody(source: MeetingSource): string {
  return `${sessionTitle(source)} ${ofBody(source.body)}`;
}

/** "à la 2e session ordinaire", "à l’atelier de validation", "à la réunion « Revue 2024 »". */
export function toTheSession(source: MeetingSource): string {
  if (source.meeting.title) return `à la réunion « ${source.meeting.title} »`;
  const { noun, feminine } = kindNoun(source.meeting);
  if (startsWithVowel(noun)) return `à l’${noun}`;
  return feminine ? `à la ${noun}` : `au ${noun}`;
}

// Places are typed freely: "Koulikoro", "Salle de conférence du Gouvernorat", "Hôtel Azalaï".
// A town takes "à"; a place named by a common noun takes that noun's article.
const PLACE_NOUNS_FEMININE = new Set([
  'salle',
  'direction',
  'préfecture',
  'sous-préfecture',
  'mairie',
  'maison',
  'résidence',
  'primature',
  'présidence',
  'chambre',
  'bibliothèque',
  'délégation',
  'représentation',
  'université',
  'école',
  'agence',
  'cité',
]);
const PLACE_NOUNS_MASCULINE = new Set([
  'centre',
  'siège',
  'bureau',
  'gouvernorat',
  'ministère',
  'palais',
  'conseil',
  'cabinet',
  'campus',
  'complexe',
  'musée',
  'stade',
  'site',
  'haut-commissariat',
  'camp',
]);
const PLACE_NOUNS_ELIDED = new Set([
  'hôtel',
  'hotel',
  'auditorium',
  'amphithéâtre',
  'immeuble',
  'espace',
  'institut',
  'hémicycle',
]);

/** "à Koulikoro", "à la Salle de réunion de la DPFG", "au Centre international…", "à l’Hôtel Azalaï". */
export function atPlace(place: string): string {
  const head = (place.trim().split(/[\s,]+/)[0] ?? '').toLowerCase();
  if (PLACE_NOUNS_ELIDED.has(head)) return `à l’${place}`;
  if (PLACE_NOUNS_FEMININE.has(head)) return `à la ${place}`;
  if (PLACE_NOUNS_MASCULINE.has(head)) return `au ${place}`;
  return `à ${place}`;
}

/** "jeudi 13 avril 2017" or "du jeudi 13 avril 2017 au vendredi 14 avril 2017". */
export function meetingDates(source: MeetingSource): string {
  return dateRangeFr(source.meeting.startDate, source.meeting.endDate);
}

/** "2e session ordinaire du GTGPS — jeudi 13 avril 2017, Koulikoro": the line under a title. */
export function meetingLine(source: MeetingSource): string {
  const place = source.meeting.place ? `, ${source.meeting.place}` : '';
  return `${sessionOfBody(source)} — ${meetingDates(source)}${place}`;
}

/** "GTGPS — 2e session ordinaire du 14 mars 2025", at the foot of every page. */
export function footerOf(source: MeetingSource): string {
  const who = source.body.acronym ?? source.body.name;
  return `${who} — ${sessionTitle(source)} du ${dateFr(source.meeting.startDate)}`;
}

/** The parts every meeting document shares: heading, title, file name, footer. */
export function meetingDocument(
  source: MeetingSource,
  env: BuildEnv,
  parts: {
    kind: DocumentModel['kind'];
    /** "Aide-mémoire": what the document is, for its metadata title. */
    label: string;
    /** File name part: 'aide-memoire'. */
    what: string;
    blocks: Block[];
    orientation?: DocumentModel['orientation'];
    heading?: DocumentModel['heading'];
  },
): DocumentModel {
  return {
    kind: parts.kind,
    title: `${parts.label} — ${footerOf(source)}`,
    fileStem: fileStem({ date: source.meeting.startDate, acronym: source.body.acronym, what: parts.what }),
    orientation: parts.orientation ?? 'portrait',
    heading: parts.heading ?? documentHeading(env),
    blocks: parts.blocks,
    footer: footerOf(source),
  };
}

/** A cancelled or postponed meeting says so at the top of its documents. */
export function statusNotes(source: MeetingSource): Block[] {
  const { meeting } = source;
  const reason = meeting.statusReason ? ` Motif : ${meeting.statusReason}` : '';
  if (meeting.status === 'cancelled')
    return [{ type: 'note', text: `Cette réunion a été annulée.${reason}` }];
  if (meeting.status === 'postponed') return [{ type: 'note', text: `Cette réunion est reportée.${reason}` }];
  return [];
}

// ── Agenda helpers ─────────────────────────────────────────────────────────

export const EMPTY_AGENDA_FR = 'Ordre du jour non encore établi.';

/** Items that organise the day rather than make its substance: left out of letters and minutes. */
const LOGISTIC_KINDS = new Set<AgendaItemKind>(['break', 'meal', 'registration']);

export const isSubstantive = (entry: AgendaEntry): boolean =>
  entry.entryType === 'item' && !(entry.kind !== null && LOGISTIC_KINDS.has(entry.kind));

/** "08h30 – 09h00", "08h30", "– 09h00", or "". */
export function clockRange(start: string | null, end: string | null): string {
  const clock = (t: string) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(t);
    return m ? `${m[1]?.padStart(2, '0')}h${m[2]}` : t;
  };
  if (start && end) return `${clock(start)} – ${clock(end)}`;
  if (start) return clock(start);
  if (end) return `– ${clock(end)}`;
  return '';
}

/** "DGPSN / Awa Traoré / Rapporteurs de groupes": who the agenda says leads an item. */
export function responsibleOf(entry: AgendaEntry): string {
  return [
    ...entry.responsible.organisations.map((o) => o.label),
    ...entry.responsible.persons.map((p) => p.label),
    ...(entry.responsible.text ? [entry.responsible.text] : []),
  ].join(' / ');
}

/** "Jour 2 — vendredi 14 avril 2017" (a day outside the meeting's dates: the date alone). */
export function dayLabel(source: MeetingSource, day: string): string {
  const index = source.agenda.days.indexOf(day);
  return index >= 0 ? `Jour ${index + 1} — ${longDateFr(day)}` : longDateFr(day);
}

export type AgendaLine =
  | { kind: 'day'; text: string }
  | { kind: 'part'; text: string }
  | { kind: 'item'; entry: AgendaEntry };

/**
 * The agenda in reading order as day headings (meetings of several days), part headings and
 * items. `substantiveOnly` leaves out breaks, meals and registration, and parts left empty.
 */
export function agendaLines(
  source: MeetingSource,
  options: { substantiveOnly?: boolean } = {},
): AgendaLine[] {
  const entries = source.agenda.entries.filter(
    (e) => e.entryType === 'part' || !options.substantiveOnly || isSubstantive(e),
  );
  const days = new Set(entries.map((e) => e.day));
  const severalDays = source.agenda.days.length > 1 || days.size > 1;
  const lines: AgendaLine[] = [];
  let day: string | null = null;
  for (const entry of entries) {
    if (severalDays && entry.day !== day) lines.push({ kind: 'day', text: dayLabel(source, entry.day) });
    day = entry.day;
    lines.push(entry.entryType === 'part' ? { kind: 'part', text: entry.title } : { kind: 'item', entry });
  }
  if (!options.substantiveOnly) return lines;
  // A heading with no item under it (a part made only of breaks) is left out.
  return lines.filter((line, i) => {
    if (line.kind === 'item') return true;
    for (const next of lines.slice(i + 1)) {
      if (next.kind === 'item') return true;
      if (next.kind === 'day' || (line.kind === 'part' && next.kind === 'part')) return false;
    }
    return false;
  });
}

/**
 * The agenda as the letters and minutes recall it: headings as bold paragraphs, items as
 * numbered lists (numbering restarts under each heading, as French agendas number a part's
 * points).
 */
export function agendaRecall(source: MeetingSource): Block[] {
  const lines = agendaLines(source, { substantiveOnly: true });
  if (!lines.some((l) => l.kind === 'item'))
    return [{ type: 'paragraph', runs: [{ text: EMPTY_AGENDA_FR, italic: true }] }];
  const blocks: Block[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length > 0)
      blocks.push({ type: 'list', ordered: true, items: items.map((t) => [{ text: t }]) });
    items = [];
  };
  for (const line of lines) {
    if (line.kind === 'item') {
      items.push(line.entry.title);
      continue;
    }
    flush();
    blocks.push({
      type: 'paragraph',
      runs: [{ text: line.text, bold: true, ...(line.kind === 'part' ? { italic: true } : {}) }],
    });
  }
  flush();
  return blocks;
}

// ── Small shared texts ─────────────────────────────────────────────────────

/** "30 juin 2025", or "Sans échéance". */
export const dueFr = (date: string | null): string => (date ? dateFr(date) : 'Sans échéance');

/** "1 participant", "12 participants". */
export const plural = (n: number, one: string, many: string = `${one}s`): string => (n > 1 ? many : one);
