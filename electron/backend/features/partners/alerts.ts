import type { OutputOf } from '../../../../shared/rpc';
import type { Db } from '../../db/open';
import { daysBetween } from '../coverage/filter';
import { computeFreshness, coverageToday } from '../coverage/freshness';
import { toConventions } from './conventions';

// What the secretariat must act on: conventions ending (or ended and still marked in force),
// evaluations coming due, and partners that stopped reporting.

export type Alerts = OutputOf<'partners.alerts'>;

/** A convention in force ending within this many days is announced. */
export const ENDING_WITHIN_DAYS = 90;
/** An evaluation due within this many days is announced. */
export const EVALUATION_WITHIN_DAYS = 60;

export async function partnerAlerts(db: Db, today?: string): Promise<Alerts> {
  const day = today ?? (await coverageToday(db));
  const rows = await db
    .selectFrom('conventions as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .selectAll('c')
    .where('c.deleted_at', 'is', null)
    .where('o.deleted_at', 'is', null)
    .where('c.status', '=', 'in_force')
    .execute();
  const conventions = await toConventions(db, rows);

  const endingConventions: Alerts['endingConventions'] = [];
  const evaluationsDue: Alerts['evaluationsDue'] = [];
  for (const convention of conventions) {
    if (convention.endDate) {
      const daysLeft = daysBetween(day, convention.endDate);
      if (daysLeft <= ENDING_WITHIN_DAYS) endingConventions.push({ convention, daysLeft });
    }
    for (const [which, due] of [
      ['midterm', convention.midtermEvaluationDue],
      ['final', convention.finalEvaluationDue],
    ] as const) {
      if (!due) continue;
      const daysLeft = daysBetween(day, due);
      if (daysLeft <= EVALUATION_WITHIN_DAYS) evaluationsDue.push({ convention, which, due, daysLeft });
    }
  }
  endingConventions.sort((a, b) => a.daysLeft - b.daysLeft);
  evaluationsDue.sort((a, b) => a.daysLeft - b.daysLeft);

  const silentPartners = (await computeFreshness(db, day))
    .filter((f) => f.quartersSilent >= 1)
    .map((f) => ({
      organisation: f.organisation,
      lastReportedOn: f.lastReportedOn,
      quartersSilent: f.quartersSilent,
    }))
    .sort(
      (a, b) =>
        b.quartersSilent - a.quartersSilent || (a.lastReportedOn ?? '').localeCompare(b.lastReportedOn ?? ''),
    );
  return { endingConventions, evaluationsDue, silentPartners };
}
