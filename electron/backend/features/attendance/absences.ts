import { sql } from 'kysely';
import { isWithin } from '../../../../shared/domain/dates';
import { compareSeats } from '../../../../shared/domain/seats';
import { compareFr } from '../../../../shared/domain/text';
import type { SeatRole } from '../../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../../shared/rpc';
import type { Db } from '../../db/open';
import { bodyRefLabel, localToday } from '../meetings/repository';
import { fullLabel, personLabel } from './repository';

export type ChronicAbsence = OutputOf<'attendance.chronicAbsences'>[number];

/**
 * Seats absent from each of their body's last `threshold` sessions (the seeds' "points focaux
 * chroniquement absents"). Only sessions held or closed whose attendance was taken (at least one
 * invitee marked) count, latest first. A seat counts as absent at a session when its invitee was
 * marked absent or excused, or left unmarked while others were marked: excused is still an empty
 * chair, and an unmarked name on a list that was taken did not sign it. Present or represented
 * (someone sat in the seat) breaks the run, as does a session the seat was not invited to.
 * `consecutiveAbsences` is the whole run, which may exceed the threshold.
 * Without bodyId, active bodies not in the trash are examined; seats removed from the
 * composition are not reported. The holder is today's.
 */
export async function listChronicAbsences(
  db: Db,
  options: { bodyId?: string; threshold: number; today?: string },
): Promise<ChronicAbsence[]> {
  const threshold = Math.max(1, Math.floor(options.threshold));
  const today = options.today ?? localToday();

  let meetingsQuery = db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.body_id')
    .select(['meetings.id', 'meetings.body_id', 'meetings.start_date'])
    .where('meetings.status', 'in', ['held', 'closed'])
    .where('meetings.deleted_at', 'is', null)
    .where('bodies.deleted_at', 'is', null)
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM attendance a
        WHERE a.meeting_id = meetings.id AND a.invitee_id IS NOT NULL)`,
    );
  meetingsQuery = options.bodyId
    ? meetingsQuery.where('meetings.body_id', '=', options.bodyId)
    : meetingsQuery.where('bodies.status', '=', 'active');
  const meetings = await meetingsQuery
    .orderBy('meetings.start_date', 'desc')
    .orderBy('meetings.start_time', 'desc')
    .orderBy('meetings.id', 'desc')
    .execute();

  const meetingsByBody = new Map<string, { id: string; date: string }[]>();
  for (const m of meetings) {
    const list = meetingsByBody.get(m.body_id) ?? [];
    list.push({ id: m.id, date: m.start_date });
    meetingsByBody.set(m.body_id, list);
  }
  const bodyIds = [...meetingsByBody].filter(([, list]) => list.length >= threshold).map(([id]) => id);
  if (bodyIds.length === 0) return [];
  const meetingIds = bodyIds.flatMap((id) => (meetingsByBody.get(id) ?? []).map((m) => m.id));

  // meeting → seat → attendance status (null: invited, not marked).
  const seatStatus = new Map<string, Map<string, string | null>>();
  for (const chunk of chunks(meetingIds, 500)) {
    const rows = await db
      .selectFrom('invitees')
      .leftJoin('attendance', 'attendance.invitee_id', 'invitees.id')
      .select(['invitees.meeting_id', 'invitees.seat_id', 'attendance.status'])
      .where('invitees.meeting_id', 'in', chunk)
      .where('invitees.seat_id', 'is not', null)
      .execute();
    for (const r of rows) {
      if (r.seat_id === null) continue;
      const bySeat = seatStatus.get(r.meeting_id) ?? new Map<string, string | null>();
      // Should a seat appear twice on one list, a presence wins.
      const previous = bySeat.get(r.seat_id);
      if (previous !== 'present' && previous !== 'represented') bySeat.set(r.seat_id, r.status ?? null);
      seatStatus.set(r.meeting_id, bySeat);
    }
  }

  const seats = await db
    .selectFrom('seats')
    .innerJoin('bodies', 'bodies.id', 'seats.body_id')
    .leftJoin('organisations', 'organisations.id', 'seats.organisation_id')
    .select([
      'seats.id',
      'seats.body_id',
      'seats.function',
      'seats.role',
      'seats.rank',
      'seats.position',
      'seats.organisation_id',
      'organisations.name as organisation_name',
      'organisations.acronym as organisation_acronym',
      'bodies.name as body_name',
      'bodies.acronym as body_acronym',
    ])
    .where('seats.deleted_at', 'is', null)
    .where('seats.body_id', 'in', bodyIds)
    .execute();

  const flagged: (ChronicAbsence & { order: { role: SeatRole; rank: number | null; position: number } })[] =
    [];
  for (const seat of seats) {
    const sessions = meetingsByBody.get(seat.body_id) ?? [];
    let run = 0;
    for (const session of sessions) {
      const bySeat = seatStatus.get(session.id);
      if (!bySeat?.has(seat.id)) break;
      const status = bySeat.get(seat.id);
      if (status === 'present' || status === 'represented') break;
      run++;
    }
    const latest = sessions[0];
    if (run < threshold || !latest) continue;
    flagged.push({
      body: { id: seat.body_id, label: bodyRefLabel(seat.body_name, seat.body_acronym) },
      seatId: seat.id,
      function: seat.function,
      organisation:
        seat.organisation_id && seat.organisation_name !== null
          ? { id: seat.organisation_id, label: fullLabel(seat.organisation_name, seat.organisation_acronym) }
          : null,
      holder: null,
      consecutiveAbsences: run,
      lastMeetingDate: latest.date,
      order: { role: seat.role as SeatRole, rank: seat.rank, position: seat.position },
    });
  }
  if (flagged.length === 0) return [];

  const holders = await db
    .selectFrom('seat_holders')
    .innerJoin('people', 'people.id', 'seat_holders.person_id')
    .select([
      'seat_holders.seat_id',
      'seat_holders.valid_from',
      'seat_holders.valid_to',
      'people.id as person_id',
      'people.first_name',
      'people.last_name',
    ])
    .where('seat_holders.deleted_at', 'is', null)
    .where(
      'seat_holders.seat_id',
      'in',
      flagged.map((f) => f.seatId),
    )
    .orderBy('seat_holders.valid_from')
    .execute();
  for (const entry of flagged) {
    const current = holders
      .filter((h) => h.seat_id === entry.seatId && isWithin(today, { from: h.valid_from, to: h.valid_to }))
      .at(-1);
    if (current)
      entry.holder = { id: current.person_id, label: personLabel(current.first_name, current.last_name) };
  }

  return flagged
    .sort(
      (a, b) =>
        compareFr(a.body.label, b.body.label) ||
        a.body.id.localeCompare(b.body.id) ||
        compareSeats(a.order, b.order),
    )
    .map(({ order: _order, ...absence }) => absence);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
