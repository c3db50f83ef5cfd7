import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { BuildEnv } from '../../electron/backend/features/documents/types';
import {
  FOLLOW_UP_COLUMNS,
  INSTRUCTIONS_SHEET,
  SPARE_ROWS,
} from '../../electron/backend/features/exports/spreadsheets/followUpMatrix';
import { buildSpreadsheet } from '../../electron/backend/features/exports/spreadsheets/index';
import { localToday } from '../../electron/backend/features/meetings/repository';
import type { InputOf } from '../../shared/rpc';
import type { SpreadsheetRequest } from '../../shared/rpc/documents';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

/** The day the exports are made: fixed, so file names and "en retard" are known. */
const TODAY = '2025-03-14';
const UPDATE_DAY = localToday();
const HEADERS = FOLLOW_UP_COLUMNS.map((c) => c.header);

async function env(): Promise<BuildEnv> {
  return { settings: await app.call('settings.get', {}), hasLogo: false, today: TODAY };
}
const db = () => app.backend.context.db;

async function build(request: SpreadsheetRequest) {
  return buildSpreadsheet(db(), request, await env());
}

function read(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array' });
}

/** The sheet as rows of cells (empty cells as undefined). */
function cells(wb: XLSX.WorkBook, name: string): (XLSX.CellObject | undefined)[][] {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet ${name}`);
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const rows: (XLSX.CellObject | undefined)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: (XLSX.CellObject | undefined)[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(ws[XLSX.utils.encode_cell({ r, c })]);
    rows.push(row);
  }
  return rows;
}

/** Values of the sheet's rows, '' for empty cells. */
function values(wb: XLSX.WorkBook, name: string): unknown[][] {
  return cells(wb, name).map((row) => row.map((c) => (c?.v === undefined ? '' : c.v)));
}

function everyCell(wb: XLSX.WorkBook): XLSX.CellObject[] {
  return wb.SheetNames.flatMap((name) => cells(wb, name).flat()).filter((c): c is XLSX.CellObject => !!c);
}

function xmlOf(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

async function createBody(
  name: string,
  acronym: string | null,
  overrides: Partial<InputOf<'bodies.create'>> = {},
) {
  return app.call('bodies.create', {
    name,
    acronym,
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'BJ',
    periodicity: { kind: 'every_n_months', months: 6 },
    quorumRule: { kind: 'majority_of_voting_seats' },
    ...overrides,
  });
}

async function seed() {
  const dpfg = await app.call('organisations.create', {
    name: 'Direction de la Promotion de la Femme et du Genre',
    acronym: 'DPFG',
    kind: 'central_directorate',
    email: 'dpfg@example.bj',
  });
  const pamBenin = await app.call('organisations.create', {
    name: 'Programme Alimentaire Mondial',
    acronym: 'PAM',
    kind: 'un_agency',
  });
  const pamMali = await app.call('organisations.create', {
    name: 'Programme Alimentaire Mondial — bureau de Gao',
    acronym: 'PAM',
    kind: 'un_agency',
  });
  const unfpa = await app.call('organisations.create', {
    name: 'Fonds des Nations Unies pour la Population',
    acronym: 'UNFPA',
    kind: 'un_agency',
    domains: ['Genre', 'Santé de la reproduction'],
  });
  const gtgps = await createBody('Groupe Technique Genre et Protection Sociale', 'GTGPS', {
    secretariatOrganisationId: dpfg.id,
  });
  const clocsad = await createBody('CLOCSAD d’Ansongo', 'CLOCSAD', { countryCode: 'ML', kind: 'clocsad' });
  const meeting = await app.call('meetings.create', {
    bodyId: gtgps.id,
    kind: 'ordinary',
    startDate: '2024-11-25',
  });

  const make = (reference: string, input: Partial<InputOf<'recommendations.create'>>) =>
    app.call('recommendations.create', {
      bodyId: gtgps.id,
      reference,
      text: `Recommandation ${reference}`,
      ...input,
    });
  const r1 = await make('GTGPS/2024/11/R01', {
    text: 'Rendre fonctionnels les sous-groupes thématiques',
    theme: 'Coordination',
    leadOrganisationId: dpfg.id,
    associatedOrganisationIds: [unfpa.id, pamBenin.id],
    dueDate: '2025-01-31',
    priority: 'high',
    originKind: 'meeting',
    originMeetingId: meeting.id,
  });
  const r2 = await make('GTGPS/2024/11/R02', {
    text: 'Élaborer le répertoire des partenaires (3W)',
    leadOrganisationId: unfpa.id,
    dueDate: '2025-06-30',
  });
  const r10 = await make('GTGPS/2024/11/R10', { text: 'Sans responsable désigné', dueDate: null });
  const r3 = await make('GTGPS/2024/11/R03', {
    text: 'Diffuser le rapport annuel',
    leadOrganisationId: pamBenin.id,
    dueDate: '2025-02-28',
  });
  const done = await make('GTGPS/2024/11/R04', {
    text: 'Intégrer des données désagrégées',
    leadOrganisationId: dpfg.id,
  });
  const abandoned = await make('GTGPS/2024/11/R05', {
    text: 'Recruter un consultant',
    leadOrganisationId: dpfg.id,
  });
  const mali = await app.call('recommendations.create', {
    bodyId: clocsad.id,
    reference: 'CLOCSAD/2024/01/R01',
    text: 'Établir la matrice 3W du cercle',
    leadOrganisationId: pamMali.id,
    dueDate: '2024-04-30',
  });
  await app.call('recommendations.addUpdate', {
    id: r2.id,
    date: UPDATE_DAY,
    status: 'in_progress',
    progress: 40,
  });
  await app.call('recommendations.addUpdate', {
    id: done.id,
    date: UPDATE_DAY,
    status: 'done',
    actionsTaken: 'Tableaux ajoutés au rapport',
  });
  await app.call('recommendations.addUpdate', {
    id: abandoned.id,
    date: UPDATE_DAY,
    status: 'abandoned',
    actionsTaken: 'Financement retiré',
  });
  return { dpfg, pamBenin, pamMali, unfpa, gtgps, clocsad, meeting, r1, r2, r3, r10, done, abandoned, mali };
}

describe('follow-up matrix', () => {
  it('lists the open recommendations of a body, typed, in reference order, with their keys', async () => {
    const s = await seed();
    const out = await build({ kind: 'followUpMatrix', bodyId: s.gtgps.id, layout: 'single' });
    expect(out.fileStem).toBe('2025-03-14_GTGPS_tableau-de-suivi');
    expect(out.label).toBe('Tableau de suivi des recommandations — GTGPS');
    expect(out.recipients).toEqual([
      'Direction de la Promotion de la Femme et du Genre (DPFG)',
      'Fonds des Nations Unies pour la Population (UNFPA)',
      'Programme Alimentaire Mondial (PAM)',
    ]);

    const wb = read(out.bytes);
    expect(wb.SheetNames).toEqual([INSTRUCTIONS_SHEET, 'GTGPS']);
    const rows = values(wb, 'GTGPS');
    expect(rows[0]).toEqual(HEADERS);
    const data = rows.slice(1).filter((r) => r[0] !== '');
    // Closed ones (réalisée, abandonnée) are not followed up; R10 sorts after R03 (numbers).
    expect(data.map((r) => r[0])).toEqual([
      'GTGPS/2024/11/R01',
      'GTGPS/2024/11/R02',
      'GTGPS/2024/11/R03',
      'GTGPS/2024/11/R10',
    ]);
    const r2 = await app.call('recommendations.get', { id: s.r2.id });
    expect(data[1]).toEqual([
      'GTGPS/2024/11/R02',
      'GTGPS',
      'Élaborer le répertoire des partenaires (3W)',
      'Fonds des Nations Unies pour la Population (UNFPA)',
      45838,
      'En cours',
      40,
      '',
      '',
      '',
      '',
      s.r2.id,
      r2.updatedAt,
    ]);
    expect(data[3]?.slice(3, 7)).toEqual(['', '', 'Non démarrée', 0]);

    // Typed cells: a real date shown dd/mm/yyyy, whole numbers; never a formula.
    const grid = cells(wb, 'GTGPS');
    expect(grid[2]?.[4]).toMatchObject({ t: 'n', v: 45838, w: '30/06/2025' });
    expect(grid[2]?.[6]).toMatchObject({ t: 'n', v: 40 });
    expect(everyCell(wb).filter((c) => c.f !== undefined)).toEqual([]);

    // Hidden key columns, widths set.
    const cols = XLSX.read(out.bytes, { type: 'array', cellStyles: true }).Sheets.GTGPS?.['!cols'] ?? [];
    expect(cols).toHaveLength(FOLLOW_UP_COLUMNS.length);
    expect(cols.map((c) => Boolean(c?.hidden))).toEqual(
      FOLLOW_UP_COLUMNS.map((c) => c.key === 'id' || c.key === 'version'),
    );
    expect(cols.every((c) => (c?.wch ?? c?.width ?? 0) > 0)).toBe(true);
  });

  it('carries the drop-down list, number and date validations, protection and unlocked cells in its XML', async () => {
    const s = await seed();
    const out = await build({ kind: 'followUpMatrix', bodyId: s.gtgps.id, layout: 'single' });
    const xml = xmlOf(out.bytes);
    const sheet = xml['xl/worksheets/sheet2.xml'] ?? '';
    const lastRow = 1 + 4 + SPARE_ROWS;

    // Validations on H (Nouveau statut), I (Nouvel avancement), K (Date de mise à jour).
    expect(sheet).toContain('<dataValidations count="3">');
    expect(sheet).toMatch(
      new RegExp(
        `<dataValidation type="list"[^>]*sqref="H2:H${lastRow}"><formula1>&quot;Non démarrée,En cours,Réalisée,` +
          'Partiellement réalisée,Non réalisée,Reportée&quot;</formula1></dataValidation>',
      ),
    );
    expect(sheet).not.toMatch(/<formula1>[^<]*Abandonnée/);
    expect(sheet).toMatch(
      new RegExp(
        `<dataValidation type="whole" operator="between"[^>]*sqref="I2:I${lastRow}"><formula1>0</formula1><formula2>100</formula2>`,
      ),
    );
    expect(sheet).toMatch(
      new RegExp(`<dataValidation type="date" operator="between"[^>]*sqref="K2:K${lastRow}">`),
    );
    // Schema order: sheetData, sheetProtection, autoFilter, dataValidations, …, ignoredErrors.
    const at = (tag: string) => sheet.indexOf(`<${tag}`);
    expect(at('sheetProtection')).toBeGreaterThan(sheet.indexOf('</sheetData>'));
    expect(at('autoFilter')).toBeGreaterThan(at('sheetProtection'));
    expect(at('dataValidations')).toBeGreaterThan(at('autoFilter'));
    expect(at('ignoredErrors')).toBeGreaterThan(at('dataValidations'));
    expect(sheet).toMatch(/<sheetProtection sheet="1" objects="1" scenarios="1"[^>]*\/>/);
    expect(sheet).not.toMatch(/<sheetProtection[^>]*password/);
    for (const allowed of ['formatCells', 'formatColumns', 'formatRows', 'sort', 'autoFilter']) {
      expect(sheet).toMatch(new RegExp(`<sheetProtection[^>]* ${allowed}="0"`));
    }
    // Header row frozen.
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');

    // Styles: the cellXfs entries that unlock; editable cells (also the spare rows) use them,
    // key cells do not.
    const styles = xml['xl/styles.xml'] ?? '';
    const xfs = [
      ...(styles.match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g),
    ].map((m) => m[0]);
    const unlocked = new Set(xfs.flatMap((xf, i) => (xf.includes('<protection locked="0"/>') ? [i] : [])));
    expect(unlocked.size).toBeGreaterThan(0);
    for (const i of unlocked) expect(xfs[i]).toContain('applyProtection="1"');
    const styleOf = (ref: string) =>
      Number(sheet.match(new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`))?.[1] ?? 0);
    for (const column of ['H', 'I', 'J', 'K']) {
      for (const row of [2, 5, lastRow])
        expect(unlocked.has(styleOf(`${column}${row}`)), `${column}${row}`).toBe(true);
    }
    for (const ref of ['A1', 'H1', 'A2', 'C3', 'G5', 'L2', 'M5'])
      expect(unlocked.has(styleOf(ref)), ref).toBe(false);
    // Beyond the spare rows, editable columns stay unlocked through their column style.
    expect(sheet).toMatch(/<col min="8" max="8" style="(\d+)"/);
    expect(unlocked.has(Number(sheet.match(/<col min="8" max="8" style="(\d+)"/)?.[1]))).toBe(true);
    expect(sheet).not.toMatch(/<col min="1" max="1" style=/);

    // Recognisable by the re-import.
    expect(xml['docProps/custom.xml']).toContain('followUpMatrix');
    // No formula anywhere in the package.
    expect(
      Object.entries(xml).filter(([path, text]) => path.startsWith('xl/worksheets/') && /<f[ >]/.test(text)),
    ).toEqual([]);
  });

  it('puts French instructions first: what to fill, statuses, date format, grey columns, email', async () => {
    const s = await seed();
    const out = await build({ kind: 'followUpMatrix', bodyId: s.gtgps.id, layout: 'single' });
    const wb = read(out.bytes);
    expect(wb.SheetNames[0]).toBe('Instructions');
    const lines = values(wb, 'Instructions').map((r) => String(r[0]));
    const text = lines.join('\n');
    expect(lines[0]).toBe(
      'Tableau de suivi des recommandations — Groupe Technique Genre et Protection Sociale (GTGPS)',
    );
    expect(text).toContain('4 recommandations en cours de suivi');
    for (const expected of [
      'Nouveau statut',
      'Nouvel avancement (%)',
      'Commentaire / actions menées',
      'jj/mm/aaaa',
      'fond gris',
      'verrouillées',
      'courriel',
      'secrétariat (DPFG)',
      '• Non démarrée',
      '• Partiellement réalisée',
      '• Reportée',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Abandonnée');
    // The instructions sheet is locked too, and has no filter or frozen row.
    const sheet = xmlOf(out.bytes)['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toContain('<sheetProtection sheet="1"');
    expect(sheet).not.toContain('<pane');
  });

  it('makes one sheet per responsible organisation, named and de-duplicated, "Sans responsable" last', async () => {
    await seed();
    const out = await build({ kind: 'followUpMatrix', bodyId: null, layout: 'perOrganisation' });
    expect(out.fileStem).toBe('2025-03-14_tableau-de-suivi-par-structure');
    expect(out.label).toBe(
      'Tableau de suivi des recommandations — toutes les instances (une feuille par structure)',
    );
    const wb = read(out.bytes);
    expect(wb.SheetNames).toEqual(['Instructions', 'DPFG', 'PAM', 'PAM (2)', 'UNFPA', 'Sans responsable']);
    const refsOf = (name: string) =>
      values(wb, name)
        .slice(1)
        .map((r) => r[0])
        .filter((v) => v !== '');
    expect(refsOf('DPFG')).toEqual(['GTGPS/2024/11/R01']);
    // Both PAMs, each on its own sheet (the Mali office's comes with its CLOCSAD recommendation).
    const pams = [refsOf('PAM'), refsOf('PAM (2)')].sort();
    expect(pams).toEqual([['CLOCSAD/2024/01/R01'], ['GTGPS/2024/11/R03']]);
    expect(refsOf('UNFPA')).toEqual(['GTGPS/2024/11/R02']);
    expect(refsOf('Sans responsable')).toEqual(['GTGPS/2024/11/R10']);
    for (const name of wb.SheetNames.slice(1)) expect(values(wb, name)[0]).toEqual(HEADERS);
    expect(out.recipients).toHaveLength(4);
    expect(out.recipients).toContain('Programme Alimentaire Mondial — bureau de Gao (PAM)');
    // Every data sheet has its validations and protection.
    const xml = xmlOf(out.bytes);
    for (let i = 2; i <= 6; i++) {
      expect(xml[`xl/worksheets/sheet${i}.xml`]).toContain('<dataValidations count="3">');
      expect(xml[`xl/worksheets/sheet${i}.xml`]).toContain('<sheetProtection sheet="1"');
    }
  });

  it('covers every body on one sheet, by body then reference; an empty body still gets its sheet', async () => {
    await seed();
    const all = read((await build({ kind: 'followUpMatrix', bodyId: null, layout: 'single' })).bytes);
    expect(all.SheetNames).toEqual(['Instructions', 'Recommandations']);
    const refs = values(all, 'Recommandations')
      .slice(1)
      .filter((r) => r[0] !== '')
      .map((r) => `${r[1]} ${r[0]}`);
    expect(refs).toEqual([
      'CLOCSAD CLOCSAD/2024/01/R01',
      'GTGPS GTGPS/2024/11/R01',
      'GTGPS GTGPS/2024/11/R02',
      'GTGPS GTGPS/2024/11/R03',
      'GTGPS GTGPS/2024/11/R10',
    ]);

    const empty = await createBody('Sous-groupe Genre', null, { kind: 'sub_group' });
    const out = await build({ kind: 'followUpMatrix', bodyId: empty.id, layout: 'perOrganisation' });
    const wb = read(out.bytes);
    expect(wb.SheetNames).toEqual(['Instructions', 'Sous-groupe Genre']);
    expect(values(wb, 'Sous-groupe Genre')[0]).toEqual(HEADERS);
    expect(out.recipients).toEqual([]);
    expect(out.fileStem).toBe('2025-03-14_Sous-groupe-Genre_tableau-de-suivi-par-structure');
    expect(String(values(wb, 'Instructions')[1]?.[0])).toContain('0 recommandation en cours de suivi');
  });

  it('refuses an unknown body', async () => {
    await expect(
      build({ kind: 'followUpMatrix', bodyId: '01890000-0000-7000-8000-000000000000', layout: 'single' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('recommendations register export', () => {
  it('writes every visible column of the filtered register, one row each, typed', async () => {
    const s = await seed();
    const out = await build({
      kind: 'recommendationsRegister',
      filter: { bodyIds: [s.gtgps.id], trashed: false },
    });
    expect(out.fileStem).toBe('2025-03-14_GTGPS_registre-des-recommandations');
    expect(out.label).toBe('Registre des recommandations — GTGPS');
    expect(out.recipients).toEqual([]);
    const wb = read(out.bytes);
    expect(wb.SheetNames).toEqual(['Registre']);
    const rows = values(wb, 'Registre');
    expect(rows[0]).toEqual([
      'Réf.',
      'Instance',
      'Type',
      'Recommandation',
      'Thème',
      'Responsable',
      'Associés',
      'Échéance',
      'Priorité',
      'Statut',
      'Avancement (%)',
      'En retard',
      'Actions menées',
      'Session d’origine',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'GTGPS/2024/11/R01',
      'GTGPS/2024/11/R02',
      'GTGPS/2024/11/R03',
      'GTGPS/2024/11/R04',
      'GTGPS/2024/11/R05',
      'GTGPS/2024/11/R10',
    ]);
    expect(rows[1]).toEqual([
      'GTGPS/2024/11/R01',
      'GTGPS — Groupe Technique Genre et Protection Sociale',
      'Recommandation',
      'Rendre fonctionnels les sous-groupes thématiques',
      'Coordination',
      'Direction de la Promotion de la Femme et du Genre (DPFG)',
      'Fonds des Nations Unies pour la Population (UNFPA), Programme Alimentaire Mondial (PAM)',
      45688,
      'Haute',
      'Non démarrée',
      0,
      'Oui',
      '',
      'GTGPS — Ordinaire n°1 du 25 novembre 2024',
    ]);
    expect(rows[4]?.slice(9, 13)).toEqual(['Réalisée', 100, 'Non', 'Tableaux ajoutés au rapport']);
    expect(rows[6]?.[13]).toBe('Saisie directe');
    const grid = cells(wb, 'Registre');
    expect(grid[1]?.[7]).toMatchObject({ t: 'n', w: '31/01/2025' });
    expect(grid[1]?.[10]).toMatchObject({ t: 'n', v: 0 });
    expect(everyCell(wb).filter((c) => c.f !== undefined)).toEqual([]);
    // Frozen header; not protected (it is the secretariat's own working copy).
    const sheet = xmlOf(out.bytes)['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toContain('state="frozen"');
    expect(sheet).not.toContain('<sheetProtection');
  });

  it('applies the status, overdue and text filters as the register does', async () => {
    await seed();
    const refs = async (filter: Extract<SpreadsheetRequest, { kind: 'recommendationsRegister' }>['filter']) =>
      values(read((await build({ kind: 'recommendationsRegister', filter })).bytes), 'Registre')
        .slice(1)
        .map((r) => r[0]);
    expect(await refs({ statuses: ['done', 'abandoned'], trashed: false })).toEqual([
      'GTGPS/2024/11/R04',
      'GTGPS/2024/11/R05',
    ]);
    expect(await refs({ overdue: true, trashed: false })).toEqual([
      'CLOCSAD/2024/01/R01',
      'GTGPS/2024/11/R01',
      'GTGPS/2024/11/R03',
    ]);
    expect(await refs({ text: 'répertoire', trashed: false })).toEqual(['GTGPS/2024/11/R02']);
    const label = (
      await build({ kind: 'recommendationsRegister', filter: { overdue: true, trashed: false } })
    ).label;
    expect(label).toBe('Registre des recommandations (sélection)');
  });
});

describe('directories', () => {
  it('exports the organisations with their details, filtered by kind or text', async () => {
    const s = await seed();
    await app.call('organisations.create', {
      name: 'Direction Départementale du Borgou',
      acronym: 'DDASM',
      kind: 'decentralised_service',
      parentId: s.dpfg.id,
      aliases: ['DDASM-Borgou'],
      phone: '+229 21 00 00 00',
      address: 'Parakou',
    });
    const out = await build({ kind: 'organisationsDirectory' });
    expect(out.fileStem).toBe('2025-03-14_annuaire-des-organisations');
    expect(out.label).toBe('Annuaire des organisations');
    const rows = values(read(out.bytes), 'Organisations');
    expect(rows[0]).toEqual([
      'Nom',
      'Sigle',
      'Autres appellations',
      'Type',
      'Organisation mère',
      'Pays',
      'Domaines d’intervention',
      'Groupes cibles',
      'Zones d’intervention',
      'Téléphone',
      'Email',
      'Site web',
      'Adresse',
      'Personnes',
      'Sièges',
    ]);
    // French order: "Direction de la…" before "Direction Départementale…".
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'Direction de la Promotion de la Femme et du Genre',
      'Direction Départementale du Borgou',
      'Fonds des Nations Unies pour la Population',
      'Programme Alimentaire Mondial',
      'Programme Alimentaire Mondial — bureau de Gao',
    ]);
    expect(rows[2]).toEqual([
      'Direction Départementale du Borgou',
      'DDASM',
      'DDASM-Borgou',
      'Service technique déconcentré',
      'Direction de la Promotion de la Femme et du Genre (DPFG)',
      '',
      '',
      '',
      '',
      // Neutralised like any value starting with "+": never read back as a formula.
      "'+229 21 00 00 00",
      '',
      '',
      'Parakou',
      0,
      0,
    ]);
    expect(rows[3]?.[6]).toBe('Genre, Santé de la reproduction');

    const unAgencies = await build({ kind: 'organisationsDirectory', organisationKind: 'un_agency' });
    expect(
      values(read(unAgencies.bytes), 'Organisations')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['UNFPA', 'PAM', 'PAM']);
    expect(unAgencies.label).toBe('Annuaire des organisations (sélection)');
    const byText = await build({ kind: 'organisationsDirectory', text: 'gao' });
    expect(
      values(read(byText.bytes), 'Organisations')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Programme Alimentaire Mondial — bureau de Gao']);
  });

  it('exports the people with the seats they hold today, filtered by organisation', async () => {
    const s = await seed();
    const awa = await app.call('people.create', {
      firstName: 'Awa',
      lastName: 'Diallo',
      title: 'Mme',
      function: 'Directrice',
      organisationId: s.dpfg.id,
      sex: 'female',
      email: 'awa@example.bj',
      phone: '+229 97 00 00 00',
    });
    await app.call('people.create', {
      firstName: 'Issa',
      lastName: 'Maïga',
      organisationId: s.unfpa.id,
      sex: 'male',
    });
    const seat = await app.call('seats.create', {
      bodyId: s.gtgps.id,
      organisationId: s.dpfg.id,
      function: 'Directrice de la DPFG',
      role: 'rapporteur',
      rank: 1,
    });
    await app.call('seats.addHolder', { seatId: seat.id, personId: awa.id, from: '2024-01-01' });
    const old = await app.call('seats.create', {
      bodyId: s.clocsad.id,
      function: 'Ancien siège',
      role: 'member',
    });
    await app.call('seats.addHolder', {
      seatId: old.id,
      personId: awa.id,
      from: '2020-01-01',
      to: '2023-12-31',
    });

    const out = await build({ kind: 'peopleDirectory' });
    expect(out.fileStem).toBe('2025-03-14_annuaire-des-personnes');
    const rows = values(read(out.bytes), 'Personnes');
    expect(rows[0]).toEqual([
      'Nom',
      'Prénom',
      'Civilité',
      'Fonction',
      'Organisation',
      'Sexe',
      'Téléphone',
      'Email',
      'Sièges occupés actuellement',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        'Diallo',
        'Awa',
        'Mme',
        'Directrice',
        'Direction de la Promotion de la Femme et du Genre (DPFG)',
        'Femme',
        "'+229 97 00 00 00",
        'awa@example.bj',
        'GTGPS — 1er rapporteur',
      ],
      ['Maïga', 'Issa', '', '', 'Fonds des Nations Unies pour la Population (UNFPA)', 'Homme', '', '', ''],
    ]);
    const filtered = await build({ kind: 'peopleDirectory', organisationId: s.unfpa.id });
    expect(filtered.label).toBe('Annuaire des personnes — UNFPA');
    expect(filtered.fileStem).toBe('2025-03-14_UNFPA_annuaire-des-personnes');
    expect(
      values(read(filtered.bytes), 'Personnes')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Maïga']);
  });
});

describe('bad input', () => {
  const INJECTIONS = ['=HYPERLINK("http://evil","x")', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'];

  it('neutralises formula-like text in every export and keeps emojis, Arabic and long texts', async () => {
    const s = await seed();
    // Straight into the database: text may arrive from imports or older versions untrimmed.
    const [a, b, c, d, e, f] = INJECTIONS as [string, string, string, string, string, string];
    // The longest texts: a recommendation holds 5,000 characters, its actions taken more.
    const mixed = 'Texte très long 😀 مرحبا بالجميع — ';
    const text5000 = mixed.repeat(200).slice(0, 4998);
    const long = mixed.repeat(1000).slice(0, 30_000);
    const tooLong = 'x'.repeat(40_000);
    const set = (id: string, values: Record<string, string>) =>
      db().updateTable('recommendations').set(values).where('id', '=', id).execute();
    await set(s.r1.id, { text: a, theme: b, actions_taken: long });
    await set(s.r2.id, { reference: c, text: f });
    await set(s.r3.id, { text: text5000, actions_taken: e });
    await set(s.r10.id, { actions_taken: tooLong });
    await db()
      .updateTable('organisations')
      .set({ name: d, address: e, email: f })
      .where('id', '=', s.unfpa.id)
      .execute();
    const person = await app.call('people.create', {
      firstName: 'X',
      lastName: 'Y',
      organisationId: s.unfpa.id,
    });
    await db()
      .updateTable('people')
      .set({ last_name: b, first_name: c, function: a })
      .where('id', '=', person.id)
      .execute();

    const requests: SpreadsheetRequest[] = [
      { kind: 'followUpMatrix', bodyId: s.gtgps.id, layout: 'single' },
      { kind: 'followUpMatrix', bodyId: null, layout: 'perOrganisation' },
      { kind: 'recommendationsRegister', filter: { trashed: false } },
      { kind: 'organisationsDirectory' },
      { kind: 'peopleDirectory' },
    ];
    for (const request of requests) {
      const wb = read((await build(request)).bytes);
      const all = everyCell(wb);
      const strings = all.flatMap((cell) => (typeof cell.v === 'string' ? [cell.v] : []));
      expect(
        all.filter((cell) => cell.f !== undefined),
        request.kind,
      ).toEqual([]);
      expect(
        strings.filter((v) => /^[=+\-@\t\r]/.test(v)),
        request.kind,
      ).toEqual([]);
      const neutralised = strings.filter((v) => INJECTIONS.some((i) => v === `'${i}`));
      expect(neutralised.length, request.kind).toBeGreaterThan(0);
    }

    const matrix = read(
      (await build({ kind: 'followUpMatrix', bodyId: s.gtgps.id, layout: 'single' })).bytes,
    );
    const texts = values(matrix, 'GTGPS').map((r) => r[2]);
    expect(texts).toContain('\'=HYPERLINK("http://evil","x")');
    expect(texts).toContain("'\rx");
    expect(texts).toContain(text5000);
    const responsible = values(matrix, 'GTGPS').map((r) => r[3]);
    expect(responsible).toContain("'@SUM(A1) (UNFPA)");

    const register = values(
      read((await build({ kind: 'recommendationsRegister', filter: { trashed: false } })).bytes),
      'Registre',
    );
    expect(register.map((r) => r[0])).toContain("'-2+3");
    expect(register.map((r) => r[4])).toContain("'+cmd");
    const actions = register.map((r) => r[12]);
    expect(actions).toContain("'\tx");
    // 30,000 characters fit a cell (Excel holds 32,767): kept whole, emojis and Arabic included.
    expect(actions).toContain(long);
    // Longer is cut, visibly, rather than written into a cell Excel would refuse.
    const cut = actions.find((t) => typeof t === 'string' && t.startsWith('xxx')) as string;
    expect(cut).toHaveLength(32_767);
    expect(cut.endsWith('…')).toBe(true);

    const organisations = values(
      read((await build({ kind: 'organisationsDirectory' })).bytes),
      'Organisations',
    );
    expect(organisations.map((r) => r[0])).toContain("'@SUM(A1)");
    expect(organisations.map((r) => r[10])).toContain("'\rx");
    const people = values(read((await build({ kind: 'peopleDirectory' })).bytes), 'Personnes');
    expect(people.map((r) => r.slice(0, 4))).toContainEqual([
      "'+cmd",
      "'-2+3",
      '',
      '\'=HYPERLINK("http://evil","x")',
    ]);
  });
});
