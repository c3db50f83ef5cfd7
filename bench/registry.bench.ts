import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { type Backend, startBackend } from '../electron/backend/host';
import { uuidv7 } from '../shared/domain/ids';
import { BODY_KINDS, ORGANISATION_KINDS, SEAT_ROLES } from '../shared/domain/vocabularies';
import { type Measure, measure, report } from './measure';

// issue 2 targets: cold start ≤ 500 ms and search ≤ 30 ms (median) on a registry of
// 5,000 organisations, 20,000 people and 1,000 bodies.
const ROOT = resolve(import.meta.dirname, '..');
const RESOURCES = join(ROOT, 'resources');
const WEBHOST = join(ROOT, 'out', 'main', 'webhost.js');
const dataDir = mkdtempSync(join(tmpdir(), 'concerto-bench-'));
const options = { dataDir, resourcesDir: RESOURCES, appVersion: 'bench' };
let backend: Backend;

const FIRST = [
  'Aminata',
  'Moussa',
  'Fatoumata',
  'Ibrahim',
  'Awa',
  'Oumar',
  'Mariam',
  'Seydou',
  'Adjoa',
  'Koffi',
  'Rokia',
  'Boubacar',
];
const LAST = [
  'Traoré',
  'Diarra',
  'Coulibaly',
  'Keïta',
  'Sangaré',
  'Dembélé',
  'Hounkpatin',
  'Agbodjan',
  'Sow',
  'Diop',
  'Ouédraogo',
  'Zinsou',
];
const PLACES = [
  'Ténenkou',
  'Ansongo',
  'Koulikoro',
  'Ségou',
  'Abomey',
  'Parakou',
  'Kaolack',
  'Fada N’Gourma',
  'Mopti',
  'Gao',
];
const WORDS = [
  'Espoir',
  'Solidarité',
  'Santé',
  'Développement',
  'Femmes',
  'Enfance',
  'Nutrition',
  'Eau',
  'Paix',
  'Avenir',
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

beforeAll(async () => {
  backend = await startBackend(options);
  const { sqlite } = backend.context;
  const at = new Date().toISOString();
  await backend.invoke('territories.loadCountry', { countryCode: 'ML' });
  const insertOrg = sqlite.prepare(
    `INSERT INTO organisations (id, name, acronym, aliases, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = sqlite.prepare(
    `INSERT INTO people (id, first_name, last_name, function, organisation_id, email, sex, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBody = sqlite.prepare(
    `INSERT INTO bodies (id, name, acronym, kind, level, periodicity, quorum_rule, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'local', '{"kind":"every_n_months","months":3}', '{"kind":"majority_of_voting_seats"}', ?, ?)`,
  );
  const insertSeat = sqlite.prepare(
    `INSERT INTO seats (id, body_id, organisation_id, function, role, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    const orgIds: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const id = uuidv7();
      orgIds.push(id);
      const name = `ONG ${pick(WORDS, i)} ${pick(PLACES, i * 7)} ${i}`;
      insertOrg.run(
        id,
        name,
        `O${i}${pick(WORDS, i).slice(0, 2).toUpperCase()}`,
        '[]',
        pick(ORGANISATION_KINDS, i),
        at,
        at,
      );
    }
    for (let i = 0; i < 20000; i++) {
      insertPerson.run(
        uuidv7(),
        pick(FIRST, i),
        `${pick(LAST, i * 3)}${i}`,
        'Point focal',
        pick(orgIds, i),
        `p${i}@exemple.ml`,
        i % 2 ? 'female' : 'male',
        at,
        at,
      );
    }
    for (let i = 0; i < 1000; i++) {
      const id = uuidv7();
      insertBody.run(id, `CLOCSAD de ${pick(PLACES, i)} ${i}`, `CL${i}`, pick(BODY_KINDS, i), at, at);
      for (let s = 0; s < 8; s++)
        insertSeat.run(uuidv7(), id, pick(orgIds, i + s), 'Membre', pick(SEAT_ROLES, s), s, at, at);
    }
  })();
  await backend.close();
}, 600_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * A new Node process running the built backend (through the web host): from spawn to the
 * answer of the first query, as a user opening Concerto would wait.
 */
async function coldStartToFirstQuery(): Promise<void> {
  const child = spawn(process.execPath, [WEBHOST, '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(d.toString());
        if (match?.[1]) done(match[1]);
      });
      child.on('exit', (code) => fail(new Error(`web host exited with ${code}`)));
    });
    const bridge = await (await fetch(`${url}__concerto/bridge.js`)).text();
    const token = /const token = "([0-9a-f]+)"/.exec(bridge)?.[1] ?? '';
    const response = await fetch(`${url}rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-concerto-token': token },
      body: JSON.stringify({ method: 'bodies.list', input: { status: 'active' } }),
    });
    const envelope = (await response.json()) as { ok: boolean };
    if (!envelope.ok) throw new Error('first query failed');
  } finally {
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }
}

it('registry: cold start and search', async () => {
  if (!existsSync(WEBHOST)) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const measures: Measure[] = [];
  measures.push({
    name: 'démarrage à froid (nouveau processus) → première requête, registre de 5 000 org., 20 000 pers., 1 000 instances',
    targetMs: 500,
    samples: await measure(10, coldStartToFirstQuery),
  });
  measures.push({
    name: 'ouverture de la base dans un processus déjà lancé → première requête',
    targetMs: 500,
    samples: await measure(10, async () => {
      const b = await startBackend(options);
      const result = await b.invoke('bodies.list', { status: 'active' });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      await b.close();
    }),
  });
  backend = await startBackend(options);
  for (const text of ['tenenkou', 'clocsad ansongo', 'traore', 'unicef', 'sante femmes', 'o42']) {
    measures.push({
      name: `recherche « ${text} »`,
      targetMs: 30,
      samples: await measure(30, async () => {
        const result = await backend.invoke('search.query', { text, limit: 30 });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
      }),
    });
  }
  await backend.close();
  report('registre', measures);
});
