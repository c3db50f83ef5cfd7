import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  FOLLOW_UP_COLUMN_INDEX,
  INSTRUCTIONS_SHEET,
} from '../../electron/backend/features/exports/spreadsheets/followUpMatrix';
import {
  isFollowUpMatrix,
  parseFollowUpStatus,
  parseProgress,
  readFollowUpRows,
} from '../../electron/backend/features/followupImport/recognise';
import { undoFollowUpChange } from '../../electron/backend/features/followupImport/undo';
import { localToday } from '../../electron/backend/features/meetings/repository';
import type { SpreadsheetData } from '../../electron/backend/spreadsheets/types';
import type { InputOf, OutputOf } from '../../shared/rpc';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const db = () => app.backend.context.db;
type Preview = OutputOf<'imports.followUpPreview'>;

// ── Data, built through the services ───────────────────────────────────────

async function seed() {
  const org = (name: string, acronym: string) =>
    app.call('organisations.create', { name, acronym, kind: 'un_agency' });
  const dpfg = await org('Direction de la Promotion de la Femme et du Genre', 'DPFG');
  const pam = await org('Programme Alimentaire Mondial', 'PAM');
  const unfpa = await org('Fonds des Nations Unies pour la Population', 'UNFPA');
  const body = await app.call('bodies.create', {
    name: 'Groupe Technique Genre et Protection Sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'BJ',
    periodicity: { kind: 'every_n_months', months: 6 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const meeting = await app.call('meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: '2024-11-25',
  });
  const make = (
    n: string,
    text: string,
    lead: string | null,
    extra: Partial<InputOf<'recommendations.create'>> = {},
  ) =>
    app.call('recommendations.create', {
      bodyId: body.id,
      reference: `GTGPS/2024/11/R${n}`,
      text,
      leadOrganisationId: lead,
      originKind: 'meeting',
      originMeetingId: meeting.id,
      ...extra,
    });
  const r1 = await make('01', 'Rendre fonctionnels les sous-groupes thématiques', pam.id);
  const r2 = await make('02', 'Élaborer le répertoire des partenaires (3W)', pam.id);
  const r3 = await make('03', 'Diffuser le rapport annuel', unfpa.id);
  const r4 = await make('04', 'Intégrer des données désagrégées', dpfg.id);
  const r5 = await make('05', 'Sans responsable désigné', null);
  return { dpfg, pam, unfpa, body, meeting, r1, r2, r3, r4, r5 };
}
type Seed = Awaited<ReturnType<typeof seed>>;

/** Exports the matrix as a user would, and reads the written file back. */
async function exportMatrix(s: Seed, layout: 'single' | 'perOrganisation') {
  const result = await app.call('exports.save', {
    items: [{ spreadsheet: { kind: 'followUpMatrix', bodyId: s.body.id, layout } }],
    destination: { kind: 'exports' },
  });
  const file = result.files[0];
  if (!file) throw new Error('no file exported');
  const bytes = readFileSync(join(result.folder, file.fileName));
  return { fileName: file.fileName, workbook: XLSX.read(bytes, { type: 'buffer', cellDates: false }) };
}

interface Fill {
  status?: string;
  progress?: number | string;
  comment?: string;
  /** ISO: written as a real date cell, as Excel's date validation makes it. */
  date?: string;
}

function excelSerial(iso: string): number {
  return Math.round(
    (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) -
      Date.UTC(1899, 11, 30)) /
      86_400_000,
  );
}

/** Fills the yellow cells of the row of `reference`, as a partner would in Excel. */
function fill(wb: XLSX.WorkBook, sheetName: string, reference: string, values: Fill): void {
  const ws = wb.Sheets[sheetName];
  if (!ws) throw new Error(`no sheet ${sheetName}`);
  const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
  const r = rows.findIndex((row) => row[FOLLOW_UP_COLUMN_INDEX.reference] === reference);
  if (r < 0) throw new Error(`no row ${reference} in ${sheetName}`);
  const set = (column: number, cell: XLSX.CellObject) => {
    ws[XLSX.utils.encode_cell({ r, c: column })] = cell;
  };
  if (values.status !== undefined) set(FOLLOW_UP_COLUMN_INDEX.newStatus, { t: 's', v: values.status });
  if (values.progress !== undefined) {
    set(
      FOLLOW_UP_COLUMN_INDEX.newProgress,
      typeof values.progress === 'number' ? { t: 'n', v: values.progress } : { t: 's', v: values.progress },
    );
  }
  if (values.comment !== undefined) set(FOLLOW_UP_COLUMN_INDEX.comment, { t: 's', v: values.comment });
  if (values.date !== undefined) {
    set(FOLLOW_UP_COLUMN_INDEX.updatedOn, { t: 'n', v: excelSerial(values.date), z: 'dd/mm/yyyy' });
  }
}

/** Adds a row below the data, as a partner typing in the spare rows would. */
function appendRow(wb: XLSX.WorkBook, sheetName: string, cells: Record<number, string>): number {
  const ws = wb.Sheets[sheetName];
  if (!ws) throw new Error(`no sheet ${sheetName}`);
  const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
  const r = rows.findIndex((row, i) => i > 0 && row.every((c) => c === ''));
  const at = r < 0 ? rows.length : r;
  for (const [c, v] of Object.entries(cells))
    ws[XLSX.utils.encode_cell({ r: at, c: Number(c) })] = { t: 's', v };
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  range.e.r = Math.max(range.e.r, at);
  ws['!ref'] = XLSX.utils.encode_range(range);
  return at + 1;
}

async function stage(wb: XLSX.WorkBook, fileName: string) {
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  return app.call('imports.stageUpload', { fileName, data: bytes.toString('base64'), source: 'email' });
}

const rowOf = (preview: Preview, reference: string) => {
  const row = preview.rows.find((r) => r.reference === reference);
  if (!row) throw new Error(`no preview row for ${reference}`);
  return row;
};

async function snapshot() {
  return {
    recommendations: await db().selectFrom('recommendations').selectAll().orderBy('id').execute(),
    updates: await db().selectFrom('recommendation_updates').selectAll().orderBy('id').execute(),
    batches: await db().selectFrom('import_batches').selectAll().execute(),
    changes: await db().selectFrom('import_changes').selectAll().execute(),
  };
}

const DAY = '2025-03-14';

// ── The exported matrix, filled and sent back ──────────────────────────────

describe('returned follow-up matrix (Concerto export)', () => {
  it('previews, then applies the filled rows as follow_up_sheet updates of one batch', async () => {
    const s = await seed();
    const { fileName, workbook } = await exportMatrix(s, 'single');
    expect(workbook.SheetNames).toEqual([INSTRUCTIONS_SHEET, 'GTGPS']);
    fill(workbook, 'GTGPS', s.r1.reference ?? '', {
      status: 'Réalisée',
      comment: 'Trois sous-groupes ont tenu leur session',
      date: DAY,
    });
    fill(workbook, 'GTGPS', s.r2.reference ?? '', {
      status: 'Réalisée',
      comment: 'Répertoire validé et diffusé',
      date: '2025-03-10',
    });
    fill(workbook, 'GTGPS', s.r3.reference ?? '', { status: 'En cours', progress: 40 });
    const staged = await stage(workbook, fileName);

    const preview = await app.call('imports.followUpPreview', { stagedId: staged.id });
    expect(preview.counts).toEqual({ apply: 3, unchanged: 2, conflict: 0, reject: 0 });
    const r1 = rowOf(preview, 'GTGPS/2024/11/R01');
    expect(r1).toMatchObject({
      sheet: 'GTGPS',
      row: 2,
      recommendationId: s.r1.id,
      text: 'Rendre fonctionnels les sous-groupes thématiques',
      current: { status: 'not_started', progress: 0 },
      proposed: {
        status: 'done',
        progress: 100,
        comment: 'Trois sous-groupes ont tenu leur session',
        date: DAY,
      },
      state: 'apply',
      reasons: [],
    });
    expect(rowOf(preview, 'GTGPS/2024/11/R02').proposed?.date).toBe('2025-03-10');
    // No date given: the day of the import.
    expect(rowOf(preview, 'GTGPS/2024/11/R03').proposed).toEqual({
      status: 'in_progress',
      progress: 40,
      comment: null,
      date: localToday(),
    });
    expect(rowOf(preview, 'GTGPS/2024/11/R04')).toMatchObject({ state: 'unchanged', proposed: null });
    // A single-layout sheet is the body's, not a partner's.
    expect(preview.organisation).toBeNull();

    const batch = await app.call('imports.followUpCommit', { stagedId: staged.id });
    expect(batch).toMatchObject({
      kind: 'follow_up',
      fileName,
      sha256: staged.sha256,
      source: 'email',
      sheet: 'GTGPS',
      counts: { create: 0, update: 3, unchanged: 2, reject: 0 },
      undoneAt: null,
    });

    const done = await app.call('recommendations.get', { id: s.r1.id });
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      actionsTaken: 'Trois sous-groupes ont tenu leur session',
    });
    expect((await app.call('recommendations.get', { id: s.r2.id })).status).toBe('done');
    expect(await app.call('recommendations.get', { id: s.r3.id })).toMatchObject({
      status: 'in_progress',
      progress: 40,
    });
    expect((await app.call('recommendations.get', { id: s.r4.id })).status).toBe('not_started');

    // The history of updates shows it, from the sheet, with the partner and the file.
    const updates = await app.call('recommendations.updates', { id: s.r1.id });
    const latest = updates.find((u) => u.source === 'follow_up_sheet');
    expect(latest).toMatchObject({
      status: 'done',
      progress: 100,
      date: DAY,
      comment: `Fiche de suivi renvoyée par PAM — ${fileName} : Trois sous-groupes ont tenu leur session`,
      actionsTaken: 'Trois sous-groupes ont tenu leur session',
    });
    const stored = await db()
      .selectFrom('recommendation_updates')
      .select(['import_batch_id', 'source'])
      .where('id', '=', latest?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ import_batch_id: batch.id, source: 'follow_up_sheet' });
    const history = await app.call('history.forEntity', { entityType: 'recommendation', entityId: s.r1.id });
    expect(history[0]).toMatchObject({ action: 'status' });

    // What the batch did, for its undo.
    const changes = await db()
      .selectFrom('import_changes')
      .selectAll()
      .where('batch_id', '=', batch.id)
      .orderBy('seq')
      .execute();
    expect(changes.map((c) => [c.entity, c.action])).toEqual([
      ['recommendation', 'update'],
      ['recommendation_update', 'create'],
      ['recommendation', 'update'],
      ['recommendation_update', 'create'],
      ['recommendation', 'update'],
      ['recommendation_update', 'create'],
    ]);
    expect(JSON.parse(changes[0]?.before ?? '{}')).toMatchObject({
      id: s.r1.id,
      status: 'not_started',
      progress: 0,
    });

    // The same file again: already recorded, nothing to apply, nothing written.
    const again = await app.call('imports.followUpPreview', { stagedId: staged.id });
    expect(again.counts).toMatchObject({ apply: 0, conflict: 0, reject: 0 });
    expect(rowOf(again, 'GTGPS/2024/11/R01').state).toBe('unchanged');
    const before = await snapshot();
    const refused = await app.fail('imports.followUpCommit', { stagedId: staged.id });
    expect(refused.code).toBe('VALIDATION');
    expect(await snapshot()).toEqual(before);

    const batches = await app.call('imports.history', {});
    expect(batches.map((b) => b.id)).toContain(batch.id);
  });

  it('per-organisation layout: the partner of the sheet is recognised and named', async () => {
    const s = await seed();
    const { fileName, workbook } = await exportMatrix(s, 'perOrganisation');
    expect(workbook.SheetNames).toEqual([INSTRUCTIONS_SHEET, 'DPFG', 'PAM', 'UNFPA', 'Sans responsable']);
    fill(workbook, 'PAM', s.r2.reference ?? '', {
      status: 'Partiellement réalisée',
      progress: '60 %',
      date: DAY,
    });
    const staged = await stage(workbook, fileName);
    const preview = await app.call('imports.followUpPreview', { stagedId: staged.id });
    expect(preview.organisation).toEqual({ id: s.pam.id, label: 'Programme Alimentaire Mondial (PAM)' });
    expect(preview.counts).toEqual({ apply: 1, unchanged: 4, conflict: 0, reject: 0 });
    expect(rowOf(preview, 'GTGPS/2024/11/R02')).toMatchObject({
      sheet: 'PAM',
      proposed: { status: 'partially_done', progress: 60, comment: null, date: DAY },
    });

    const batch = await app.call('imports.followUpCommit', { stagedId: staged.id });
    expect(batch.organisation).toEqual({ id: s.pam.id, label: 'Programme Alimentaire Mondial (PAM)' });
    expect(batch.sheet).toBe('PAM');
    const updates = await app.call('recommendations.updates', { id: s.r2.id });
    expect(updates.find((u) => u.source === 'follow_up_sheet')?.comment).toBe(
      `Fiche de suivi renvoyée par PAM — ${fileName}`,
    );
  });

  it('a recommendation changed in Concerto since the export is a conflict, applied only when overridden', async () => {
    const s = await seed();
    const { fileName, workbook } = await exportMatrix(s, 'single');
    // The secretariat records news after sending the matrix.
    await app.call('recommendations.addUpdate', {
      id: s.r3.id,
      date: DAY,
      status: 'in_progress',
      progress: 70,
    });
    fill(workbook, 'GTGPS', s.r3.reference ?? '', {
      status: 'En cours',
      progress: 40,
      comment: 'Maquette prête',
    });
    fill(workbook, 'GTGPS', s.r4.reference ?? '', { status: 'En cours', progress: 20 });
    const staged = await stage(workbook, fileName);

    const preview = await app.call('imports.followUpPreview', { stagedId: staged.id });
    expect(preview.counts).toEqual({ apply: 1, unchanged: 3, conflict: 1, reject: 0 });
    const conflict = rowOf(preview, 'GTGPS/2024/11/R03');
    expect(conflict).toMatchObject({
      state: 'conflict',
      current: { status: 'in_progress', progress: 70 },
      proposed: { status: 'in_progress', progress: 40, comment: 'Maquette prête' },
    });
    expect(conflict.reasons[0]).toMatchObject({ sheet: 'GTGPS', column: 'M' });
    expect(conflict.reasons[0]?.message).toMatch(/Modifiée dans Concerto depuis l’envoi/);

    // Not overridden: left as Concerto has it.
    const first = await app.call('imports.followUpCommit', { stagedId: staged.id });
    expect(first.counts).toEqual({ create: 0, update: 1, unchanged: 4, reject: 0 });
    expect(await app.call('recommendations.get', { id: s.r3.id })).toMatchObject({
      status: 'in_progress',
      progress: 70,
    });
    expect(await app.call('recommendations.get', { id: s.r4.id })).toMatchObject({
      status: 'in_progress',
      progress: 20,
    });

    // The user decides the partner's word wins.
    const again = await app.call('imports.followUpPreview', { stagedId: staged.id });
    expect(again.counts).toMatchObject({ apply: 0, conflict: 1 });
    const second = await app.call('imports.followUpCommit', {
      stagedId: staged.id,
      overrideConflicts: [s.r3.id],
    });
    expect(second.counts.update).toBe(1);
    expect(await app.call('recommendations.get', { id: s.r3.id })).toMatchObject({
      status: 'in_progress',
      progress: 40,
    });
  });

  it('refuses unreadable rows with sheet, row, column and value, and writes nothing for them', async () => {
    const s = await seed();
    const { fileName, workbook } = await exportMatrix(s, 'single');
    fill(workbook, 'GTGPS', s.r1.reference ?? '', { status: 'Finie ?' });
    fill(workbook, 'GTGPS', s.r2.reference ?? '', { status: 'Réalisée', date: DAY });
    fill(workbook, 'GTGPS', s.r3.reference ?? '', { progress: 140 });
    const extra = appendRow(workbook, 'GTGPS', {
      [FOLLOW_UP_COLUMN_INDEX.reference]: 'GTGPS/2024/11/R99',
      [FOLLOW_UP_COLUMN_INDEX.newStatus]: 'En cours',
    });
    const staged = await stage(workbook, fileName);

    const preview = await app.call('imports.followUpPreview', { stagedId: staged.id });
    expect(preview.counts).toEqual({ apply: 0, unchanged: 2, conflict: 0, reject: 4 });
    expect(rowOf(preview, 'GTGPS/2024/11/R01').reasons).toEqual([
      {
        sheet: 'GTGPS',
        row: 2,
        column: 'H',
        value: 'Finie ?',
        message: expect.stringMatching(
          /^Statut non reconnu : « Finie \? »\. Statuts possibles : Non démarrée, En cours, Réalisée/,
        ),
      },
    ]);
    expect(rowOf(preview, 'GTGPS/2024/11/R02').reasons).toEqual([
      expect.objectContaining({
        sheet: 'GTGPS',
        row: 3,
        column: 'J',
        value: null,
        message: expect.stringMatching(/^Pour « Réalisée », décrivez les actions menées/),
      }),
    ]);
    expect(rowOf(preview, 'GTGPS/2024/11/R03').reasons[0]).toMatchObject({
      column: 'I',
      value: '140',
      message: 'L’avancement doit être compris entre 0 et 100 %.',
    });
    expect(rowOf(preview, 'GTGPS/2024/11/R99')).toMatchObject({
      row: extra,
      recommendationId: null,
      current: null,
      state: 'reject',
      reasons: [
        {
          sheet: 'GTGPS',
          row: extra,
          column: 'A',
          value: 'GTGPS/2024/11/R99',
          message: 'Recommandation inconnue : « GTGPS/2024/11/R99 » n’existe pas dans Concerto.',
        },
      ],
    });

    const before = await snapshot();
    const refused = await app.fail('imports.followUpCommit', { stagedId: staged.id });
    expect(refused.code).toBe('VALIDATION');
    expect(await snapshot()).toEqual(before);
  });

  it('applies the good rows and leaves the refused ones, kept in the batch with their reasons', async () => {
    const s = await seed();
    const { fileName, workbook } = await exportMatrix(s, 'single');
    fill(workbook, 'GTGPS', s.r1.reference ?? '', { status: 'Réalisée' });
    fill(workbook, 'GTGPS', s.r2.reference ?? '', { status: 'Reportée', comment: 'Attente du financement' });
    const staged = await stage(workbook, fileName);
    const batch = await app.call('imports.followUpCommit', { stagedId: staged.id });
    expect(batch.counts).toMatchObject({ update: 1, reject: 1 });
    expect((await app.call('recommendations.get', { id: s.r1.id })).status).toBe('not_started');
    expect((await app.call('recommendations.get', { id: s.r2.id })).status).toBe('postponed');
    const row = await db()
      .selectFrom('import_batches')
      .select(['rejected', 'actor'])
      .where('id', '=', batch.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.rejected)).toEqual([
      expect.objectContaining({ sheet: 'GTGPS', row: 2, column: 'J' }),
    ]);
  });

  it('refuses a file that is not a follow-up matrix', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Organisation', 'Secteur', 'Activité', 'Région', 'Statut'],
      ['ACF', 'WASH', 'Forages', 'Gao', 'En cours'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '3W');
    const staged = await stage(wb, 'matrice-3w.xlsx');
    const error = await app.fail('imports.followUpPreview', { stagedId: staged.id });
    expect(error.code).toBe('IMPORT_FORMAT');
  });

  it('undoes a follow_up batch from its recorded changes: previous status back, updates gone', async () => {
    const s = await seed();
    const { fileName, workbook } = await exportMatrix(s, 'single');
    fill(workbook, 'GTGPS', s.r1.reference ?? '', { status: 'Réalisée', comment: 'Fait', date: DAY });
    fill(workbook, 'GTGPS', s.r3.reference ?? '', { status: 'En cours', progress: 40 });
    const before = await app.call('recommendations.get', { id: s.r1.id });
    const staged = await stage(workbook, fileName);
    const batch = await app.call('imports.followUpCommit', { stagedId: staged.id });
    // R03 is followed up again by hand after the import: that later word stands.
    await app.call('recommendations.addUpdate', {
      id: s.r3.id,
      date: localToday(),
      status: 'in_progress',
      progress: 55,
    });

    await db()
      .transaction()
      .execute(async (trx) => {
        const changes = await trx
          .selectFrom('import_changes')
          .selectAll()
          .where('batch_id', '=', batch.id)
          .orderBy('seq', 'desc')
          .execute();
        for (const change of changes) expect(await undoFollowUpChange(trx, change, 'Test')).toBe(true);
      });

    const after = await app.call('recommendations.get', { id: s.r1.id });
    expect(after).toMatchObject({
      status: 'not_started',
      progress: 0,
      actionsTaken: null,
      updatedAt: before.updatedAt,
    });
    expect(await app.call('recommendations.get', { id: s.r3.id })).toMatchObject({
      status: 'in_progress',
      progress: 55,
    });
    const left = await db()
      .selectFrom('recommendation_updates')
      .select('id')
      .where('import_batch_id', '=', batch.id)
      .execute();
    expect(left).toEqual([]);
    expect((await app.call('recommendations.updates', { id: s.r1.id })).map((u) => u.source)).not.toContain(
      'follow_up_sheet',
    );
  });

  it('is undone from the import history like any import: the status goes back, the batch says so', async () => {
    const s = await seed();
    const { fileName, workbook } = await exportMatrix(s, 'single');
    fill(workbook, 'GTGPS', s.r1.reference ?? '', { status: 'Réalisée', comment: 'Fait', date: DAY });
    const before = await app.call('recommendations.get', { id: s.r1.id });
    const staged = await stage(workbook, fileName);
    const batch = await app.call('imports.followUpCommit', { stagedId: staged.id });
    expect((await app.call('recommendations.get', { id: s.r1.id })).status).toBe('done');

    const undone = await app.call('imports.undo', { batchId: batch.id });
    expect(undone.undoneAt).not.toBeNull();
    expect(await app.call('recommendations.get', { id: s.r1.id })).toMatchObject({
      status: before.status,
      progress: before.progress,
    });
    expect((await app.fail('imports.undo', { batchId: batch.id })).code).toBe('INVALID_TRANSITION');
  });
});

// ── A partner's own copy ───────────────────────────────────────────────────

describe('a partner’s own copy of the matrix', () => {
  it('is recognised (title row, columns moved, no ID/Version, other spellings) and matched by reference', async () => {
    const s = await seed();
    const ws = XLSX.utils.aoa_to_sheet([
      ['Point de mise en œuvre des recommandations du GTGPS — PAM'],
      [],
      ['Commentaires', 'STATUT', 'Référence', 'Intitulé de la recommandation', 'Avancement (%)', 'Date'],
      [
        'Sessions tenues à Cotonou et Parakou',
        'REALISEE',
        'gtgps/2024/11/r01',
        'Rendre fonctionnels…',
        '',
        '14/03/2025',
      ],
      ['', 'en cours', 'GTGPS/2024/11/R02', 'Élaborer le répertoire', '35', '2025-03-12'],
      ['', 'non demarree', 'GTGPS/2024/11/R04', 'Intégrer des données', '', ''],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Feuil1');
    const staged = await stage(wb, 'suivi PAM mars 2025.xlsx');

    const preview = await app.call('imports.followUpPreview', { stagedId: staged.id });
    expect(preview.counts).toEqual({ apply: 2, unchanged: 1, conflict: 0, reject: 0 });
    expect(rowOf(preview, 'GTGPS/2024/11/R01')).toMatchObject({
      sheet: 'Feuil1',
      row: 4,
      recommendationId: s.r1.id,
      state: 'apply',
      proposed: { status: 'done', progress: 100, comment: 'Sessions tenues à Cotonou et Parakou', date: DAY },
    });
    expect(rowOf(preview, 'GTGPS/2024/11/R02')).toMatchObject({
      proposed: { status: 'in_progress', progress: 35, date: '2025-03-12' },
    });
    // "non démarrée" as it already is: nothing new.
    expect(rowOf(preview, 'GTGPS/2024/11/R04').state).toBe('unchanged');

    const batch = await app.call('imports.followUpCommit', { stagedId: staged.id, organisationId: s.pam.id });
    expect(batch.organisation?.id).toBe(s.pam.id);
    expect((await app.call('recommendations.get', { id: s.r1.id })).status).toBe('done');
    const updates = await app.call('recommendations.updates', { id: s.r1.id });
    expect(updates.find((u) => u.source === 'follow_up_sheet')?.comment).toBe(
      'Fiche de suivi renvoyée par PAM — suivi PAM mars 2025.xlsx : Sessions tenues à Cotonou et Parakou',
    );
  });
});

// ── Pure parts ─────────────────────────────────────────────────────────────

function sheetData(sheets: { name: string; rows: string[][] }[]): SpreadsheetData {
  return {
    format: 'xlsx',
    encoding: null,
    separator: null,
    sheets: sheets.map((s) => ({ ...s, hidden: false })),
  };
}

describe('recognising a follow-up matrix', () => {
  const exported = [
    'Réf.',
    'Instance',
    'Recommandation',
    'Responsable',
    'Échéance',
    'Statut actuel',
    'Avancement actuel (%)',
    'Nouveau statut',
    'Nouvel avancement (%)',
    'Commentaire / actions menées',
    'Date de mise à jour',
    'ID',
    'Version',
  ];
  it.each([
    ['the export', [exported], true],
    ['Réf. + Nouveau statut', [['Réf.', 'Nouveau statut']], true],
    [
      'a title row above',
      [['Tableau de suivi'], [], ['N° Réf', 'Recommandations', 'Statut', 'Observations']],
      true,
    ],
    [
      'reference + text + progress',
      [['Référence', 'Libellé de la recommandation', 'Taux de réalisation']],
      true,
    ],
    ['a 3W matrix', [['Organisation', 'Activité', 'Statut', 'Région']], false],
    ['a 3W with a reference and a status', [['Réf', 'Activité', 'Statut']], false],
    ['headers alone without reference', [['Recommandation', 'Nouveau statut']], false],
  ])('%s → %s', (_label, rows, expected) => {
    expect(isFollowUpMatrix(sheetData([{ name: 'Feuille', rows }]))).toBe(expected);
  });

  it('maps columns by header, skips the instructions sheet and empty rows', () => {
    const data = sheetData([
      {
        name: 'Instructions',
        rows: [
          ['Réf.', 'Nouveau statut'],
          ['x', 'y'],
        ],
      },
      {
        name: 'PAM',
        rows: [
          ['Titre'],
          ['Nouveau statut', 'Recommandation', 'REF', 'Statut actuel', 'commentaire'],
          ['Réalisée', 'Texte', 'R1', 'En cours', 'ok'],
          [],
          ['', 'Texte seul'],
          ['', '', 'R2'],
        ],
      },
    ]);
    expect(readFollowUpRows(data)).toEqual([
      {
        sheet: 'PAM',
        row: 3,
        cells: { newStatus: 'Réalisée', text: 'Texte', reference: 'R1', status: 'En cours', comment: 'ok' },
        columns: { newStatus: 0, text: 1, reference: 2, status: 3, comment: 4 },
      },
      {
        sheet: 'PAM',
        row: 6,
        cells: { reference: 'R2' },
        columns: { newStatus: 0, text: 1, reference: 2, status: 3, comment: 4 },
      },
    ]);
  });

  it.each([
    ['Réalisée', 'done'],
    ['REALISEE', 'done'],
    ['réalisé', 'done'],
    ['Réalsiée', 'done'],
    ['done', 'done'],
    ['Terminé', 'done'],
    ['en cours', 'in_progress'],
    ['En cours de réalisation', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['Non démarrée', 'not_started'],
    ['pas démarré', 'not_started'],
    ['Partiellement réalisée', 'partially_done'],
    ['Non réalisée', 'not_done'],
    ['Reportée', 'postponed'],
    ['Différé', 'postponed'],
    ['Abandonnée', 'abandoned'],
    ['Finie ?', null],
    ['', null],
  ])('status « %s » → %s', (text, expected) => {
    expect(parseFollowUpStatus(text)).toBe(expected);
  });

  it.each([
    ['45', { ok: true, value: 45 }],
    ['45 %', { ok: true, value: 45 }],
    ['45%', { ok: true, value: 45 }],
    ['0,5', { ok: true, value: 50 }],
    ['0.45', { ok: true, value: 45 }],
    ['45,5', { ok: true, value: 46 }],
    ['100', { ok: true, value: 100 }],
    ['0', { ok: true, value: 0 }],
    ['140', { ok: false, reason: 'range' }],
    ['-5', { ok: false, reason: 'range' }],
    ['beaucoup', { ok: false, reason: 'unreadable' }],
  ])('progress « %s »', (text, expected) => {
    expect(parseProgress(text)).toEqual(expected);
  });
});
