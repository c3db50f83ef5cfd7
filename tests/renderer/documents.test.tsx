import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32, deflateSync } from 'node:zlib';
import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BodyPage } from '../../renderer/features/bodies/pages/BodyPage';
import { DocumentsPanel } from '../../renderer/features/documents/DocumentsPanel';
import { DocumentView } from '../../renderer/features/documents/DocumentView';
import { MeetingPage } from '../../renderer/features/meetings/pages/MeetingPage';
import type { DocumentModel } from '../../shared/documents/model';
import { startTestApp, type TestApp } from '../integration/harness';
import { openedExports, renderWithBackend } from './harness';

const HEADING = {
  country: 'République du Mali',
  motto: 'Un Peuple – Un But – Une Foi',
  ministry: 'Ministère de la Santé et du Développement Social',
  service: 'Direction régionale du développement social de Koulikoro',
};
const SCRIPT_TITLE = '<script>alert("x")</script> Présentation du rapport';

/**
 * A body (GTGPS) with the heading set in the settings, and one of its sessions on 14 March 2025
 * with a three-item agenda and two invitees, one of them without an email address.
 */
async function prepare(): Promise<{ app: TestApp; bodyId: string; meetingId: string }> {
  const app = await startTestApp();
  await app.call('settings.update', { heading: HEADING });
  const body = await app.call('bodies.create', {
    name: 'Groupe thématique genre et protection sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const meeting = await app.call('meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: '2025-03-14',
    startTime: '09:00',
    endTime: '16:00',
    place: 'Koulikoro, salle de conférence du gouvernorat',
  });
  const day = '2025-03-14';
  await app.call('agenda.save', {
    meetingId: meeting.id,
    entries: [
      { day, entryType: 'item', title: 'Ouverture officielle', startTime: '09:00', endTime: '09:30' },
      { day, entryType: 'item', title: SCRIPT_TITLE, startTime: '09:30', endTime: '10:30' },
      { day, entryType: 'item', title: 'Questions diverses 🎉', startTime: '10:30', endTime: '11:00' },
    ],
  });
  await app.call('invitees.addExtra', {
    meetingId: meeting.id,
    name: 'Awa Traoré',
    function: 'Cheffe de division',
    email: 'awa.traore@exemple.ml',
  });
  await app.call('invitees.addExtra', {
    meetingId: meeting.id,
    name: 'Moussa Diarra',
    function: 'Consultant',
  });
  return { app, bodyId: body.id, meetingId: meeting.id };
}

/** The row of one document in the panel. */
async function documentRow(name: string): Promise<HTMLElement> {
  return screen.findByRole('row', { name });
}

/** A button by its text, inside a container. */
function button(name: string, container: HTMLElement): HTMLElement {
  const text = within(container).getByText(name, { selector: 'button, button *' });
  const found = text.closest('button');
  if (!found) throw new Error(`No button ${name}`);
  return found;
}

// jsdom's environment replaces the global typed arrays and ArrayBuffer with those of its own
// realm; Node's Buffers are then no `instanceof Uint8Array`, and the PDF library (pdfkit, in the
// backend these tests run in-process) refuses the embedded fonts. The backend runs in Node's realm
// in the application: give it Node's constructors back while these tests run.
const TYPED_ARRAYS = [
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Uint8ClampedArray,
  Int8Array,
  Int16Array,
  Int32Array,
  Float32Array,
  Float64Array,
] as const;
const realmGlobals = globalThis as unknown as Record<string, unknown>;
const jsdomConstructors = new Map<string, unknown>();
beforeAll(() => {
  for (const ctor of TYPED_ARRAYS) {
    jsdomConstructors.set(ctor.name, realmGlobals[ctor.name]);
    // v8.deserialize makes its objects with Node's own intrinsics.
    realmGlobals[ctor.name] = (deserialize(serialize(new ctor(1))) as object).constructor;
  }
  jsdomConstructors.set('ArrayBuffer', realmGlobals.ArrayBuffer);
  realmGlobals.ArrayBuffer = Buffer.alloc(1).buffer.constructor;
});
afterAll(() => {
  for (const [name, ctor] of jsdomConstructors) realmGlobals[name] = ctor;
});

const folders: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'concerto-usb-'));
  folders.push(dir);
  return dir;
}

beforeEach(() => {
  notifications.clean();
});
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('documents of a meeting', () => {
  it('previews the agenda with the heading of the settings, its rows in order and text never run', {
    timeout: 30_000,
  }, async () => {
    const { app, meetingId } = await prepare();
    const user = userEvent.setup();
    await renderWithBackend(<MeetingPage id={meetingId} />, { app });

    await user.click(await screen.findByRole('tab', { name: 'Documents' }));
    const row = await documentRow('Ordre du jour');
    await user.click(button('Aperçu', row));

    const dialog = await screen.findByRole('dialog');
    const title = await within(dialog).findByText('ORDRE DU JOUR', {}, { timeout: 10_000 });
    const page = title.closest('article');
    if (!page) throw new Error('No page');
    for (const line of Object.values(HEADING)) expect(within(page).getByText(line)).toBeTruthy();

    // Horaire | Activités | Responsable, in the agenda's order.
    const headers = [...page.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['Horaire', 'Activités', 'Responsable']);
    const rows = [...page.querySelectorAll('tbody tr')].map((tr) => tr.textContent ?? '');
    const at = (text: string) => rows.findIndex((r) => r.includes(text));
    expect(at('Ouverture officielle')).toBeGreaterThanOrEqual(0);
    expect(at('Ouverture officielle')).toBeLessThan(at('Présentation du rapport'));
    expect(at('Présentation du rapport')).toBeLessThan(at('Questions diverses'));

    // The "<script>" of a title is shown as typed, and nothing of it became an element.
    expect(within(page).getByText(SCRIPT_TITLE)).toBeTruthy();
    expect(page.querySelector('script')).toBeNull();

    // The preview offers the same files as the panel.
    expect(button('Word (.docx)', dialog)).toBeTruthy();
    expect(button('PDF', dialog)).toBeTruthy();
  });

  it('produces the aide-mémoire as a PDF, hands it to the user and logs it', {
    timeout: 30_000,
  }, async () => {
    const { app, meetingId } = await prepare();
    const user = userEvent.setup();
    await renderWithBackend(<DocumentsPanel meetingId={meetingId} />, { app });

    await user.click(button('PDF', await documentRow('Aide-mémoire')));
    await waitFor(() => expect(openedExports).toHaveLength(1), { timeout: 15_000 });

    const log = await app.call('exports.log', {});
    const entry = log.find((e) => e.id === openedExports[0]);
    expect(entry).toMatchObject({
      fileName: '2025-03-14_GTGPS_aide-memoire.pdf',
      format: 'pdf',
      kind: 'document',
    });
    expect(await screen.findByText('2025-03-14_GTGPS_aide-memoire.pdf')).toBeTruthy();

    // An emoji of the agenda cannot be drawn with the PDF's font: the user is told, not left to find out.
    await user.click(button('PDF', await documentRow('Ordre du jour')));
    expect(
      await screen.findByText(
        'Ces caractères n’ont pas pu être dessinés dans le PDF : 🎉. Ils sont conservés dans le fichier Word.',
        {},
        { timeout: 15_000 },
      ),
    ).toBeTruthy();
    // That PDF is handed over all the same.
    await waitFor(() => expect(openedExports).toHaveLength(2), { timeout: 15_000 });
  });

  it('prepares an email draft to the invitees, naming those without an address', {
    timeout: 30_000,
  }, async () => {
    const { app, meetingId } = await prepare();
    const user = userEvent.setup();
    await renderWithBackend(<DocumentsPanel meetingId={meetingId} />, { app });

    await user.click(await screen.findByLabelText('Choisir : Convocation'));
    await user.click(screen.getByLabelText('Choisir : Aide-mémoire'));
    await user.click(button('Envoyer par courriel', document.body));

    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Awa Traoré <awa.traore@exemple.ml>')).toBeTruthy();
    expect(within(dialog).getByText('Sans adresse : Moussa Diarra')).toBeTruthy();
    expect(within(dialog).getByText('Convocation — PDF')).toBeTruthy();
    expect(within(dialog).getByText('Aide-mémoire — PDF')).toBeTruthy();
    expect((within(dialog).getByLabelText(/^Objet/) as HTMLInputElement).value).toContain('GTGPS');

    // The secretary completes the missing address; a wrong one is refused next to the field.
    await user.type(within(dialog).getByLabelText('Nom'), 'Moussa Diarra');
    await user.type(within(dialog).getByLabelText('Adresse électronique'), 'pas-une-adresse');
    await user.click(button('Ajouter', dialog));
    expect(await within(dialog).findByText('Adresse électronique invalide.')).toBeTruthy();
    await user.clear(within(dialog).getByLabelText('Adresse électronique'));
    await user.type(within(dialog).getByLabelText('Adresse électronique'), 'moussa.diarra@exemple.ml');
    await user.click(button('Ajouter', dialog));
    expect(await within(dialog).findByText('Moussa Diarra <moussa.diarra@exemple.ml>')).toBeTruthy();

    await user.click(button('Créer le brouillon', dialog));
    expect(
      await within(dialog).findByText(
        'Le brouillon s’ouvre dans votre messagerie ; il partira quand la connexion le permettra.',
        {},
        { timeout: 15_000 },
      ),
    ).toBeTruthy();

    expect(openedExports).toHaveLength(1);
    const log = await app.call('exports.log', {});
    const email = log.find((e) => e.id === openedExports[0]);
    expect(email).toMatchObject({ kind: 'email', format: 'eml' });
    const recipients = (email?.recipients ?? []).join(' | ');
    expect(recipients).toContain('awa.traore@exemple.ml');
    expect(recipients).toContain('moussa.diarra@exemple.ml');
  });

  it('saves the chosen documents to a folder and says the stick can be removed', {
    timeout: 30_000,
  }, async () => {
    const { app, meetingId } = await prepare();
    const folder = tempFolder();
    const user = userEvent.setup();
    await renderWithBackend(<DocumentsPanel meetingId={meetingId} />, { app });

    await user.click(await screen.findByLabelText('Choisir : Convocation'));
    await user.click(screen.getByLabelText('Choisir : Ordre du jour'));
    await user.click(button('Enregistrer sur une clé', document.body));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('2 fichiers à enregistrer :')).toBeTruthy();
    const path = within(dialog).getByLabelText('Dossier de destination');
    await user.clear(path);
    await user.type(path, folder);
    await user.click(button('Enregistrer', dialog));

    expect(
      await within(dialog).findByText(
        `2 fichiers enregistrés dans ${folder}. Vous pouvez retirer la clé.`,
        {},
        { timeout: 15_000 },
      ),
    ).toBeTruthy();
    const written = readdirSync(folder).sort();
    expect(written).toHaveLength(2);
    expect(written.some((name) => /^2025-03-14_GTGPS_.*convocation.*\.pdf$/.test(name))).toBe(true);
    expect(written).toContain('2025-03-14_GTGPS_ordre-du-jour.pdf');
    // Written to the chosen folder, not opened.
    expect(openedExports).toHaveLength(0);
  });

  it('says in French why a folder cannot be written, and writes nothing', { timeout: 30_000 }, async () => {
    const { app, meetingId } = await prepare();
    // A read-only folder; an administrator may write anywhere, so then a system folder no one can.
    const folder = tempFolder();
    const readOnly = join(folder, 'lecture-seule');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    let target = readOnly;
    try {
      writeFileSync(join(readOnly, 'probe'), 'x');
      rmSync(join(readOnly, 'probe'));
      target = '/sys';
    } catch {
      // Read-only indeed.
    }
    if (!existsSync(target)) return;

    const user = userEvent.setup();
    await renderWithBackend(<DocumentsPanel meetingId={meetingId} />, { app });
    await user.click(await screen.findByLabelText('Choisir : Ordre du jour'));
    await user.click(button('Enregistrer sur une clé', document.body));
    const dialog = await screen.findByRole('dialog');
    const path = within(dialog).getByLabelText('Dossier de destination');
    await user.clear(path);
    await user.type(path, target);
    await user.click(button('Enregistrer', dialog));

    const alert = await within(dialog).findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toContain(target);
    expect(alert.textContent).toContain('Rien n’a été enregistré.');
    expect(within(dialog).queryByText(/fichiers? enregistrés? dans/)).toBeNull();
    if (target === readOnly) expect(readdirSync(readOnly)).toEqual([]);
    chmodSync(readOnly, 0o755);

    // A folder that does not exist is refused next to the field.
    await user.clear(path);
    await user.type(path, join(folder, 'absent'));
    await user.click(button('Enregistrer', dialog));
    expect(
      await within(dialog).findByText('Ce dossier n’existe pas ou n’est plus accessible (clé retirée ?).'),
    ).toBeTruthy();
  });
});

describe('documents of a body', () => {
  it('offers the fact sheet, the annual report of this year and the follow-up matrix', {
    timeout: 30_000,
  }, async () => {
    const { app, bodyId } = await prepare();
    const user = userEvent.setup();
    await renderWithBackend(<BodyPage id={bodyId} />, { app });

    await user.click(await screen.findByRole('tab', { name: 'Documents' }));
    expect(await documentRow('Fiche de présentation')).toBeTruthy();
    const report = await documentRow('Rapport annuel d’activité');
    const year = within(report)
      .getAllByLabelText('Année')
      .find((el): el is HTMLInputElement => el instanceof HTMLInputElement);
    expect(year?.value).toBe(String(new Date().getFullYear()));
    const matrix = await documentRow('Tableau de suivi (xlsx)');
    await user.click(button('Excel (.xlsx)', matrix));
    await waitFor(() => expect(openedExports).toHaveLength(1), { timeout: 15_000 });
    const log = await app.call('exports.log', {});
    expect(log.find((e) => e.id === openedExports[0])).toMatchObject({ format: 'xlsx', kind: 'spreadsheet' });
  });
});

describe('the follow-up matrix by email', () => {
  it('addresses the organisations responsible for open recommendations, not the body’s members', {
    timeout: 30_000,
  }, async () => {
    const { app, bodyId, meetingId } = await prepare();
    const pam = await app.call('organisations.create', {
      name: 'Programme alimentaire mondial',
      acronym: 'PAM',
      kind: 'un_agency',
      email: 'suivi.pam@exemple.org',
    });
    await app.call('recommendations.create', {
      bodyId,
      originKind: 'meeting',
      originMeetingId: meetingId,
      text: 'Partager la liste des ménages ciblés avec les communes.',
      leadOrganisationId: pam.id,
      dueDate: '2025-06-30',
    });
    const user = userEvent.setup();
    await renderWithBackend(<BodyPage id={bodyId} />, { app });
    await user.click(await screen.findByRole('tab', { name: 'Documents' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Choisir : Tableau de suivi (xlsx)' }));
    await user.click(button('Envoyer par courriel', document.body));

    const dialog = await screen.findByRole('dialog', { name: 'Envoyer par courriel' });
    expect(await within(dialog).findByText(/suivi\.pam@exemple\.org/)).toBeTruthy();
    const subject = within(dialog).getByRole('textbox', { name: 'Objet' }) as HTMLInputElement;
    expect(subject.value).toBe('GTGPS — tableau de suivi des recommandations');
  });
});

/** One PNG chunk: length, type, data, CRC of type + data. */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 2 × 2 PNG. */
function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(6, 0x1f)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat([row, row]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const EVERY_BLOCK: DocumentModel = {
  kind: 'attendanceList',
  title: 'Liste de présence',
  fileStem: '2025-03-14_GTGPS_liste-de-presence',
  orientation: 'landscape',
  heading: {
    country: 'République du Sénégal',
    motto: 'Un Peuple – Un But – Une Foi',
    ministry: 'Ministère de la Famille et des Solidarités',
    service: 'Direction de la protection sociale',
    logo: true,
    reference: 'N° 2025/014/DPS',
    placeDate: 'Dakar, le 3 mars 2025',
  },
  blocks: [
    { type: 'title', text: 'LISTE DE PRÉSENCE', subtitle: 'Session ordinaire du 14 mars 2025' },
    { type: 'heading', level: 1, text: 'I. Participants' },
    { type: 'heading', level: 2, text: 'Par structure' },
    { type: 'heading', level: 3, text: 'Détail' },
    {
      type: 'paragraph',
      runs: [{ text: 'Présents : ' }, { text: '12', bold: true }, { text: ' (dont 5 femmes)', italic: true }],
      align: 'justify',
    },
    { type: 'list', ordered: true, items: [[{ text: 'Premier point' }], [{ text: 'Second point' }]] },
    {
      type: 'table',
      columns: [
        { header: 'Structure', width: 3 },
        { header: 'Nombre', width: 1, align: 'right' },
      ],
      rows: [
        { kind: 'group', text: 'Administrations' },
        { kind: 'row', cells: [[{ text: 'DPS' }], [{ text: '4' }]] },
        { kind: 'row', cells: [[{ text: 'Total' }], [{ text: '4' }]], total: true },
      ],
      tall: true,
    },
    {
      type: 'table',
      columns: [{ header: 'Recommandation', width: 1 }],
      rows: [],
      empty: 'Aucune recommandation.',
    },
    { type: 'fields', items: [{ label: 'Lieu', value: 'Dakar' }] },
    { type: 'note', text: 'Source : registre de présence.' },
    { type: 'pageBreak' },
    {
      type: 'signature',
      placeDate: 'Fait à Dakar, le 14 mars 2025',
      title: 'Le Directeur',
      name: 'Awa Ndiaye',
    },
  ],
  footer: 'GTGPS — liste de présence',
};

describe('the preview of a document', () => {
  it('draws every kind of block, the heading with its logo and the footer', { timeout: 30_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.setLogo', { data: tinyPng().toString('base64') });
    await renderWithBackend(<DocumentView model={EVERY_BLOCK} />, { app });

    const page = screen.getByRole('article', { name: 'Liste de présence' });
    expect(page.className).toContain('cdoc-landscape');
    const logo = (await within(page).findByAltText('Logo')) as HTMLImageElement;
    expect(logo.src.startsWith('data:image/png;base64,')).toBe(true);
    for (const text of [
      'République du Sénégal',
      'Un Peuple – Un But – Une Foi',
      'Ministère de la Famille et des Solidarités',
      'Direction de la protection sociale',
      'N° 2025/014/DPS',
      'Dakar, le 3 mars 2025',
      'Session ordinaire du 14 mars 2025',
      'Premier point',
      'Aucune recommandation.',
      'Source : registre de présence.',
      'Saut de page',
      'Fait à Dakar, le 14 mars 2025',
      'Awa Ndiaye',
      'GTGPS — liste de présence',
    ]) {
      expect(within(page).getByText(text)).toBeTruthy();
    }
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toBe('LISTE DE PRÉSENCE');
    expect(within(page).getByRole('heading', { level: 2 }).textContent).toBe('I. Participants');
    expect(within(page).getByRole('heading', { level: 3 }).textContent).toBe('Par structure');
    expect(within(page).getByRole('heading', { level: 4 }).textContent).toBe('Détail');
    expect(within(page).getByText('12').tagName).toBe('STRONG');
    expect(within(page).getByText('(dont 5 femmes)', { exact: false }).tagName).toBe('EM');

    const [table] = page.querySelectorAll('table');
    if (!table) throw new Error('No table');
    // Widths in the model's proportions; the group row spans the table; the total row is marked.
    const widths = [...table.querySelectorAll('col')].map((c) => c.style.width);
    expect(widths).toEqual(['75%', '25%']);
    const group = within(table).getByText('Administrations');
    expect(group.getAttribute('colspan')).toBe('2');
    expect(within(table).getByText('Total').closest('tr')?.className).toBe('cdoc-total');
    expect(table.className).toContain('cdoc-tall');
  });
});

describe('session file', () => {
  it('zips the documents of the meeting in the chosen formats and opens the archive', {
    timeout: 60_000,
  }, async () => {
    const { app, meetingId } = await prepare();
    const user = userEvent.setup();
    await renderWithBackend(<DocumentsPanel meetingId={meetingId} />, { app });

    // Word only.
    await user.click(
      await screen.findByLabelText('PDF', { selector: 'input[type="checkbox"][value="pdf"]' }),
    );
    await user.click(button('Dossier de séance (.zip)', document.body));
    await waitFor(() => expect(openedExports).toHaveLength(1), { timeout: 30_000 });
    const log = await app.call('exports.log', {});
    const zip = log.find((e) => e.id === openedExports[0]);
    expect(zip).toMatchObject({ kind: 'bundle', format: 'zip' });
    const { path } = await app.call('exports.file', { id: openedExports[0] ?? '' });
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(path))));
    const documents = names.filter((name) => /\.(docx|pdf)$/.test(name));
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.every((name) => name.endsWith('.docx'))).toBe(true);
    expect(await screen.findByText(zip?.fileName ?? '?')).toBeTruthy();
  });
});
