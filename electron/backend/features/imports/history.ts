import type { Batch } from '../../../../shared/rpc/partners';
import type { BackendContext } from '../../context';
import type { Db } from '../../db/open';
import type { ImportBatchesTable } from '../../db/schema';
import { AppError } from '../../errors';
import { parseJson } from '../../json';

// The import history: every batch (3W matrices and follow-up matrices), newest first, with its
// file, counts, partner and who did it — and whether it was undone.

type BatchRow = Pick<
  ImportBatchesTable,
  | 'id'
  | 'kind'
  | 'created_at'
  | 'file_name'
  | 'sha256'
  | 'source'
  | 'sheet'
  | 'counts'
  | 'actor'
  | 'undone_at'
  | 'undone_by'
> & { organisation_id: string | null; org_name: string | null; org_acronym: string | null };

const COUNT_KEYS = ['create', 'update', 'unchanged', 'reject'] as const;

function toBatch(row: BatchRow): Batch {
  const stored = parseJson<Record<string, unknown>>(row.counts, {});
  const counts = { create: 0, update: 0, unchanged: 0, reject: 0 };
  for (const key of COUNT_KEYS) {
    const value = stored[key];
    if (typeof value === 'number' && Number.isInteger(value)) counts[key] = value;
  }
  return {
    id: row.id,
    kind: row.kind,
    at: row.created_at,
    fileName: row.file_name,
    sha256: row.sha256,
    source: row.source,
    sheet: row.sheet,
    counts,
    organisation:
      row.organisation_id && row.org_name
        ? {
            id: row.organisation_id,
            label: row.org_acronym ? `${row.org_name} (${row.org_acronym})` : row.org_name,
          }
        : null,
    actor: row.actor,
    undoneAt: row.undone_at,
    undoneBy: row.undone_by,
  };
}

function selectBatches(db: Db) {
  return db
    .selectFrom('import_batches as b')
    .leftJoin('organisations as o', 'o.id', 'b.organisation_id')
    .select([
      'b.id',
      'b.kind',
      'b.created_at',
      'b.file_name',
      'b.sha256',
      'b.source',
      'b.sheet',
      'b.counts',
      'b.actor',
      'b.undone_at',
      'b.undone_by',
      'b.organisation_id',
      'o.name as org_name',
      'o.acronym as org_acronym',
    ]);
}

export async function listBatches(db: Db, limit: number): Promise<Batch[]> {
  const rows = await selectBatches(db)
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toBatch);
}

export async function batchById(ctx: Pick<BackendContext, 'db'>, id: string): Promise<Batch> {
  const row = await selectBatches(ctx.db).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Cet import est introuvable dans l’historique.');
  return toBatch(row);
}
