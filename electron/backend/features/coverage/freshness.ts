import { sql } from 'kysely';
import { compareFr } from '../../../../shared/domain/text';
import type { OutputOf } from '../../../../shared/rpc';
import type { Db } from '../../db/open';
import { todayIn } from '../documents/env';
import { fullLabel } from '../organisations/repository';
import { readSettings } from '../settings/repository';
import { quartersSince } from './filter';

// When each partner last reported: the latest reporting date of its interventions, or, for an
// intervention whose file gave none, the day its batch was imported.

export type Freshness = OutputOf<'coverage.freshness'>[number];

/** Today in the secretariat's time zone (the quarters are counted in its calendar). */
export async function coverageToday(db: Db): Promise<string> {
  return todayIn((await readSettings(db)).timeZone);
}

export async function computeFreshness(db: Db, today: string, organisationId?: string): Promise<Freshness[]> {
  const only = organisationId ? sql`AND i.organisation_id = ${organisationId}` : sql``;
  const { rows } = await sql<{
    org: string;
    name: string;
    acronym: string | null;
    n: number;
    last: string | null;
  }>`
    SELECT i.organisation_id AS org, o.name AS name, o.acronym AS acronym, COUNT(*) AS n,
      MAX(COALESCE(i.reported_on, substr(b.created_at, 1, 10))) AS last
    FROM interventions AS i
    JOIN organisations AS o ON o.id = i.organisation_id
    LEFT JOIN import_batches AS b ON b.id = i.batch_id
    WHERE i.deleted_at IS NULL ${only}
    GROUP BY i.organisation_id`.execute(db);
  return rows
    .map((r) => ({
      organisation: { id: r.org, label: fullLabel(r.name, r.acronym) },
      interventions: r.n,
      lastReportedOn: r.last,
      quartersSilent: r.last ? quartersSince(r.last, today) : 0,
    }))
    .sort(
      (a, b) =>
        (a.lastReportedOn ?? '').localeCompare(b.lastReportedOn ?? '') ||
        compareFr(a.organisation.label, b.organisation.label),
    );
}
