import { sql } from 'kysely';
import type { z } from 'zod';
import type { Periodicity } from '../../../../shared/domain/periodicity';
import type { BodyKind, BodyLevel, MeetingKind, MeetingStatus } from '../../../../shared/domain/vocabularies';
import type { BodyFilterSchema } from '../../../../shared/rpc/meetings';
import type { Db } from '../../db/open';
import { parseJson } from '../../json';

export type BodyFilter = z.output<typeof BodyFilterSchema>;

export interface PlanningBody {
  id: string;
  name: string;
  acronym: string | null;
  kind: BodyKind;
  level: BodyLevel;
  periodicity: Periodicity;
  establishedOn: string | null;
  status: 'active' | 'closed';
  closedOn: string | null;
}

export interface PlanningMeeting {
  id: string;
  bodyId: string;
  bodyName: string;
  bodyAcronym: string | null;
  cohostIds: string[];
  kind: MeetingKind;
  number: number | null;
  status: MeetingStatus;
  plannedDate: string | null;
  startDate: string;
  endDate: string;
}

/**
 * The non-trashed bodies matching the filters, in ONE query. A territory filter takes in the
 * bodies of every territory below it (as bodies.list does). `existedIn` keeps only the bodies
 * that existed during that period: not established after it, not closed before it.
 */
export async function planningBodies(
  db: Db,
  filter: BodyFilter,
  existedIn: { from: string; to: string } | null = null,
): Promise<PlanningBody[]> {
  let query = db
    .selectFrom('bodies')
    .select([
      'id',
      'name',
      'acronym',
      'kind',
      'level',
      'periodicity',
      'established_on',
      'status',
      'closed_on',
    ])
    .where('deleted_at', 'is', null);
  if (filter.bodyIds) {
    if (filter.bodyIds.length === 0) return [];
    query = query.where('id', 'in', filter.bodyIds);
  }
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.territoryId) {
    query = query.where(
      sql<boolean>`territory_id IN (
        WITH RECURSIVE below(id) AS (
          SELECT ${filter.territoryId}
          UNION
          SELECT territories.id FROM territories JOIN below ON territories.parent_id = below.id
        )
        SELECT id FROM below)`,
    );
  }
  if (existedIn) {
    const { from, to } = existedIn;
    query = query
      .where((eb) => eb.or([eb('established_on', 'is', null), eb('established_on', '<=', to)]))
      .where((eb) =>
        eb.or([eb('status', '=', 'active'), eb('closed_on', 'is', null), eb('closed_on', '>=', from)]),
      );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    acronym: r.acronym,
    kind: r.kind as BodyKind,
    level: r.level as BodyLevel,
    periodicity: parseJson<Periodicity>(r.periodicity, { kind: 'as_needed' }),
    establishedOn: r.established_on,
    status: r.status,
    closedOn: r.closed_on,
  }));
}

/**
 * Live meetings (not trashed, body not trashed) that overlap [from, to] or fulfil a planned
 * session dated in it, in ONE query; co-hosts come along as a comma-separated list.
 */
export async function planningMeetings(db: Db, from: string, to: string): Promise<PlanningMeeting[]> {
  const rows = await db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.body_id')
    .select([
      'meetings.id',
      'meetings.body_id',
      'meetings.kind',
      'meetings.number',
      'meetings.status',
      'meetings.planned_date',
      'meetings.start_date',
      'meetings.end_date',
      'bodies.name as body_name',
      'bodies.acronym as body_acronym',
    ])
    .select(
      sql<
        string | null
      >`(SELECT group_concat(body_id) FROM meeting_cohosts WHERE meeting_id = meetings.id)`.as('cohost_ids'),
    )
    .where('meetings.deleted_at', 'is', null)
    .where('bodies.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('meetings.start_date', '<=', to), eb('meetings.end_date', '>=', from)]),
        eb.and([eb('meetings.planned_date', '>=', from), eb('meetings.planned_date', '<=', to)]),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodyAcronym: r.body_acronym,
    cohostIds: r.cohost_ids ? r.cohost_ids.split(',') : [],
    kind: r.kind as MeetingKind,
    number: r.number,
    status: r.status,
    plannedDate: r.planned_date,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
}

/**
 * Ordinary sessions held (held or closed) per body with a start date in [from, to], in ONE
 * query. A co-hosted session counts for the host and for each co-host: a joint session is a
 * session of every body that convened it.
 */
export async function heldOrdinaryCounts(db: Db, from: string, to: string): Promise<Map<string, number>> {
  const result = await sql<{ body_id: string; n: number }>`
    SELECT body_id, COUNT(*) AS n FROM (
      SELECT m.body_id AS body_id FROM meetings m
      WHERE m.deleted_at IS NULL AND m.kind = 'ordinary' AND m.status IN ('held', 'closed')
        AND m.start_date BETWEEN ${from} AND ${to}
      UNION ALL
      SELECT c.body_id AS body_id FROM meeting_cohosts c JOIN meetings m ON m.id = c.meeting_id
      WHERE m.deleted_at IS NULL AND m.kind = 'ordinary' AND m.status IN ('held', 'closed')
        AND m.start_date BETWEEN ${from} AND ${to}
    )
    GROUP BY body_id`.execute(db);
  return new Map(result.rows.map((r) => [r.body_id, Number(r.n)]));
}
