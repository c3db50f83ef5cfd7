import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const history = () => app.call('history.forEntity', { entityType: 'settings', entityId: 'settings' });

describe('settings', () => {
  it('starts in French, with no country, no heading and no user name', async () => {
    expect(await app.call('settings.get', {})).toEqual({
      language: 'fr',
      countryCode: null,
      heading: { country: null, motto: null, ministry: null, service: null },
      signature: { place: null, title: null, name: null },
      emailTemplates: expect.objectContaining({
        meeting: expect.objectContaining({ subject: '{SIGLE} — {SESSION} du {DATE}' }),
      }),
      userName: '',
      welcomed: false,
      timeZone: 'Africa/Bamako',
      absenceThreshold: 2,
      referenceFormat: '{SIGLE}/{AAAA}/{MM}/R{NN}',
    });
  });

  it('changes the language and the heading, and keeps them', async () => {
    const updated = await app.call('settings.update', {
      language: 'en',
      heading: {
        country: ' République du Mali ',
        motto: 'Un Peuple – Un But – Une Foi',
        ministry: 'Ministère de la Santé et du Développement social',
        service: '',
      },
    });
    expect(updated.language).toBe('en');
    expect(updated.heading).toEqual({
      country: 'République du Mali',
      motto: 'Un Peuple – Un But – Une Foi',
      ministry: 'Ministère de la Santé et du Développement social',
      service: null,
    });
    expect(await app.call('settings.get', {})).toEqual(updated);
    // Only what was sent changes.
    const again = await app.call('settings.update', { countryCode: 'ML' });
    expect(again).toMatchObject({ language: 'en', countryCode: 'ML', heading: updated.heading });
  });

  it('records each change in the history, signed with the user name once it is set', async () => {
    await app.call('settings.update', { language: 'en' });
    await app.call('settings.update', { userName: 'Awa Traoré' });
    await app.call('settings.update', { countryCode: 'BJ' });
    // Saving the same value again is not a change.
    await app.call('settings.update', { countryCode: 'BJ' });

    const entries = await history();
    expect(entries.map((e) => [e.action, e.actor, e.changes])).toEqual([
      [
        'update',
        'Awa Traoré',
        { countryCode: [null, 'BJ'], timeZone: ['Africa/Bamako', 'Africa/Porto-Novo'] },
      ],
      ['update', 'Awa Traoré', { userName: ['', 'Awa Traoré'] }],
      ['update', 'Utilisateur', { language: ['fr', 'en'] }],
    ]);
  });

  it('signs the changes to the registry with the user name', async () => {
    await app.call('settings.update', { userName: 'Moussa Diarra' });
    const org = await app.call('organisations.create', { name: 'ONG Espoir', kind: 'national_ngo' });
    const [entry] = await app.call('history.forEntity', { entityType: 'organisation', entityId: org.id });
    expect(entry?.actor).toBe('Moussa Diarra');
  });

  it('refuses an unknown country or language on their fields, changing nothing', async () => {
    const country = await app.fail('settings.update', { countryCode: 'FR' });
    expect(country.code).toBe('VALIDATION');
    expect(country.details?.issues?.[0]).toMatchObject({ path: ['countryCode'], message: 'Choix invalide.' });
    const language = await app.fail('settings.update', { language: 'de' });
    expect(language.details?.issues?.[0]?.path).toEqual(['language']);
    expect(await app.call('settings.get', {})).toMatchObject({ language: 'fr', countryCode: null });
    expect(await history()).toEqual([]);
  });

  it('refuses an over-long user name with its limit in the message', async () => {
    const error = await app.fail('settings.update', { userName: 'x'.repeat(121) });
    expect(error.details?.issues?.[0]).toMatchObject({ path: ['userName'], key: 'errors.field.tooLong' });
    expect(error.details?.issues?.[0]?.message).toContain('120');
  });
});

describe('meeting settings', () => {
  it('takes the country’s time zone with the country, and keeps a threshold between 1 and 12', async () => {
    const app = await startTestApp();
    try {
      const benin = await app.call('settings.update', { countryCode: 'BJ' });
      expect(benin.timeZone).toBe('Africa/Porto-Novo');
      const chosen = await app.call('settings.update', { timeZone: 'Africa/Bamako', absenceThreshold: 3 });
      expect(chosen).toMatchObject({ countryCode: 'BJ', timeZone: 'Africa/Bamako', absenceThreshold: 3 });
      const refused = await app.fail('settings.update', { absenceThreshold: 0 });
      expect(refused.details?.issues?.[0]?.path).toEqual(['absenceThreshold']);
      expect((await app.call('settings.get', {})).absenceThreshold).toBe(3);
    } finally {
      await app.close();
    }
  });
});
