import { addDays } from '../../../../shared/domain/dates';
import { describePeriodicity, plannedSessionDates } from '../../../../shared/domain/periodicity';
import { compareFr } from '../../../../shared/domain/text';
import type { OutputOf } from '../../../../shared/rpc';
import type { CalendarEntry } from '../../../../shared/rpc/meetings';
import type { Db } from '../../db/open';
import { listChronicAbsences } from '../attendance/absences';
import { bodyRefLabel, localToday } from '../meetings/repository';
import { readSettings } from '../settings/repository';
import {
  type BodyFilter,
  heldOrdinaryCounts,
  type PlanningBody,
  type PlanningMeeting,
  planningBodies,
  planningMeetings,
} from './repository';

type Regularity = OutputOf<'planning.regularity'>[number];

/**
 * The planned sessions of a body in `year` that it was bound to hold: none before it was
 * established, none from the day it was closed.
 */
export function dueSessionDates(body: PlanningBody, year: number): string[] {
  return plannedSessionDates(body.periodicity, year).filter(
    (date) =>
      (body.establishedOn === null || date >= body.establishedOn) &&
      (body.status === 'active' || body.closedOn === null || date < body.closedOn),
  );
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/**
 * Calendar entries of `bodies` in [from, to], computed in memory from one list of bodies and one
 * of meetings:
 * - every meeting overlapping the range whose host or one of whose co-hosts is among the bodies,
 *   under its host body, whatever its status;
 * - every planned session in the range that no meeting of its body fulfils (a fulfilled one is
 *   shown once, as that meeting — even postponed elsewhere or cancelled).
 * Sorted by date, then body name (French order), then number.
 */
export function buildCalendar(
  bodies: readonly PlanningBody[],
  meetings: readonly PlanningMeeting[],
  from: string,
  to: string,
): CalendarEntry[] {
  const selected = new Map(bodies.map((b) => [b.id, b]));
  const fulfilled = new Set<string>();
  for (const m of meetings) if (m.plannedDate) fulfilled.add(`${m.bodyId}|${m.plannedDate}`);

  // Rank bodies by name once: comparing names for every pair of entries would dominate the time.
  const names = new Map<string, string>(bodies.map((b) => [b.id, b.name]));
  const shown = meetings.filter(
    (m) =>
      m.startDate <= to &&
      m.endDate >= from &&
      (selected.has(m.bodyId) || m.cohostIds.some((id) => selected.has(id))),
  );
  for (const m of shown) names.set(m.bodyId, m.bodyName);
  const rank = new Map(
    [...names.entries()]
      .sort((a, b) => compareFr(a[1], b[1]) || a[0].localeCompare(b[0]))
      .map(([id], i) => [id, i]),
  );

  const entries: (CalendarEntry & { rank: number })[] = [];
  for (const m of shown) {
    entries.push({
      body: { id: m.bodyId, label: bodyRefLabel(m.bodyName, m.bodyAcronym) },
      date: m.startDate,
      endDate: m.endDate,
      status: m.status,
      meetingId: m.id,
      plannedDate: m.plannedDate,
      kind: m.kind,
      number: m.number,
      rank: rank.get(m.bodyId) ?? 0,
    });
  }
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    for (const body of bodies) {
      if (body.periodicity.kind === 'as_needed') continue;
      const label = bodyRefLabel(body.name, body.acronym);
      for (const date of dueSessionDates(body, year)) {
        if (date < from || date > to || fulfilled.has(`${body.id}|${date}`)) continue;
        entries.push({
          body: { id: body.id, label },
          date,
          endDate: date,
          status: 'planned',
          meetingId: null,
          plannedDate: date,
          // Sessions due from the periodicity are the body's ordinary sessions.
          kind: 'ordinary',
          number: null,
          rank: rank.get(body.id) ?? 0,
        });
      }
    }
  }
  entries.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      a.rank - b.rank ||
      (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER),
  );
  return entries.map(({ rank: _rank, ...entry }) => entry);
}

/**
 * Regularity of each body in `year`:
 * - planned: its planned sessions that year while it existed (dueSessionDates);
 * - held: its ORDINARY sessions held or closed that year, co-hosted ones included; extraordinary
 *   sessions, workshops, reviews… are extra activity, not the statutory rhythm, so they do not
 *   make up for a missed session;
 * - rate: held / planned, capped at 1; null when nothing was planned ("chaque fois que de besoin").
 */
export function buildRegularity(
  bodies: readonly PlanningBody[],
  held: ReadonlyMap<string, number>,
  year: number,
): Regularity[] {
  return bodies
    .map((body): Regularity => {
      const planned = dueSessionDates(body, year).length;
      const count = held.get(body.id) ?? 0;
      return {
        body: { id: body.id, label: bodyRefLabel(body.name, body.acronym) },
        kind: body.kind,
        level: body.level,
        periodicity: describePeriodicity(body.periodicity, 'fr'),
        planned,
        held: count,
        rate: planned === 0 ? null : Math.min(count, planned) / planned,
      };
    })
    .sort((a, b) => compareFr(a.body.label, b.body.label));
}

export async function calendar(
  db: Db,
  input: BodyFilter & { from: string; to: string },
): Promise<CalendarEntry[]> {
  const { from, to, ...filter } = input;
  if (to < from) return [];
  const [bodies, meetings] = await Promise.all([planningBodies(db, filter), planningMeetings(db, from, to)]);
  return buildCalendar(bodies, meetings, from, to);
}

/**
 * Bodies that existed during the year: active ones and those closed during it (or later),
 * not those established after it.
 */
export async function regularity(db: Db, input: BodyFilter & { year: number }): Promise<Regularity[]> {
  const { year, ...filter } = input;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [bodies, held] = await Promise.all([
    planningBodies(db, filter, { from, to }),
    heldOrdinaryCounts(db, from, to),
  ]);
  return buildRegularity(bodies, held, year);
}

const DUE_SOON_DAYS = 30;

/**
 * The home dashboard as at `today` (the machine's date by default):
 * - dueSoon: planned, draft or convened sessions starting within the next 30 days;
 * - overdue: this year's sessions whose date has passed without being held — planned sessions
 *   no meeting fulfils, and draft, convened or postponed meetings that ended before today
 *   (their status was not brought up to date, or the session did not take place);
 * - regularity of every body this year, and seats chronically absent (threshold from settings).
 */
export async function dashboard(
  db: Db,
  input: { today?: string | undefined },
): Promise<OutputOf<'planning.dashboard'>> {
  const today = input.today ?? localToday();
  const year = yearOf(today);
  const yearStart = `${year}-01-01`;
  const horizon = addDays(today, DUE_SOON_DAYS);
  const settings = await readSettings(db);
  const entries = await calendar(db, { from: yearStart, to: horizon });
  const dueSoon = entries.filter(
    (e) =>
      e.date >= today &&
      e.date <= horizon &&
      (e.status === 'planned' || e.status === 'draft' || e.status === 'convened'),
  );
  const overdue = entries.filter(
    (e) =>
      e.date >= yearStart &&
      e.date < today &&
      (e.status === 'planned' ||
        ((e.status === 'draft' || e.status === 'convened' || e.status === 'postponed') && e.endDate < today)),
  );
  return {
    dueSoon,
    overdue,
    regularity: await regularity(db, { year }),
    chronicAbsences: await listChronicAbsences(db, { threshold: settings.absenceThreshold, today }),
    year,
  };
}
