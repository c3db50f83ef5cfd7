import { sql } from 'kysely';
import { isOpenStatus } from '../../../../shared/domain/recommendationStatus';
import { compareFr } from '../../../../shared/domain/text';
import type { RecommendationStatus, UpdateSource } from '../../../../shared/domain/vocabularies';
import type { Db } from '../../db/open';
import type { RecommendationUpdate } from '../recommendations';
import { chunks, meetingRef } from '../recommendations/repository';

/** The facts of a meeting that decide its follow-up. */
export interface FollowUpMeeting {
  id: string;
  body_id: string;
  start_date: string;
}

/** One recommendation of a session's follow-up, as it stood when the session opened. */
export interface FollowUpEntry {
  recommendationId: string;
  status: RecommendationStatus;
  progress: number;
  dueDate: string | null;
  capturedAt: string;
}

interface CandidateRow {
  id: string;
  reference: string;
  status: string;
  progress: number;
  due_date: string | null;
  transmitted_from_id: string | null;
  created_at: string;
  origin_start: string | null;
  past_status: string | null;
  past_progress: number | null;
}

/**
 * The recommendations a session of the body follows up, with their state at its opening:
 * - the body's live recommendations, its own and the copies transmitted to it by sub-bodies;
 * - born before the session: not made at it (those are followed at the next one), and made at
 *   an earlier session or, without an origin session, recorded before the session's day (a
 *   transmitted copy is born when it is transmitted);
 * - open at the session's opening: the state is the last update dated before its first day,
 *   leaving out updates tied to the session itself. For a session being prepared that is the
 *   current state; for an older one it is what the register said then.
 * Own recommendations first, then the transmitted ones, each by reference.
 */
export async function followUpCandidates(
  db: Db,
  meeting: FollowUpMeeting,
  capturedAt: string,
): Promise<FollowUpEntry[]> {
  const { rows } = await sql<CandidateRow>`
    WITH last_update AS (
      SELECT u.recommendation_id, u.status, u.progress,
        ROW_NUMBER() OVER (
          PARTITION BY u.recommendation_id ORDER BY u.date DESC, u.created_at DESC, u.id DESC
        ) AS rn
      FROM recommendation_updates u
      JOIN recommendations r ON r.id = u.recommendation_id
      WHERE r.body_id = ${meeting.body_id} AND r.deleted_at IS NULL
        AND u.date < ${meeting.start_date}
        AND (u.meeting_id IS NULL OR u.meeting_id <> ${meeting.id})
    )
    SELECT r.id, r.reference, r.status, r.progress, r.due_date, r.transmitted_from_id, r.created_at,
      m.start_date AS origin_start, l.status AS past_status, l.progress AS past_progress
    FROM recommendations r
    LEFT JOIN meetings m ON m.id = r.origin_meeting_id
    LEFT JOIN last_update l ON l.recommendation_id = r.id AND l.rn = 1
    WHERE r.body_id = ${meeting.body_id} AND r.deleted_at IS NULL
      AND (r.origin_meeting_id IS NULL OR r.origin_meeting_id <> ${meeting.id})`.execute(db);

  const kept = rows.flatMap((r) => {
    const born = r.origin_start ?? r.created_at.slice(0, 10);
    if (born >= meeting.start_date) return [];
    // No update before the session (a date typed oddly): the current state is the best we know.
    const status = (r.past_status ?? r.status) as RecommendationStatus;
    if (!isOpenStatus(status)) return [];
    return [{ row: r, status, progress: r.past_progress ?? r.progress }];
  });
  kept.sort(
    (a, b) =>
      Number(a.row.transmitted_from_id !== null) - Number(b.row.transmitted_from_id !== null) ||
      compareFr(a.row.reference, b.row.reference),
  );
  return kept.map(({ row, status, progress }) => ({
    recommendationId: row.id,
    status,
    progress,
    dueDate: row.due_date,
    capturedAt,
  }));
}

/** The stored snapshot of a session, in its order; empty when none was taken. */
export async function readSnapshot(db: Db, meetingId: string): Promise<FollowUpEntry[]> {
  const rows = await db
    .selectFrom('follow_up_snapshots')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    recommendationId: r.recommendation_id,
    status: r.status as RecommendationStatus,
    progress: r.progress,
    dueDate: r.due_date,
    capturedAt: r.captured_at,
  }));
}

/** Replaces the stored snapshot of a session. */
export async function writeSnapshot(
  trx: Db,
  meetingId: string,
  entries: readonly FollowUpEntry[],
): Promise<void> {
  await trx.deleteFrom('follow_up_snapshots').where('meeting_id', '=', meetingId).execute();
  let position = 0;
  for (const part of chunks(entries)) {
    await trx
      .insertInto('follow_up_snapshots')
      .values(
        part.map((e) => ({
          meeting_id: meetingId,
          recommendation_id: e.recommendationId,
          position: position++,
          status: e.status,
          progress: e.progress,
          due_date: e.dueDate,
          captured_at: e.capturedAt,
        })),
      )
      .execute();
  }
}

/** The ids among `ids` of copies transmitted by a sub-body. */
export async function transmittedIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('recommendations')
      .select('id')
      .where('id', 'in', part)
      .where('transmitted_from_id', 'is not', null)
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** For each recommendation, the latest update recorded at this session. */
export async function sessionUpdates(
  db: Db,
  meetingId: string,
  ids: readonly string[],
): Promise<Map<string, RecommendationUpdate>> {
  const out = new Map<string, RecommendationUpdate>();
  if (ids.length === 0) return out;
  const meeting = await meetingRef(db, meetingId);
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('recommendation_updates')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .where('recommendation_id', 'in', part)
      .orderBy('date', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const r of rows) {
      if (out.has(r.recommendation_id)) continue;
      out.set(r.recommendation_id, {
        id: r.id,
        date: r.date,
        status: r.status as RecommendationStatus,
        progress: r.progress,
        comment: r.comment,
        actionsTaken: r.actions_taken,
        source: r.source as UpdateSource,
        meeting,
        actor: r.actor,
        createdAt: r.created_at,
      });
    }
  }
  return out;
}
