import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { uuidv7 } from '../../../../shared/domain/ids';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import type { ImportChangesTable } from '../../db/schema';
import { parseJson } from '../../json';
import { recordHistory } from '../history/repository';
import { FOLLOW_UP_ENTITIES } from './service';

// Undo of a returned follow-up matrix, one import_changes row at a time, for the generic undo of
// imports (features/imports/undo.ts). A follow_up batch records, per applied row:
//   entity 'recommendation'        action 'update'  before = the recommendations row (JSON)
//   entity 'recommendation_update' action 'create'  the recommendation_updates row it added
// Undo deletes the added updates (table recommendation_updates) and puts back the
// recommendation's follow-up state (table recommendations: status, progress, actions_taken,
// updated_at) — unless the recommendation was followed up again after the batch (a later update
// outside it): that newer information stands and is not rolled back. Other columns (text, due
// date…) are never touched: the batch did not change them, and a later edit must survive.
// Two versions: Kysely (async, a `trx`) and better-sqlite3 (sync, inside db.transaction()).

export type ImportChange = Pick<
  Selectable<ImportChangesTable>,
  'batch_id' | 'entity' | 'entity_id' | 'action' | 'before'
>;

/** Whether this module undoes changes of `entity`. */
export function isFollowUpEntity(entity: string): boolean {
  return entity === FOLLOW_UP_ENTITIES.recommendation || entity === FOLLOW_UP_ENTITIES.recommendationUpdate;
}

interface CurrentState {
  id: string;
  status: string;
  progress: number;
  actions_taken: string | null;
}

interface Restore {
  status: string;
  progress: number;
  actions_taken: string | null;
  updated_at: string | null;
  changes: Record<string, [unknown, unknown]>;
}

/** The columns to put back from the before JSON, and what that changes (for the history). */
function restoreOf(before: string | null, row: CurrentState): Restore {
  const b = parseJson<Record<string, unknown>>(before ?? 'null', {}) ?? {};
  const status = typeof b.status === 'string' ? b.status : row.status;
  const progress = typeof b.progress === 'number' ? b.progress : row.progress;
  const actions_taken =
    typeof b.actions_taken === 'string' || b.actions_taken === null ? b.actions_taken : row.actions_taken;
  const updated_at = typeof b.updated_at === 'string' ? b.updated_at : null;
  const changes: Record<string, [unknown, unknown]> = {};
  if (row.status !== status) changes.status = [row.status, status];
  if (row.progress !== progress) changes.progress = [row.progress, progress];
  if (row.actions_taken !== actions_taken) changes.actionsTaken = [row.actions_taken, actions_taken];
  return { status, progress, actions_taken, updated_at, changes };
}

const summaryOf = (fileName: string | undefined) =>
  `Import annulé : fiche de suivi${fileName ? ` « ${fileName} »` : ''}`;

/**
 * Undoes one change of a follow_up batch in the caller's (Kysely) transaction; returns false
 * when the entity is not one of this feature's. Changes may be undone in either order. With
 * `actor`, the restored recommendation gets a history entry.
 */
export async function undoFollowUpChange(trx: Db, change: ImportChange, actor?: string): Promise<boolean> {
  if (change.entity === FOLLOW_UP_ENTITIES.recommendationUpdate && change.action === 'create') {
    await trx
      .deleteFrom('recommendation_updates')
      .where('id', '=', change.entity_id)
      .where('import_batch_id', '=', change.batch_id)
      .execute();
    return true;
  }
  if (change.entity !== FOLLOW_UP_ENTITIES.recommendation || change.action !== 'update') return false;

  const row = await trx
    .selectFrom('recommendations')
    .select(['id', 'status', 'progress', 'actions_taken'])
    .where('id', '=', change.entity_id)
    .executeTakeFirst();
  if (!row) return true;
  const batch = await trx
    .selectFrom('import_batches')
    .select(['created_at', 'file_name'])
    .where('id', '=', change.batch_id)
    .executeTakeFirst();
  const later = await trx
    .selectFrom('recommendation_updates')
    .select('id')
    .where('recommendation_id', '=', row.id)
    .where('created_at', '>', batch?.created_at ?? '')
    .where((eb) => eb.or([eb('import_batch_id', 'is', null), eb('import_batch_id', '!=', change.batch_id)]))
    .executeTakeFirst();
  if (later) return true;

  const restore = restoreOf(change.before, row);
  await trx
    .updateTable('recommendations')
    .set({
      status: restore.status,
      progress: restore.progress,
      actions_taken: restore.actions_taken,
      ...(restore.updated_at !== null ? { updated_at: restore.updated_at } : {}),
    })
    .where('id', '=', row.id)
    .execute();
  if (actor !== undefined && Object.keys(restore.changes).length > 0) {
    await recordHistory(trx, {
      entityType: 'recommendation',
      entityId: row.id,
      action: 'status',
      actor,
      changes: restore.changes,
      summary: summaryOf(batch?.file_name),
    });
  }
  return true;
}

/** The same, synchronously, for a better-sqlite3 transaction (features/imports/undo.ts). */
export function undoFollowUpChangeSync(
  sqlite: BetterSqlite3.Database,
  change: ImportChange,
  actor?: string,
): boolean {
  if (change.entity === FOLLOW_UP_ENTITIES.recommendationUpdate && change.action === 'create') {
    sqlite
      .prepare('DELETE FROM recommendation_updates WHERE id = ? AND import_batch_id = ?')
      .run(change.entity_id, change.batch_id);
    return true;
  }
  if (change.entity !== FOLLOW_UP_ENTITIES.recommendation || change.action !== 'update') return false;

  const row = sqlite
    .prepare('SELECT id, status, progress, actions_taken FROM recommendations WHERE id = ?')
    .get(change.entity_id) as CurrentState | undefined;
  if (!row) return true;
  const batch = sqlite
    .prepare('SELECT created_at, file_name FROM import_batches WHERE id = ?')
    .get(change.batch_id) as { created_at: string; file_name: string } | undefined;
  const later = sqlite
    .prepare(
      `SELECT 1 FROM recommendation_updates
        WHERE recommendation_id = ? AND created_at > ?
          AND (import_batch_id IS NULL OR import_batch_id <> ?) LIMIT 1`,
    )
    .get(row.id, batch?.created_at ?? '', change.batch_id);
  if (later) return true;

  const restore = restoreOf(change.before, row);
  sqlite
    .prepare(
      'UPDATE recommendations SET status = ?, progress = ?, actions_taken = ?, updated_at = COALESCE(?, updated_at) WHERE id = ?',
    )
    .run(restore.status, restore.progress, restore.actions_taken, restore.updated_at, row.id);
  if (actor !== undefined && Object.keys(restore.changes).length > 0) {
    sqlite
      .prepare(
        'INSERT INTO history (id, entity_type, entity_id, action, actor, at, changes, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        uuidv7(),
        'recommendation',
        row.id,
        'status',
        actor,
        nowIso(),
        JSON.stringify(restore.changes),
        summaryOf(batch?.file_name),
      );
  }
  return true;
}

/**
 * Every change of a follow_up batch, newest first, in the caller's better-sqlite3 transaction.
 * Does not mark the batch undone (the generic undo does, with its checks).
 */
export function undoFollowUpBatchSync(sqlite: BetterSqlite3.Database, batchId: string, actor?: string): void {
  const changes = sqlite
    .prepare(
      'SELECT batch_id, entity, entity_id, action, before FROM import_changes WHERE batch_id = ? ORDER BY seq DESC',
    )
    .all(batchId) as ImportChange[];
  for (const change of changes) undoFollowUpChangeSync(sqlite, change, actor);
}
