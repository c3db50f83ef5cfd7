import { type RawBuilder, sql } from 'kysely';
import {
  CLOSING_STATUSES,
  emptyByStatus,
  type ImplementationRate,
  isOpenStatus,
} from '../../../../shared/domain/recommendationStatus';
import { compareFr, foldForSearch } from '../../../../shared/domain/text';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../../../../shared/domain/vocabularies';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { Ref } from '../../../../shared/rpc/common';
import type { Db } from '../../db/open';
import { localToday } from '../meetings/repository';
import {
  bodyRefs,
  organisationRefs,
  type RegisterRow,
  type RegisterSqlRow,
  registerSelect,
  toRegisterRow,
} from './repository';

export type RegisterFilter = ParsedInputOf<'recommendations.rate'>;
type ListInput = ParsedInputOf<'recommendations.list'>;
type Dashboard = OutputOf<'recommendations.dashboard'>;

const CLOSED = sql.join(CLOSING_STATUSES.map((s) => sql.lit(s)));

/**
 * Turns what the user typed into an FTS5 query over the register: accents and case folded, a
 * plural's final s or x dropped from words longer than three letters, every word a prefix
 * ("recommandations" → "recommandation"*, which finds both forms). Quotes keep user text from
 * being read as FTS syntax. Null when nothing searchable was typed.
 */
export function toRegisterFtsQuery(text: string): string | null {
  const words = foldForSearch(text)
    .split(' ')
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => w.length > 0)
    .map((w) => (w.length > 3 && /[a-z][sx]$/.test(w) ? w.slice(0, -1) : w));
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** The theme as one phrase in the theme column, its last word a prefix: contains, folded. */
function themeFtsQuery(theme: string): string | null {
  const phrase = foldForSearch(theme).replace(/"/g, '').trim();
  return phrase === '' ? null : `theme : "${phrase}"*`;
}

/**
 * The WHERE conditions of a register filter, on `recommendations` columns only, so that the
 * rows query (with its joins) and the count query share them exactly. Null: nothing can match.
 *
 * Choices: empty lists and `overdue: false` mean "no restriction" (what an emptied multi-select
 * or a switched-off toggle sends). Recommendations of a trashed body are hidden with it. The
 * full-text index only holds live recommendations, so in the trash text and theme fall back
 * to a plain (accent-sensitive) LIKE.
 */
export function filterConditions(filter: RegisterFilter, today: string): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.trashed) {
    conditions.push(sql<boolean>`recommendations.deleted_at IS NOT NULL`);
  } else {
    conditions.push(sql<boolean>`recommendations.deleted_at IS NULL`);
    conditions.push(
      sql<boolean>`recommendations.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)`,
    );
  }
  if (filter.bodyIds && filter.bodyIds.length > 0) {
    conditions.push(sql<boolean>`recommendations.body_id IN (${sql.join(filter.bodyIds)})`);
  }
  if (filter.statuses && filter.statuses.length > 0) {
    conditions.push(sql<boolean>`recommendations.status IN (${sql.join(filter.statuses)})`);
  }
  if (filter.organisationId) {
    const org = filter.organisationId;
    conditions.push(
      sql<boolean>`(recommendations.lead_organisation_id = ${org} OR recommendations.id IN (
        SELECT recommendation_id FROM recommendation_associates WHERE organisation_id = ${org}))`,
    );
  }
  if (filter.territoryId) {
    conditions.push(
      sql<boolean>`recommendations.target_territory_id IN (
        WITH RECURSIVE below(id) AS (
          SELECT ${filter.territoryId}
          UNION
          SELECT territories.id FROM territories JOIN below ON territories.parent_id = below.id
        )
        SELECT id FROM below)`,
    );
  }
  if (filter.dueFrom) conditions.push(sql<boolean>`recommendations.due_date >= ${filter.dueFrom}`);
  if (filter.dueTo) conditions.push(sql<boolean>`recommendations.due_date <= ${filter.dueTo}`);
  if (filter.overdue) {
    conditions.push(
      sql<boolean>`(recommendations.due_date < ${today} AND recommendations.status NOT IN (${CLOSED}))`,
    );
  }
  const theme = filter.theme?.trim() ?? '';
  if (theme !== '') {
    if (filter.trashed) {
      conditions.push(sql<boolean>`recommendations.theme LIKE ${`%${theme}%`}`);
    } else {
      const match = themeFtsQuery(theme);
      conditions.push(
        match === null
          ? sql<boolean>`0`
          : sql<boolean>`recommendations.id IN (
          SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ${match})`,
      );
    }
  }
  const text = filter.text?.trim() ?? '';
  if (text !== '') {
    if (filter.trashed) {
      for (const word of text.split(/\s+/)) {
        const like = `%${word}%`;
        conditions.push(
          sql<boolean>`(recommendations.text LIKE ${like} OR recommendations.reference LIKE ${like}
            OR recommendations.theme LIKE ${like} OR recommendations.actions_taken LIKE ${like})`,
        );
      }
    } else {
      const match = toRegisterFtsQuery(text);
      if (match !== null) {
        conditions.push(
          sql<boolean>`recommendations.id IN (
            SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ${match})`,
        );
      }
    }
  }
  return conditions;
}

// Workflow order, for sorting by status.
const STATUS_ORDER = sql.raw(
  `CASE recommendations.status ${RECOMMENDATION_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`,
);

function orderBy(sort: ListInput['sort'], direction: ListInput['direction']): RawBuilder<unknown> {
  const dir = sql.raw(direction === 'desc' ? 'DESC' : 'ASC');
  // The reference makes every order total, so that paging never repeats or skips a row.
  switch (sort) {
    case 'reference':
      return sql`recommendations.reference ${dir}`;
    case 'due_date':
      // "Sans échéance" last, whichever the direction.
      return sql`recommendations.due_date IS NULL, recommendations.due_date ${dir}, recommendations.reference`;
    case 'status':
      return sql`${STATUS_ORDER} ${dir}, recommendations.reference`;
    case 'body':
      return sql`coalesce(bodies.acronym, bodies.name) COLLATE NOCASE ${dir}, recommendations.reference`;
    case 'updated':
      return sql`recommendations.updated_at ${dir}, recommendations.reference`;
  }
}

// The register row's columns, for the raw queries below (same names as registerSelect).
const ROW_COLUMNS = sql.raw(`recommendations.id, recommendations.body_id, bodies.name AS body_name,
  bodies.acronym AS body_acronym, recommendations.reference, recommendations.kind, recommendations.text,
  recommendations.theme, recommendations.lead_organisation_id, organisations.name AS organisation_name,
  organisations.acronym AS organisation_acronym, recommendations.due_date, recommendations.priority,
  recommendations.status, recommendations.progress, recommendations.is_demo`);

/** Only the text is filtered: the total can be read off the full-text index. */
function textOnly(filter: RegisterFilter): boolean {
  return (
    !filter.trashed &&
    (filter.text?.trim() ?? '') !== '' &&
    (filter.bodyIds ?? []).length === 0 &&
    (filter.statuses ?? []).length === 0 &&
    !filter.organisationId &&
    !filter.territoryId &&
    (filter.theme?.trim() ?? '') === '' &&
    !filter.dueFrom &&
    !filter.dueTo &&
    !filter.overdue
  );
}

/**
 * The register: one query for the page of rows and one for the total, on the same conditions.
 * The page is chosen on the recommendations alone (ids in order, LIMIT/OFFSET), and only its
 * rows are then joined to their body and lead organisation: sorting 100,000 bare ids is cheap,
 * sorting 100,000 joined rows with their text is not.
 */
export async function listRegister(
  db: Db,
  input: ListInput,
  today = localToday(),
): Promise<{ total: number; rows: RegisterRow[] }> {
  const conditions = filterConditions(input, today);
  const where = conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`1`;
  const order = orderBy(input.sort, input.direction);
  const match = textOnly(input) ? toRegisterFtsQuery(input.text ?? '') : null;
  // The full-text index holds exactly the live recommendations (its triggers see to it) with
  // their reference: a plain search sorted by reference picks its page, and counts its total,
  // from the index alone, leaving out matches in trashed bodies (usually none).
  const inTrashedBodies = sql`SELECT recommendations.id FROM bodies CROSS JOIN recommendations
    WHERE bodies.deleted_at IS NOT NULL AND recommendations.body_id = bodies.id
      AND recommendations.deleted_at IS NULL`;
  let page: RawBuilder<unknown>;
  if (match !== null && input.sort === 'reference') {
    page = sql`SELECT ref_id AS id FROM recommendations_fts
      WHERE recommendations_fts MATCH ${match} AND ref_id NOT IN (${inTrashedBodies})
      ORDER BY reference ${sql.raw(input.direction === 'desc' ? 'DESC' : 'ASC')}
      LIMIT ${input.limit} OFFSET ${input.offset}`;
  } else {
    // Sorting by body needs its name while choosing the page.
    const pageJoin =
      input.sort === 'body' ? sql`JOIN bodies ON bodies.id = recommendations.body_id` : sql.raw('');
    page = sql`SELECT recommendations.id AS id FROM recommendations ${pageJoin}
      WHERE ${where} ORDER BY ${order} LIMIT ${input.limit} OFFSET ${input.offset}`;
  }
  const rowsQuery = sql<RegisterSqlRow>`
    WITH page AS MATERIALIZED (${page})
    SELECT ${ROW_COLUMNS} FROM page
      JOIN recommendations ON recommendations.id = page.id
      JOIN bodies ON bodies.id = recommendations.body_id
      LEFT JOIN organisations ON organisations.id = recommendations.lead_organisation_id
    ORDER BY ${order}`;
  const countQuery =
    match !== null
      ? sql<{ n: number }>`SELECT
          (SELECT count(*) FROM recommendations_fts WHERE recommendations_fts MATCH ${match})
          - CASE WHEN NOT EXISTS (SELECT 1 FROM bodies WHERE deleted_at IS NOT NULL) THEN 0 ELSE (
              SELECT count(*) FROM (${inTrashedBodies}) AS hidden WHERE hidden.id IN (
                SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ${match})) END AS n`
      : sql<{ n: number }>`SELECT count(*) AS n FROM recommendations WHERE ${where}`;

  const [rows, count] = await Promise.all([rowsQuery.execute(db), countQuery.execute(db)]);
  return {
    total: Number(count.rows[0]?.n ?? 0),
    rows: rows.rows.map((r) => toRegisterRow(r, today)),
  };
}

interface StatusGroup {
  status: string;
  n: number;
  /** Due date on or before today. */
  due: number;
  /** Due date before today. */
  late: number;
}

/**
 * The implementation rate from counts per status, by the same rules as the pure
 * implementationRate(): réalisées / échues, abandoned ones outside the échues.
 */
export function rateFromGroups(groups: readonly StatusGroup[]): ImplementationRate {
  const byStatus = emptyByStatus();
  let done = 0;
  let due = 0;
  let overdue = 0;
  let open = 0;
  let total = 0;
  for (const g of groups) {
    const status = g.status as RecommendationStatus;
    const n = Number(g.n);
    if (!(status in byStatus)) continue;
    byStatus[status] += n;
    total += n;
    if (isOpenStatus(status)) {
      open += n;
      overdue += Number(g.late);
    }
    if (status !== 'abandoned') due += Number(g.due);
    if (status === 'done') done += Number(g.due);
  }
  return { done, due, rate: due === 0 ? null : done / due, overdue, open, total, byStatus };
}

const dueSum = (today: string) =>
  sql<number>`coalesce(sum(recommendations.due_date IS NOT NULL AND recommendations.due_date <= ${today}), 0)`;
const lateSum = (today: string) =>
  sql<number>`coalesce(sum(recommendations.due_date IS NOT NULL AND recommendations.due_date < ${today}), 0)`;

/** Implementation rate of the filtered register (a body, an organisation, a territory…). */
export async function rateForFilter(
  db: Db,
  filter: RegisterFilter,
  today = localToday(),
): Promise<ImplementationRate> {
  let query = db
    .selectFrom('recommendations')
    .select((eb) => [
      'recommendations.status',
      eb.fn.countAll<number>().as('n'),
      dueSum(today).as('due'),
      lateSum(today).as('late'),
    ])
    .groupBy('recommendations.status');
  for (const condition of filterConditions(filter, today)) query = query.where(condition);
  return rateFromGroups(await query.execute());
}

/**
 * The follow-up figures of the home page. Every figure covers live recommendations of live
 * bodies; "changes since the last session" counts the updates dated on or after the start of
 * the body's last held (or closed) session — all of them when it never met.
 *
 * All of it comes from ONE pass over the register, grouped by body and status (in the order of
 * their index, so without sorting 100,000 rows):
 * - counts, échues and late items per group give the rates and the counts by status;
 * - the lead organisations of the late items of each group are gathered (group_concat: ids are
 *   UUIDs, '-' for none) and counted here, rather than in a second scan grouped by organisation;
 * - changes only look up the updates of the recommendations touched since the earliest of the
 *   bodies' last sessions: updated_at moves with every update, and an update is recorded on or
 *   after its date, so an item untouched since then has none dated after it. The day of margin
 *   covers the time zone (updated_at is UTC, dates are local). Bodies that never met count all
 *   their updates.
 */
export async function dashboard(db: Db, today = localToday()): Promise<Dashboard> {
  const lastSessions = sql`last AS MATERIALIZED (
    SELECT body_id, max(start_date) AS since FROM meetings
    WHERE status IN ('held', 'closed') AND deleted_at IS NULL AND start_date <= ${today}
    GROUP BY body_id)`;
  const groups = (
    await sql<StatusGroup & { body_id: string; late_leads: string | null; changes: number }>`
      WITH ${lastSessions}
      SELECT recommendations.body_id AS body_id, recommendations.status AS status, count(*) AS n,
        ${dueSum(today)} AS due, ${lateSum(today)} AS late,
        group_concat(coalesce(recommendations.lead_organisation_id, '-'), ',') FILTER (
          WHERE recommendations.due_date < ${today} AND recommendations.status NOT IN (${CLOSED})
        ) AS late_leads,
        coalesce(sum((
          SELECT count(*) FROM recommendation_updates u
          WHERE u.recommendation_id = recommendations.id
            AND u.date >= coalesce((SELECT since FROM last WHERE last.body_id = recommendations.body_id), '')
        )) FILTER (
          WHERE recommendations.updated_at >= (SELECT date(min(since), '-1 day') FROM last)
            OR recommendations.body_id NOT IN (SELECT body_id FROM last)
        ), 0) AS changes
      FROM recommendations
      WHERE recommendations.deleted_at IS NULL
        AND recommendations.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)
      GROUP BY recommendations.body_id, recommendations.status`.execute(db)
  ).rows;
  const sessions = (
    await sql<{
      body_id: string;
      since: string;
    }>`WITH ${lastSessions} SELECT body_id, since FROM last`.execute(db)
  ).rows;

  const since = new Map(sessions.map((r) => [r.body_id, r.since]));
  const groupsByBody = new Map<string, StatusGroup[]>();
  const changesByBody = new Map<string, { since: string | null; updates: number }>();
  const lateByLead = new Map<string | null, number>();
  for (const g of groups) {
    const list = groupsByBody.get(g.body_id) ?? [];
    list.push(g);
    groupsByBody.set(g.body_id, list);
    const changes = changesByBody.get(g.body_id) ?? { since: since.get(g.body_id) ?? null, updates: 0 };
    changes.updates += Number(g.changes);
    changesByBody.set(g.body_id, changes);
    for (const lead of g.late_leads ? g.late_leads.split(',') : []) {
      const key = lead === '-' ? null : lead;
      lateByLead.set(key, (lateByLead.get(key) ?? 0) + 1);
    }
  }
  const overdueRows = [...lateByLead.entries()].map(([lead_organisation_id, n]) => ({
    lead_organisation_id,
    n,
  }));

  const bodies = await bodyRefs(db, [...groupsByBody.keys()]);
  const bodyRef = (id: string): Ref => bodies.get(id) ?? { id, label: id };
  const organisations = await organisationRefs(
    db,
    overdueRows.flatMap((r) => (r.lead_organisation_id ? [r.lead_organisation_id] : [])),
  );

  const rateByBody = [...groupsByBody.entries()]
    .map(([bodyId, list]) => ({ body: bodyRef(bodyId), rate: rateFromGroups(list) }))
    .sort((a, b) => compareFr(a.body.label, b.body.label));
  const byStatus = emptyByStatus();
  for (const { rate } of rateByBody) {
    for (const s of RECOMMENDATION_STATUSES) byStatus[s] += rate.byStatus[s];
  }
  const overdueByOrganisation = overdueRows
    .map((r) => ({
      organisation:
        r.lead_organisation_id === null
          ? null
          : (organisations.get(r.lead_organisation_id) ?? {
              id: r.lead_organisation_id,
              label: r.lead_organisation_id,
            }),
      overdue: Number(r.n),
    }))
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        (a.organisation === null
          ? 1
          : b.organisation === null
            ? -1
            : compareFr(a.organisation.label, b.organisation.label)),
    );
  const changesSinceLastSession = [...changesByBody.entries()]
    .map(([bodyId, c]) => ({ body: bodyRef(bodyId), since: c.since, updates: c.updates }))
    .sort((a, b) => compareFr(a.body.label, b.body.label));

  return { byStatus, rateByBody, overdueByOrganisation, changesSinceLastSession };
}

export type OpenRecommendation = RegisterRow & {
  /** A copy transmitted to this body by one of its sub-bodies. */
  transmitted: boolean;
};

/**
 * The open (not closed) live recommendations of a body, for the follow-up item of its next
 * session: its own first, then — with includeTransmitted — those its sub-bodies transmitted to
 * it (their copies live in this body), each group by reference.
 */
export async function openRecommendationsForBody(
  db: Db,
  bodyId: string,
  options: { includeTransmitted?: boolean; today?: string } = {},
): Promise<OpenRecommendation[]> {
  const today = options.today ?? localToday();
  let query = registerSelect(db)
    .select('recommendations.transmitted_from_id')
    .where('recommendations.body_id', '=', bodyId)
    .where('recommendations.deleted_at', 'is', null)
    .where(sql<boolean>`recommendations.status NOT IN (${CLOSED})`);
  if (!options.includeTransmitted) query = query.where('recommendations.transmitted_from_id', 'is', null);
  const rows = await query.orderBy('recommendations.reference').execute();
  return rows
    .map((r) => ({ ...toRegisterRow(r, today), transmitted: r.transmitted_from_id !== null }))
    .sort((a, b) => Number(a.transmitted) - Number(b.transmitted));
}
