import { uuidv7 } from '../../../../shared/domain/ids';
import { foldForSearch } from '../../../../shared/domain/text';
import type { Batch } from '../../../../shared/rpc/partners';
import { nowIso } from '../../clock';
import type { BackendContext } from '../../context';
import { AppError } from '../../errors';
import { parseJson } from '../../json';
import { createBackup } from '../backups/service';
import { undoFollowUpBatchSync } from '../followupImport/undo';
import { INTERVENTION_COLUMNS, restoreInterventionSql } from './commit';
import { batchById } from './history';

// Undoing an import as a whole, in one transaction, from what the batch recorded doing
// (import_changes, read backwards): interventions it created are deleted, those it updated get
// their before-state back, the aliases and synonyms it learnt are removed, organisations it
// created are deleted unless something now refers to them (then they are kept, and the
// history says so), and the batch is marked undone. A batch whose interventions a later batch
// updated cannot be undone before that later one: its before-state would be stale.

interface ChangeRow {
  seq: number;
  entity: string;
  entity_id: string;
  action: 'create' | 'update';
  before: string | null;
}

function formatAt(iso: string): string {
  const [date = '', time = ''] = iso.split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} à ${time.slice(0, 5)}`;
}

function removeAlias(current: string, alias: string): string | null {
  const list = parseJson<string[]>(current, []);
  const folded = foldForSearch(alias);
  const next = list.filter((a) => foldForSearch(a) !== folded);
  return next.length === list.length ? null : JSON.stringify(next);
}

export async function undoImport(ctx: BackendContext, batchId: string): Promise<Batch> {
  const actor = await ctx.actor();
  await batchById(ctx, batchId);
  await createBackup(ctx, 'before-undo');
  const db = ctx.sqlite;
  // Organisations kept because something refers to them now (said in their history).
  const kept: string[] = [];

  db.transaction(() => {
    const row = db
      .prepare('SELECT kind, file_name, created_at, undone_at, undone_by FROM import_batches WHERE id = ?')
      .get(batchId) as
      | {
          kind: string;
          file_name: string;
          created_at: string;
          undone_at: string | null;
          undone_by: string | null;
        }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Cet import est introuvable dans l’historique.');
    if (row.undone_at) {
      throw new AppError(
        'INVALID_TRANSITION',
        `L’import de « ${row.file_name} » a déjà été annulé le ${formatAt(row.undone_at)}` +
          `${row.undone_by ? ` par ${row.undone_by}` : ''}.`,
      );
    }
    if (row.kind === 'follow_up') {
      // A returned follow-up matrix: its recommendation updates are removed and each
      // recommendation gets back its state (unless something newer has changed it since).
      const at = nowIso();
      undoFollowUpBatchSync(db, batchId, actor);
      db.prepare('UPDATE import_batches SET undone_at = ?, undone_by = ?, updated_at = ? WHERE id = ?').run(
        at,
        actor,
        at,
        batchId,
      );
      return;
    }
    const later = db
      .prepare(
        `SELECT b.id, b.file_name, b.created_at FROM import_changes c
           JOIN import_batches b ON b.id = c.batch_id
          WHERE c.entity = 'intervention' AND b.undone_at IS NULL AND b.id <> ?
            AND (b.created_at > ? OR (b.created_at = ? AND b.id > ?))
            AND c.entity_id IN (SELECT entity_id FROM import_changes WHERE batch_id = ? AND entity = 'intervention')
          ORDER BY b.created_at DESC LIMIT 1`,
      )
      .get(batchId, row.created_at, row.created_at, batchId, batchId) as
      | { id: string; file_name: string; created_at: string }
      | undefined;
    if (later) {
      throw new AppError(
        'CONFLICT',
        `L’import de « ${later.file_name} » du ${formatAt(later.created_at)} a modifié des interventions de cet import : ` +
          'annulez-le d’abord.',
        { laterBatchId: later.id },
      );
    }

    const changes = db
      .prepare(
        'SELECT seq, entity, entity_id, action, before FROM import_changes WHERE batch_id = ? ORDER BY seq DESC',
      )
      .all(batchId) as ChangeRow[];
    const at = nowIso();
    const deleteIntervention = db.prepare('DELETE FROM interventions WHERE id = ?');
    const restoreIntervention = db.prepare(restoreInterventionSql);
    const selectAliases = {
      organisation: db.prepare('SELECT aliases FROM organisations WHERE id = ?'),
      territory: db.prepare('SELECT aliases FROM territories WHERE id = ?'),
    };
    const updateAliases = {
      organisation: db.prepare('UPDATE organisations SET aliases = ?, updated_at = ? WHERE id = ?'),
      territory: db.prepare('UPDATE territories SET aliases = ?, updated_at = ? WHERE id = ?'),
    };
    const insertHistory = db.prepare(
      'INSERT INTO history (id, entity_type, entity_id, action, actor, at, changes, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const touched = new Set<string>();
    for (const c of changes) {
      if (c.entity === 'intervention') {
        const organisation = db
          .prepare('SELECT organisation_id FROM interventions WHERE id = ?')
          .pluck()
          .get(c.entity_id);
        if (typeof organisation === 'string') touched.add(organisation);
        if (c.action === 'create') deleteIntervention.run(c.entity_id);
        else {
          const before = parseJson<Record<string, unknown> | null>(c.before, null);
          if (!before) continue;
          const values: Record<string, unknown> = {};
          for (const column of INTERVENTION_COLUMNS) values[column] = before[column] ?? null;
          restoreIntervention.run(values);
        }
      } else if (c.entity === 'organisation_alias' || c.entity === 'territory_alias') {
        const entity = c.entity === 'organisation_alias' ? 'organisation' : 'territory';
        const alias = parseJson<{ alias?: string }>(c.before, {}).alias;
        if (!alias) continue;
        const current = selectAliases[entity].get(c.entity_id) as { aliases: string } | undefined;
        if (!current) continue;
        const next = removeAlias(current.aliases, alias);
        if (next !== null) updateAliases[entity].run(next, at, c.entity_id);
      } else if (c.entity === 'synonym') {
        const s = parseJson<{ kind?: string; term?: string; value?: string }>(c.before, {});
        if (s.kind && s.term && s.value) {
          db.prepare('DELETE FROM synonyms WHERE kind = ? AND term = ? AND value = ?').run(
            s.kind,
            s.term,
            s.value,
          );
        }
      } else if (c.entity === 'organisation' && c.action === 'create') {
        touched.delete(c.entity_id);
        const org = db.prepare('SELECT name, acronym FROM organisations WHERE id = ?').get(c.entity_id) as
          | { name: string; acronym: string | null }
          | undefined;
        if (!org) continue;
        const label = org.acronym ? `${org.name} (${org.acronym})` : org.name;
        // The batch itself may name it as its partner: released first, put back if it stays.
        db.prepare(
          'UPDATE import_batches SET organisation_id = NULL WHERE id = ? AND organisation_id = ?',
        ).run(batchId, c.entity_id);
        try {
          db.prepare('DELETE FROM organisations WHERE id = ?').run(c.entity_id);
          insertHistory.run(
            uuidv7(),
            'organisation',
            c.entity_id,
            'trash',
            actor,
            at,
            '{}',
            `${label} — supprimée par l’annulation de l’import de « ${row.file_name} »`,
          );
        } catch (error) {
          if (!(error instanceof Error && /FOREIGN KEY/i.test(error.message))) throw error;
          kept.push(label);
          insertHistory.run(
            uuidv7(),
            'organisation',
            c.entity_id,
            'update',
            actor,
            at,
            '{}',
            `${label} — créée par l’import de « ${row.file_name} », conservée à son annulation car elle est ` +
              'désormais utilisée ailleurs',
          );
        }
      }
    }
    for (const organisationId of touched) {
      const exists = db.prepare('SELECT 1 FROM organisations WHERE id = ?').get(organisationId);
      if (!exists) continue;
      insertHistory.run(
        uuidv7(),
        'organisation',
        organisationId,
        'update',
        actor,
        at,
        JSON.stringify({ importBatch: [batchId, null] }),
        `Import 3W de « ${row.file_name} » annulé`,
      );
    }
    db.prepare('UPDATE import_batches SET undone_at = ?, undone_by = ?, updated_at = ? WHERE id = ?').run(
      at,
      actor,
      at,
      batchId,
    );
  })();

  return batchById(ctx, batchId);
}
