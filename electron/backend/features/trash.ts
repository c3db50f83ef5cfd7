import type { Selectable } from 'kysely';
import type { EntityType } from '../../../shared/rpc/history';
import { nowIso } from '../clock';
import type { Db } from '../db/open';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { recordHistory } from './history/repository';

/** Tables whose rows go to the trash: deleted_at set, cleared again on restore. */
export type TrashableTable = {
  [T in keyof Database]: Database[T] extends { deleted_at: string | null; updated_at: string } ? T : never;
}[keyof Database];

/** A row of such a table (the intersection spells out what a generic table type hides). */
type TrashableRow<T extends TrashableTable> = Selectable<Database[T]> & { deleted_at: string | null };

/** How one kind of record goes to the trash and back. */
export interface TrashSpec<T extends TrashableTable, Out> {
  table: T;
  entityType: EntityType;
  /** Loads the row, trashed or not, or throws NOT_FOUND. */
  load: (trx: Db, id: string) => Promise<TrashableRow<T>>;
  toOutput: (row: TrashableRow<T>) => Out;
  /** The history entry's summary: the record's name as users know it. */
  summary: (row: TrashableRow<T>) => string;
  /** French refusals: trashing what is already in the trash, restoring what is not. */
  alreadyTrashed: string;
  notTrashed: string;
}

/**
 * Moves a record to the trash (trashed = true) or restores it, records the history entry and
 * returns the record as it now stands. Doing it twice is refused rather than ignored, so that the
 * trash date stays the first one.
 */
export async function setTrashed<T extends TrashableTable, Out>(
  trx: Db,
  spec: TrashSpec<T, Out>,
  id: string,
  trashed: boolean,
  actor: string,
): Promise<Out> {
  const row = await spec.load(trx, id);
  if ((row.deleted_at !== null) === trashed) {
    throw new AppError('INVALID_TRANSITION', trashed ? spec.alreadyTrashed : spec.notTrashed);
  }
  const at = nowIso();
  const table: TrashableTable = spec.table;
  await trx
    .updateTable(table)
    .set({ deleted_at: trashed ? at : null, updated_at: at })
    .where('id', '=', id)
    .execute();
  await recordHistory(trx, {
    entityType: spec.entityType,
    entityId: id,
    action: trashed ? 'trash' : 'restore',
    actor,
    summary: spec.summary(row),
  });
  return spec.toOutput(await spec.load(trx, id));
}

/** A trashed record must be restored before it is changed. */
export function refuseIfTrashed(row: { deleted_at: string | null }, message: string): void {
  if (row.deleted_at !== null) throw new AppError('INVALID_TRANSITION', message);
}
