import { sql } from 'kysely';
import { compareFr } from '../../../../shared/domain/text';
import { SECTORS, type Sector } from '../../../../shared/domain/vocabularies';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { Intervention } from '../../../../shared/rpc/partners';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';
import { coverageCondition } from '../coverage/filter';
import { computeFreshness, coverageToday } from '../coverage/freshness';
import { fullLabel, requireOrganisationRow } from '../organisations/repository';
import { listConventions } from './conventions';

// A partner's page (its interventions, sectors, zones, last report, conventions) and the list of
// interventions with the coverage filters.

export type PartnerProfile = OutputOf<'partners.profile'>;
type ListInput = ParsedInputOf<'interventions.list'>;

export async function partnerProfile(db: Db, organisationId: string): Promise<PartnerProfile> {
  const organisation = await requireOrganisationRow(db, organisationId).catch(() => {
    throw new AppError('NOT_FOUND', 'Cette organisation est introuvable (elle a peut-être été supprimée).');
  });
  const live = (qb: string) => sql`${sql.ref(qb)} = ${organisationId} AND i.deleted_at IS NULL`;
  const [sectors, zones, freshness, conventions] = await Promise.all([
    sql<{ sector: string; n: number }>`
      SELECT i.sector AS sector, COUNT(*) AS n FROM interventions AS i
      WHERE ${live('i.organisation_id')} AND i.sector IS NOT NULL GROUP BY i.sector`.execute(db),
    // The zone of an intervention: its cercle (level 2) when known, else the place it names.
    sql<{ id: string; name: string; n: number }>`
      SELECT t.id AS id, t.name AS name, COUNT(*) AS n FROM interventions AS i
      JOIN territories AS t ON t.id = COALESCE(i.adm2_id, i.territory_id)
      WHERE ${live('i.organisation_id')} GROUP BY t.id`.execute(db),
    computeFreshness(db, await coverageToday(db), organisationId),
    listConventions(db, { organisationId, trashed: false }),
  ]);
  const known: ReadonlySet<string> = new Set(SECTORS);
  return {
    organisation: { id: organisation.id, label: fullLabel(organisation.name, organisation.acronym) },
    interventions: freshness[0]?.interventions ?? 0,
    sectors: sectors.rows
      .filter((r) => known.has(r.sector))
      .map((r) => ({ sector: r.sector as Sector, interventions: r.n }))
      .sort(
        (a, b) => b.interventions - a.interventions || SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector),
      ),
    zones: zones.rows
      .map((r) => ({ territory: { id: r.id, label: r.name }, interventions: r.n }))
      .sort((a, b) => b.interventions - a.interventions || compareFr(a.territory.label, b.territory.label)),
    lastReportedOn: freshness[0]?.lastReportedOn ?? null,
    conventions,
  };
}

/** The condition of the list: the coverage filter, plus the organisation, place (with what it contains) and batch. */
async function listCondition(db: Db, input: Omit<ListInput, 'limit' | 'offset'>) {
  const parts = [await coverageCondition(db, input)];
  if (input.countryCode) {
    parts.push(
      sql<boolean>`i.territory_id IN (SELECT id FROM territories WHERE country_code = ${input.countryCode})`,
    );
  }
  if (input.organisationId) parts.push(sql<boolean>`i.organisation_id = ${input.organisationId}`);
  if (input.territoryId) {
    const t = input.territoryId;
    parts.push(sql<boolean>`(i.territory_id = ${t} OR i.adm1_id = ${t} OR i.adm2_id = ${t})`);
  }
  if (input.batchId) parts.push(sql<boolean>`i.batch_id = ${input.batchId}`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

interface ListedRow {
  id: string;
  organisation_id: string;
  org_name: string;
  org_acronym: string | null;
  role: Intervention['role'];
  donor_label: string | null;
  donor_name: string | null;
  donor_acronym: string | null;
  sector: string | null;
  activity: string;
  target_group: string | null;
  territory_id: string | null;
  territory_name: string | null;
  place_label: string | null;
  status: Intervention['status'];
  start_date: string | null;
  end_date: string | null;
  targeted_women: number | null;
  targeted_men: number | null;
  targeted_total: number | null;
  reached_women: number | null;
  reached_men: number | null;
  reached_total: number | null;
  budget: number | null;
  currency: string | null;
  reported_on: string | null;
  batch_id: string | null;
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
}

const SECTOR_SET: ReadonlySet<string> = new Set(SECTORS);

function toIntervention(r: ListedRow): Intervention {
  return {
    id: r.id,
    organisation: { id: r.organisation_id, label: fullLabel(r.org_name, r.org_acronym) },
    role: r.role,
    donor: r.donor_name ? fullLabel(r.donor_name, r.donor_acronym) : r.donor_label,
    sector: r.sector !== null && SECTOR_SET.has(r.sector) ? (r.sector as Sector) : null,
    activity: r.activity,
    targetGroup: r.target_group,
    territory: r.territory_id ? { id: r.territory_id, label: r.territory_name ?? r.territory_id } : null,
    placeLabel: r.place_label,
    status: r.status,
    startDate: r.start_date,
    endDate: r.end_date,
    targeted: { women: r.targeted_women, men: r.targeted_men, total: r.targeted_total },
    reached: { women: r.reached_women, men: r.reached_men, total: r.reached_total },
    budget: r.budget,
    currency: r.currency,
    reportedOn: r.reported_on,
    source: { batchId: r.batch_id, file: r.source_file, sheet: r.source_sheet, row: r.source_row },
  };
}

/** Interventions matching the filters, most recent start first, one page at a time, with the total. */
export async function listInterventions(
  db: Db,
  input: ListInput,
): Promise<{ total: number; rows: Intervention[] }> {
  const condition = await listCondition(db, input);
  const [count, page] = await Promise.all([
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM interventions AS i WHERE ${condition}`.execute(db),
    sql<ListedRow>`
      SELECT i.*, o.name AS org_name, o.acronym AS org_acronym, d.name AS donor_name,
        d.acronym AS donor_acronym, t.name AS territory_name
      FROM interventions AS i
      JOIN organisations AS o ON o.id = i.organisation_id
      LEFT JOIN organisations AS d ON d.id = i.donor_organisation_id
      LEFT JOIN territories AS t ON t.id = i.territory_id
      WHERE ${condition}
      ORDER BY i.start_date IS NULL, i.start_date DESC, o.name, i.activity, i.id
      LIMIT ${input.limit} OFFSET ${input.offset}`.execute(db),
  ]);
  return { total: count.rows[0]?.n ?? 0, rows: page.rows.map(toIntervention) };
}
