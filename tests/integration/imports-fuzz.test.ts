import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors';
import { readStagedSheets, THREE_W_LIMITS } from '../../electron/backend/features/imports/staging';
import type { SpreadsheetData } from '../../electron/backend/spreadsheets';
import { utf8WithBom, workbookFile } from '../fixtures/participants/files';
import { startTestApp, type TestApp } from './harness';

// Property: any random byte mutation of a valid partner file ends in a clean refusal (AppError
// IMPORT_FORMAT or VALIDATION with a French sentence) or in sheets within the limits; never a
// crash, a hang, or a stray exception. Seeded, so a failure reproduces.

const SEED = 0x3c0ce470;
const MUTANTS_PER_FILE = 15;

/** Mulberry32: small, fast, good enough to pick mutations. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = 'flip' | 'truncate' | 'insert' | 'duplicate';

function mutate(bytes: Uint8Array, random: () => number): { bytes: Uint8Array; how: string } {
  const int = (n: number) => Math.floor(random() * n);
  const kinds: Mutation[] = ['flip', 'truncate', 'insert', 'duplicate'];
  const steps = 1 + int(3);
  let out = bytes;
  const how: string[] = [];
  for (let s = 0; s < steps; s++) {
    const kind = kinds[int(kinds.length)] as Mutation;
    const at = int(out.length);
    if (kind === 'flip') {
      const copy = out.slice();
      const count = 1 + int(8);
      for (let i = 0; i < count; i++) {
        const p = (at + int(64)) % copy.length;
        copy[p] = (copy[p] ?? 0) ^ (1 << int(8));
      }
      out = copy;
    } else if (kind === 'truncate') {
      out = out.slice(0, Math.max(1, at));
    } else if (kind === 'insert') {
      const junk = Uint8Array.from({ length: 1 + int(32) }, () => int(256));
      out = new Uint8Array([...out.subarray(0, at), ...junk, ...out.subarray(at)]);
    } else {
      const length = 1 + int(Math.min(512, out.length - at));
      const range = out.subarray(at, at + length);
      const where = int(out.length);
      out = new Uint8Array([...out.subarray(0, where), ...range, ...out.subarray(where)]);
    }
    how.push(`${kind}@${at}`);
  }
  return { bytes: out, how: how.join(',') };
}

const ROWS = [
  ['Organisation', 'Sigle', 'Secteur', 'Région', 'Cercle', 'Début', 'Bénéficiaires'],
  ['#org+name', '#org+acronym', '#sector', '#adm1+name', '#adm2+name', '#date+start', '#reached'],
  ['Action contre la Faim', 'ACF', 'Nutrition', 'Mopti', 'Bandiagara', new Date(Date.UTC(2024, 0, 15)), 1200],
  ['Plan International', 'PLAN', 'Éducation', 'Ségou', 'San', '2024-03-01', 800],
];

let app: TestApp;
let seeds: { name: string; bytes: Uint8Array }[];

beforeAll(async () => {
  app = await startTestApp();
  const xlsx = workbookFile([{ name: '3W', rows: ROWS }]);
  const composer = new MailComposer({
    from: 'partenaire@ong.ml',
    to: 'secretariat@gtgps.ml',
    subject: 'Matrice',
    text: 'Ci-joint.',
    attachments: [{ filename: 'matrice.xlsx', content: Buffer.from(xlsx) }],
  });
  seeds = [
    { name: 'matrice.xlsx', bytes: xlsx },
    { name: 'matrice.ods', bytes: workbookFile([{ name: '3W', rows: ROWS }], 'ods') },
    {
      name: 'matrice.csv',
      bytes: utf8WithBom(
        ROWS.map((r) => r.map((c) => (c instanceof Date ? '15/01/2024' : String(c))).join(';')).join('\r\n'),
      ),
    },
    { name: 'message.eml', bytes: new Uint8Array(await composer.compile().build()) },
  ];
});
afterAll(async () => {
  await app.close();
});

function assertWithinLimits(data: SpreadsheetData) {
  expect(data.sheets.length).toBeGreaterThan(0);
  for (const sheet of data.sheets) {
    expect(sheet.rows.length).toBeLessThanOrEqual(THREE_W_LIMITS.maxRows);
    for (const row of sheet.rows) {
      expect(row.length).toBeLessThanOrEqual(THREE_W_LIMITS.maxColumns);
      for (const cell of row) {
        expect(typeof cell).toBe('string');
        expect(cell.length).toBeLessThanOrEqual(THREE_W_LIMITS.maxCellLength);
      }
    }
  }
}

function assertCleanRefusal(code: string, message: string, context: string) {
  expect(['IMPORT_FORMAT', 'VALIDATION', 'NOT_FOUND'], context).toContain(code);
  // A French sentence naming the file or the message.
  expect(message, context).toMatch(/«|Le fichier|Le message|Fichier/);
}

type Outcome = 'read' | 'refused';

/** Stages a mutant and reads it (or its attachments), classifying the outcome. */
async function attempt(name: string, bytes: Uint8Array, context: string): Promise<Outcome> {
  const envelope = await app.backend.invoke('imports.stageUpload', {
    fileName: name,
    data: Buffer.from(bytes).toString('base64'),
    source: 'disk',
  });
  if (!envelope.ok) {
    assertCleanRefusal(envelope.error.code, envelope.error.message, context);
    return 'refused';
  }
  const staged = envelope.value as {
    id: string;
    kind: string;
    email: { attachments: { index: number }[] } | null;
  };
  const targets: string[] = [];
  if (staged.kind === 'email') {
    for (const attachment of staged.email?.attachments ?? []) {
      const next = await app.backend.invoke('imports.stageAttachment', {
        stagedId: staged.id,
        index: attachment.index,
      });
      if (next.ok) targets.push((next.value as { id: string }).id);
      else assertCleanRefusal(next.error.code, next.error.message, context);
    }
    if (targets.length === 0) return 'refused';
  } else {
    targets.push(staged.id);
  }
  let outcome: Outcome = 'read';
  for (const id of targets) {
    try {
      assertWithinLimits(await readStagedSheets(app.backend.context, id));
    } catch (error) {
      expect(error, context).toBeInstanceOf(AppError);
      const { code, message } = error as AppError;
      assertCleanRefusal(code, message, context);
      outcome = 'refused';
    }
  }
  return outcome;
}

describe('random mutations of valid files', () => {
  it('end in a clean refusal or sheets within the limits', { timeout: 60_000 }, async () => {
    const random = prng(SEED);
    const cases = seeds.flatMap((seed) =>
      Array.from({ length: MUTANTS_PER_FILE }, (_, i) => {
        const mutant = mutate(seed.bytes, random);
        return { name: seed.name, bytes: mutant.bytes, context: `${seed.name} #${i} ${mutant.how}` };
      }),
    );
    expect(cases).toHaveLength(60);
    const outcomes: Record<Outcome, number> = { read: 0, refused: 0 };
    // Four at a time: each reading is its own worker, the backend must cope with several.
    for (let i = 0; i < cases.length; i += 4) {
      const batch = cases.slice(i, i + 4);
      const results = await Promise.all(batch.map((c) => attempt(c.name, c.bytes, c.context)));
      for (const result of results) outcomes[result]++;
    }
    // Both ends of the property are exercised.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    // And the backend still answers.
    expect(await app.call('imports.removableFiles', {})).toBeInstanceOf(Array);
  });
});
