import { uuidv7 } from '../../../../shared/domain/ids';
import type { HistoryAction } from '../../../../shared/rpc/common';
import type { EntityType } from '../../../../shared/rpc/history';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { parseJson } from '../../json';

export type Changes = Record<string, [unknown, unknown]>;

export interface HistoryRecord {
  entityType: EntityType;
  entityId: string;
  action: HistoryAction;
  actor: string;
  changes?: Changes;
  summary?: string | null;
}

/** Appends one entry; call it inside the transaction that makes the change. */
export async function recordHistory(trx: Db, record: HistoryRecord): Promise<void> {
  await trx
    .insertInto('history')
    .values({
      id: uuidv7(),
      entity_type: record.entityType,
      entity_id: record.entityId,
      action: record.action,
      actor: record.actor,
      at: nowIso(),
      changes: JSON.stringify(record.changes ?? {}),
      summary: record.summary ?? null,
    })
    .execute();
}

/**
 * Field-by-field difference between two versions of a record, ignoring bookkeeping columns.
 * Arrays and objects are compared by their JSON text.
 */
export function diffRecords(before: object, after: object, ignore: readonly string[] = []): Changes {
  const skip = new Set(['createdAt', 'updatedAt', 'deletedAt', ...ignore]);
  const changes: Changes = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (skip.has(key)) continue;
    if (JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
      changes[key] = [b[key] ?? null, a[key] ?? null];
  }
  return changes;
}

export async function listHistory(db: Db, entityType: EntityType, entityId: string) {
  const rows = await db
    .selectFrom('history')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    entityType: r.entity_type as EntityType,
    entityId: r.entity_id,
    action: r.action as HistoryAction,
    actor: r.actor,
    at: r.at,
    changes: parseJson<Changes>(r.changes, {}),
    summary: r.summary,
  }));
}
