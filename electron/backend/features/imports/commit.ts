import { uuidv7 } from '../../../../shared/domain/ids';
import { foldForSearch } from '../../../../shared/domain/text';
import type { Batch } from '../../../../shared/rpc/partners';
import { nowIso } from '../../clock';
import type { BackendContext } from '../../context';
import { parseJson } from '../../json';
import { createBackup } from '../backups/service';
import { batchById } from './history';
import { startImportJob } from './jobs';
import { buildPlan, progressFor, takeCachedPlan } from './preview';
import { naturalKey, type Plan, type PreviewInput, type RowReason } from './resolve';

// The import: the plan of the preview just made is reused when the inputs are the same and
// nothing was written since; otherwise it is made again from the cached parse. Then it is written in ONE synchronous better-sqlite3 transaction with prepared
// statements — the batch, the organisations the user chose to create, the aliases and
// synonyms learnt from the decisions, the interventions created and updated, and one
// import_changes row per change (with the before-state of every update) so that the batch can
// be undone exactly. Either everything is written or nothing. Cancelling is possible until the
// writing starts; the writing itself takes well under a second and is not interrupted.

/** Rejected rows kept with the batch (their reasons); the counts always hold the full figure. */
const MAX_REJECTED_KEPT = 10_000;

export const INTERVENTION_COLUMNS = [
  'id',
  'organisation_id',
  'role',
  'donor_organisation_id',
  'donor_label',
  'sector',
  'domain',
  'activity',
  'target_group',
  'territory_id',
  'adm1_id',
  'adm2_id',
  'place_label',
  'status',
  'start_date',
  'end_date',
  'targeted_women',
  'targeted_men',
  'targeted_total',
  'reached_women',
  'reached_men',
  'reached_total',
  'budget',
  'currency',
  'contact',
  'reported_on',
  'natural_key',
  'batch_id',
  'source_file',
  'source_sheet',
  'source_row',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;

/**
 * The numbers coverage groups on (migration 0006), written with the row: a trigger would fill
 * them in too, but with a second write of every row.
 */
const NUMBERS = {
  adm1_num: '(SELECT num FROM entity_numbers WHERE id = @adm1_id)',
  adm2_num: '(SELECT num FROM entity_numbers WHERE id = @adm2_id)',
  organisation_num: '(SELECT num FROM entity_numbers WHERE id = @organisation_id)',
};

const insertInterventionSql = `INSERT INTO interventions (${[...INTERVENTION_COLUMNS, ...Object.keys(NUMBERS)].join(', ')})
  VALUES (${[...INTERVENTION_COLUMNS.map((c) => `@${c}`), ...Object.values(NUMBERS)].join(', ')})`;
/** Also used by undo to put a row back as it was. */
export const restoreInterventionSql = `UPDATE interventions SET ${[
  ...INTERVENTION_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = @${c}`),
  ...Object.entries(NUMBERS).map(([column, value]) => `${column} = ${value}`),
].join(', ')} WHERE id = @id`;

function addAlias(current: string, alias: string): string | null {
  const list = parseJson<string[]>(current, []);
  const folded = foldForSearch(alias);
  if (list.some((a) => foldForSearch(a) === folded)) return null;
  return JSON.stringify([...list, alias]);
}

/** Writes the plan; returns the batch id. Synchronous: called inside nothing else. */
function writePlan(ctx: BackendContext, plan: Plan, actor: string): string {
  const db = ctx.sqlite;
  const { understood } = plan;
  const at = nowIso();
  const batchId = uuidv7();
  const staged = understood.staged;

  const insertChange = db.prepare(
    'INSERT INTO import_changes (batch_id, seq, entity, entity_id, action, before) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let seq = 0;
  const change = (entity: string, id: string, action: 'create' | 'update', before: unknown) => {
    seq++;
    insertChange.run(batchId, seq, entity, id, action, before === null ? null : JSON.stringify(before));
  };
  const insertHistory = db.prepare(
    'INSERT INTO history (id, entity_type, entity_id, action, actor, at, changes, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );

  const imported = plan.candidates.filter((c) => c.outcome === 'create' || c.outcome === 'update');
  const organisationIds = new Set(imported.map((c) => c.values?.organisation_id ?? ''));
  const single =
    organisationIds.size === 1 && !organisationIds.has('') && plan.newOrganisations.length === 0
      ? ([...organisationIds][0] ?? null)
      : null;
  const rejected: RowReason[] = [];
  for (const c of plan.candidates) {
    if (c.outcome !== 'reject') continue;
    for (const r of c.reasons) {
      if (rejected.length >= MAX_REJECTED_KEPT) break;
      rejected.push(r);
    }
  }

  db.prepare(
    `INSERT INTO import_batches (id, kind, file_name, sha256, source, staged_path, sheet, header_rows, mapping,
       layout_signature, counts, rejected, organisation_id, actor, undone_at, undone_by, created_at, updated_at)
     VALUES (?, '3w', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
  ).run(
    batchId,
    staged.fileName,
    staged.sha256,
    staged.source,
    staged.path,
    understood.sheet.name,
    understood.layout.headerRows,
    JSON.stringify(understood.mapping),
    understood.signature,
    JSON.stringify(plan.counts),
    JSON.stringify(rejected),
    single,
    actor,
    at,
    at,
  );

  // Organisations the user chose to create.
  const created = new Map<string, string>();
  const insertOrganisation = db.prepare(
    `INSERT INTO organisations (id, name, acronym, aliases, kind, country_code, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const o of plan.newOrganisations) {
    const id = uuidv7();
    const folded = foldForSearch(o.value);
    const aliases =
      folded === foldForSearch(o.name) || folded === foldForSearch(o.acronym ?? '') ? [] : [o.value];
    insertOrganisation.run(id, o.name, o.acronym, JSON.stringify(aliases), o.kind, plan.countryCode, at, at);
    created.set(o.key, id);
    change('organisation', id, 'create', null);
    insertHistory.run(
      uuidv7(),
      'organisation',
      id,
      'create',
      actor,
      at,
      '{}',
      `${o.acronym ? `${o.name} (${o.acronym})` : o.name} — créée par l’import de « ${staged.fileName} »`,
    );
  }

  // Aliases learnt from the decisions: recorded with the alias itself, so that undo removes
  // exactly that alias and keeps any added since.
  const selectOrgAliases = db.prepare('SELECT aliases FROM organisations WHERE id = ?');
  const updateOrgAliases = db.prepare('UPDATE organisations SET aliases = ?, updated_at = ? WHERE id = ?');
  const selectTerritoryAliases = db.prepare('SELECT aliases FROM territories WHERE id = ?');
  const updateTerritoryAliases = db.prepare(
    'UPDATE territories SET aliases = ?, updated_at = ? WHERE id = ?',
  );
  for (const a of plan.aliases) {
    const select = a.entity === 'organisation' ? selectOrgAliases : selectTerritoryAliases;
    const update = a.entity === 'organisation' ? updateOrgAliases : updateTerritoryAliases;
    const row = select.get(a.id) as { aliases: string } | undefined;
    if (!row) continue;
    const next = addAlias(row.aliases, a.alias);
    if (next === null) continue;
    update.run(next, at, a.id);
    change(`${a.entity}_alias`, a.id, 'create', { alias: a.alias });
  }

  // Synonyms learnt from sector and status decisions (the user's list wins over the defaults).
  const insertSynonym = db.prepare(
    `INSERT INTO synonyms (kind, term, value, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, term) DO NOTHING`,
  );
  for (const s of plan.synonyms) {
    if (s.term === '') continue;
    const info = insertSynonym.run(s.kind, s.term, s.value, at, at);
    if (info.changes > 0)
      change('synonym', `${s.kind}:${s.term}`, 'create', { kind: s.kind, term: s.term, value: s.value });
  }

  // Interventions.
  const insertIntervention = db.prepare(insertInterventionSql);
  const updateIntervention = db.prepare(restoreInterventionSql);
  const touched = new Map<string, { created: number; updated: number }>();
  for (const c of imported) {
    const values = c.values;
    if (!values) continue;
    const organisationId = c.newOrganisation
      ? (created.get(c.newOrganisation) ?? '')
      : values.organisation_id;
    const provenance = {
      organisation_id: organisationId,
      natural_key: c.newOrganisation
        ? naturalKey(
            organisationId,
            values.activity,
            values.territory_id,
            values.place_label,
            values.start_date,
            values.end_date,
          )
        : values.natural_key,
      batch_id: batchId,
      source_file: staged.fileName,
      source_sheet: understood.sheet.name,
      source_row: c.rowIndex + 1,
      updated_at: at,
      deleted_at: null,
    };
    const count = touched.get(organisationId) ?? { created: 0, updated: 0 };
    touched.set(organisationId, count);
    if (c.outcome === 'create' || !c.existing) {
      const id = uuidv7();
      insertIntervention.run({ ...values, ...provenance, id, created_at: at });
      change('intervention', id, 'create', null);
      count.created++;
    } else {
      const before = c.existing;
      updateIntervention.run({ ...values, ...provenance, id: before.id, created_at: before.created_at });
      change('intervention', before.id, 'update', before);
      count.updated++;
    }
  }

  // The layout, remembered with its final mapping for the next file of the same shape.
  db.prepare(
    `INSERT INTO import_layouts (signature, kind, mapping, header_rows, hxl_row, created_at, updated_at)
     VALUES (?, '3w', ?, ?, ?, ?, ?)
     ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, header_rows = excluded.header_rows,
       hxl_row = excluded.hxl_row, updated_at = excluded.updated_at`,
  ).run(
    understood.signature,
    JSON.stringify(understood.mapping),
    understood.layout.headerRows,
    understood.layout.hxlRowIndex === null ? 0 : 1,
    at,
    at,
  );

  // History: there is no "import" entity type (shared/rpc/history.ts ENTITY_TYPES), so each
  // partner whose interventions the batch wrote gets an entry on its own page.
  for (const [organisationId, count] of touched) {
    if (organisationId === '') continue;
    const parts = [
      count.created > 0
        ? `${count.created} intervention${count.created > 1 ? 's' : ''} créée${count.created > 1 ? 's' : ''}`
        : '',
      count.updated > 0 ? `${count.updated} mise${count.updated > 1 ? 's' : ''} à jour` : '',
    ].filter((p) => p !== '');
    insertHistory.run(
      uuidv7(),
      'organisation',
      organisationId,
      'update',
      actor,
      at,
      JSON.stringify({ importBatch: [null, batchId] }),
      `Import 3W de « ${staged.fileName} » (feuille « ${understood.sheet.name} ») : ${parts.join(', ')}`,
    );
  }
  return batchId;
}

export async function commitImport(ctx: BackendContext, input: PreviewInput): Promise<Batch> {
  const actor = await ctx.actor();
  const progress = progressFor(ctx, input.jobId);
  const job = startImportJob(input.jobId);
  let batchId: string;
  try {
    const plan = takeCachedPlan(ctx, input) ?? (await buildPlan(ctx, input, job, progress));
    job.check();
    await createBackup(ctx, 'before-import');
    const total = plan.counts.create + plan.counts.update;
    progress('write', 0, total);
    batchId = ctx.sqlite.transaction(() => writePlan(ctx, plan, actor))();
    progress('write', total, total);
  } finally {
    job.end();
  }
  return batchById(ctx, batchId);
}
