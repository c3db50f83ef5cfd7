import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/rpc';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const organisation = (input: Partial<InputOf<'organisations.create'>> & { name: string }) =>
  app.call('organisations.create', { kind: 'national_ngo', ...input });

const body = (name: string, acronym: string | null, mandate: string | null = null) =>
  app.call('bodies.create', {
    name,
    acronym,
    mandate,
    kind: 'clocsad',
    level: 'local',
    countryCode: 'ML',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'none' },
  });

const search = (text: string, kinds?: InputOf<'search.query'>['kinds']) =>
  app.call('search.query', { text, ...(kinds ? { kinds } : {}) });

describe('the search box', () => {
  it('finds a body, an organisation and a person typed without accents', async () => {
    const clocsad = await body('Comité local d’orientation de Ténenkou', 'CLOCSAD-TÉN');
    const org = await organisation({ name: 'Association des Femmes de Ségou', acronym: 'AFÉS' });
    const person = await app.call('people.create', {
      firstName: 'Aïssata',
      lastName: 'Dembélé',
      organisationId: org.id,
    });

    expect((await search('clocsad ten')).map((h) => h.id)).toContain(clocsad.id);
    expect((await search('afes')).map((h) => h.id)).toContain(org.id);
    const hits = await search('aissata dembele');
    expect(hits).toEqual([{ kind: 'person', id: person.id, title: 'Aïssata Dembélé', subtitle: 'AFÉS' }]);
    expect((await search('tenenkou', ['body'])).map((h) => h.kind)).toEqual(['body']);
  });

  it('finds an organisation by one of its aliases', async () => {
    const wfp = await organisation({
      name: 'Programme alimentaire mondial',
      acronym: 'PAM',
      aliases: ['World Food Programme', 'WFP'],
      kind: 'un_agency',
    });
    expect((await search('wfp')).map((h) => h.id)).toEqual([wfp.id]);
    expect((await search('world food')).map((h) => h.id)).toEqual([wfp.id]);
    expect((await search('wfp'))[0]?.title).toBe('PAM — Programme alimentaire mondial');
  });

  it('follows renames and ignores trashed records until they are restored', async () => {
    const org = await organisation({ name: 'ONG Espoir du Sahel', acronym: 'ESPOIR' });
    const person = await app.call('people.create', { firstName: 'Koffi', lastName: 'Agbodjan' });
    await app.call('organisations.trash', { id: org.id });
    await app.call('people.trash', { id: person.id });
    expect(await search('espoir')).toEqual([]);
    expect(await search('agbodjan')).toEqual([]);

    await app.call('organisations.restore', { id: org.id });
    expect((await search('espoir')).map((h) => h.id)).toEqual([org.id]);

    await app.call('organisations.update', {
      id: org.id,
      name: 'ONG Lumière du Sahel',
      acronym: 'LUMIERE',
      kind: org.kind,
    });
    expect(await search('espoir')).toEqual([]);
    expect((await search('lumiere')).map((h) => h.id)).toEqual([org.id]);
  });

  it('puts the record whose acronym is the word typed first', async () => {
    // Several records mention "PAM" in passing; the one named by the acronym must lead.
    await organisation({ name: 'Pamplemousse et agrumes du Mali' });
    await organisation({ name: 'Coopérative des producteurs de Pama', kind: 'private_sector' });
    await body(
      'Groupe de travail sur les pamphlets',
      null,
      'Suivi des projets financés avec le PAM et ses partenaires',
    );
    const pam = await organisation({
      name: 'Programme alimentaire mondial',
      acronym: 'PAM',
      kind: 'un_agency',
    });

    const hits = await search('pam');
    expect(hits.length).toBeGreaterThanOrEqual(4);
    expect(hits[0]?.id).toBe(pam.id);
  });

  it('finds nothing for empty or punctuation-only text', async () => {
    await organisation({ name: 'ONG Espoir' });
    expect(await search('   ')).toEqual([]);
    expect(await search('"*()')).toEqual([]);
  });
});
