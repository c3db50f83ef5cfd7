import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/domain/ids';
import type { InputOf, OutputOf } from '../../shared/rpc';
import { buildCommittee, type Committee, createMeeting } from '../fixtures/participants/committee';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
let c: Committee;
beforeEach(async () => {
  app = await startTestApp();
  c = await buildCommittee(app);
});
afterEach(async () => {
  await app.close();
});

type Minutes = OutputOf<'minutes.open'>;
type Section = Minutes['sections'][number];

const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc' as const, content });

/** The sections with one section's content replaced, as the editor sends them. */
const withContent = (sections: Section[], index: number, content: Section['content']): Section[] =>
  sections.map((s, i) => (i === index ? { ...s, content } : s));

const save = (
  minutes: Pick<Minutes, 'meetingId' | 'sections'> & { rapporteur?: Minutes['rapporteur'] },
  baseRevision: number,
  overrides: Partial<InputOf<'minutes.save'>> = {},
) =>
  app.call('minutes.save', {
    meetingId: minutes.meetingId,
    saveId: uuidv7(),
    baseRevision,
    sections: minutes.sections,
    rapporteurPersonId: minutes.rapporteur?.id ?? null,
    ...overrides,
  });

const minutesHistory = (id: string) => app.call('history.forEntity', { entityType: 'minutes', entityId: id });
const versionRows = (minutesId: string) =>
  app.backend.context.sqlite
    .prepare('SELECT kind, revision, status FROM minutes_versions WHERE minutes_id = ? ORDER BY saved_at, id')
    .all(minutesId) as { kind: string; revision: number; status: string }[];
const storedPlainText = (meetingId: string) =>
  (
    app.backend.context.sqlite
      .prepare('SELECT plain_text FROM minutes WHERE meeting_id = ?')
      .get(meetingId) as {
      plain_text: string;
    }
  ).plain_text;

/** Opens the minutes of a new meeting of the committee on `date`. */
const openFor = async (date = '2026-03-12') => {
  const meeting = await createMeeting(app, c.body.id, date);
  return app.call('minutes.open', { meetingId: meeting.id });
};

describe('opening the minutes', () => {
  it('prefills one section per agenda item, between opening and closing, with the rapporteur', async () => {
    const rapporteurSeat = await app.call('seats.create', {
      bodyId: c.body.id,
      function: 'Rapporteur',
      role: 'rapporteur',
      rank: 1,
    });
    await app.call('seats.addHolder', {
      seatId: rapporteurSeat.id,
      personId: c.people.boubacar.id,
      from: '2025-01-01',
    });
    const meeting = await createMeeting(app, c.body.id, '2026-03-12');
    const day = meeting.startDate;
    const agenda = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [
        { day, entryType: 'item', kind: 'registration', title: 'Enregistrement des participants' },
        {
          day,
          entryType: 'item',
          kind: 'opening',
          title: 'Cérémonie d’ouverture',
          responsible: { organisationIds: [c.organisations.masm.id] },
        },
        { day, entryType: 'part', title: 'Première partie' },
        {
          day,
          entryType: 'item',
          kind: 'presentation',
          title: 'Point sur la mise en œuvre du registre social',
          responsible: {
            organisationIds: [c.organisations.dnpses.id, c.organisations.pam.id],
            personIds: [c.people.moussa.id],
            text: 'Rapporteurs de groupes',
          },
        },
        { day, entryType: 'item', kind: 'break', title: 'Pause-café' },
        { day, entryType: 'item', kind: 'other_business', title: 'Divers' },
      ],
    });
    const minutes = await app.call('minutes.open', { meetingId: meeting.id });

    expect(minutes).toMatchObject({
      meetingId: meeting.id,
      status: 'draft',
      revision: 0,
      rapporteur: { id: c.people.boubacar.id, label: 'Boubacar Cissé' },
      validatedOn: null,
      adoptedOn: null,
      adoptedAt: null,
    });
    const byTitle = (title: string) => agenda.entries.find((e) => e.title === title)?.id;
    expect(minutes.sections.map(({ id: _id, content: _content, ...rest }) => rest)).toEqual([
      {
        kind: 'opening',
        title: 'Cérémonie d’ouverture',
        responsible: 'MASM',
        agendaEntryId: byTitle('Cérémonie d’ouverture'),
      },
      {
        kind: 'item',
        title: 'Point sur la mise en œuvre du registre social',
        responsible: 'DNPSES / PAM / Moussa Diarra / Rapporteurs de groupes',
        agendaEntryId: byTitle('Point sur la mise en œuvre du registre social'),
      },
      { kind: 'item', title: 'Divers', responsible: null, agendaEntryId: byTitle('Divers') },
      { kind: 'closing', title: 'Clôture', responsible: null, agendaEntryId: null },
    ]);
    for (const s of minutes.sections)
      expect(s.content).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(new Set(minutes.sections.map((s) => s.id)).size).toBe(4);

    // Opening again returns the same minutes, untouched.
    expect(await app.call('minutes.open', { meetingId: meeting.id })).toEqual(minutes);
    expect(await app.call('minutes.get', { meetingId: meeting.id })).toEqual(minutes);
    const history = await minutesHistory(minutes.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create' });
    expect(history[0]?.summary).toContain('GTGPS');
  });

  it('gives a meeting without agenda an opening and a closing section, and no rapporteur', async () => {
    const minutes = await openFor();
    expect(minutes.sections.map((s) => [s.kind, s.title])).toEqual([
      ['opening', 'Ouverture'],
      ['closing', 'Clôture'],
    ]);
    expect(minutes.rapporteur).toBeNull();
  });

  it('has nothing to show before the minutes are opened', async () => {
    const meeting = await createMeeting(app, c.body.id);
    expect(await app.call('minutes.get', { meetingId: meeting.id })).toBeNull();
    expect(await app.call('minutes.versions', { meetingId: meeting.id })).toEqual([]);
    expect((await app.fail('minutes.get', { meetingId: uuidv7() })).code).toBe('NOT_FOUND');
    const refused = await app.fail('minutes.save', {
      meetingId: meeting.id,
      saveId: uuidv7(),
      baseRevision: 0,
      sections: [],
    });
    expect(refused.code).toBe('NOT_FOUND');
  });

  it('refuses the minutes of a cancelled meeting, and of a trashed one', async () => {
    const meeting = await createMeeting(app, c.body.id);
    await app.call('meetings.transition', {
      id: meeting.id,
      action: 'cancel',
      reason: 'Grève des transports',
    });
    const refused = await app.fail('minutes.open', { meetingId: meeting.id });
    expect(refused).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Une réunion annulée n’a pas de compte rendu.',
    });
    expect(await app.call('minutes.get', { meetingId: meeting.id })).toBeNull();

    const trashed = await createMeeting(app, c.body.id, '2026-06-12');
    await app.call('meetings.trash', { id: trashed.id });
    expect((await app.fail('minutes.open', { meetingId: trashed.id })).code).toBe('INVALID_TRANSITION');
    expect(await app.call('minutes.get', { meetingId: trashed.id })).toBeNull();
  });
});

describe('autosave', () => {
  it('writes a new revision and an autosave version each time', async () => {
    const minutes = await openFor();
    const first = withContent(minutes.sections, 0, doc(p(text('La séance est ouverte à 9 h 35.'))));
    const saved = await save({ ...minutes, sections: first }, 0);
    expect(saved.revision).toBe(1);
    const second = withContent(first, 1, doc(p(text('La séance est levée à 13 h.'))));
    expect((await save({ ...minutes, sections: second }, 1)).revision).toBe(2);

    const reread = await app.call('minutes.get', { meetingId: minutes.meetingId });
    expect(reread).toMatchObject({ revision: 2, updatedAt: expect.any(String) });
    expect(reread?.sections).toEqual(second);
    const versions = await app.call('minutes.versions', { meetingId: minutes.meetingId });
    expect(versions.map((v) => [v.kind, v.revision, v.status])).toEqual([
      ['autosave', 2, 'draft'],
      ['autosave', 1, 'draft'],
    ]);
    expect(versions[0]).toMatchObject({ actor: expect.any(String), savedAt: expect.any(String) });
    expect(versions[0]).not.toHaveProperty('sections');
    // Autosaves are not history entries: the versions are.
    expect(await minutesHistory(minutes.id)).toHaveLength(1);
  });

  it('writes a repeated saveId once and answers it with the same revision', async () => {
    const minutes = await openFor();
    const sections = withContent(minutes.sections, 0, doc(p(text('Mot de bienvenue'))));
    const saveId = uuidv7();
    const first = await save({ ...minutes, sections }, 0, { saveId });
    // The reply was lost; the editor sends the same save again.
    const retry = await save({ ...minutes, sections }, 0, { saveId });
    expect(retry).toEqual(first);
    expect(versionRows(minutes.id)).toHaveLength(1);
    expect((await app.call('minutes.get', { meetingId: minutes.meetingId }))?.revision).toBe(1);
  });

  it('refuses a save based on an older revision, without writing anything', async () => {
    const minutes = await openFor();
    const mine = withContent(minutes.sections, 0, doc(p(text('Version de la fenêtre A'))));
    await save({ ...minutes, sections: mine }, 0);
    await save({ ...minutes, sections: mine }, 1);
    const theirs = withContent(minutes.sections, 0, doc(p(text('Version de la fenêtre B'))));
    const refused = await app.fail('minutes.save', {
      meetingId: minutes.meetingId,
      saveId: uuidv7(),
      baseRevision: 1,
      sections: theirs,
    });
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: 'Le compte rendu a été modifié ailleurs (version 2). Rechargez-le avant d’enregistrer.',
      details: { revision: 2 },
    });
    const reread = await app.call('minutes.get', { meetingId: minutes.meetingId });
    expect(reread?.revision).toBe(2);
    expect(reread?.sections).toEqual(mine);
    expect(versionRows(minutes.id)).toHaveLength(2);
  });

  it('keeps the last 20 autosaves of a burst of typing', async () => {
    const minutes = await openFor();
    for (let i = 0; i < 35; i++) {
      const sections = withContent(minutes.sections, 0, doc(p(text(`Mot ${i}`))));
      await save({ ...minutes, sections }, i);
    }
    const versions = await app.call('minutes.versions', { meetingId: minutes.meetingId });
    expect(versions).toHaveLength(20);
    expect(versions.map((v) => v.revision)).toEqual(Array.from({ length: 20 }, (_, i) => 35 - i));
  });

  it('changes the rapporteur, checks the person and records it in the history', async () => {
    const minutes = await openFor();
    const refused = await app.fail('minutes.save', {
      meetingId: minutes.meetingId,
      saveId: uuidv7(),
      baseRevision: 0,
      sections: minutes.sections,
      rapporteurPersonId: uuidv7(),
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.issues?.[0]).toMatchObject({
      path: ['rapporteurPersonId'],
      key: 'errors.field.unknownPerson',
    });
    expect(versionRows(minutes.id)).toHaveLength(0);

    await save(minutes, 0, { rapporteurPersonId: c.people.mariam.id });
    const reread = await app.call('minutes.get', { meetingId: minutes.meetingId });
    expect(reread?.rapporteur).toEqual({ id: c.people.mariam.id, label: 'Mariam Sidibé' });
    const history = await minutesHistory(minutes.id);
    expect(history[0]).toMatchObject({
      action: 'update',
      changes: { rapporteur: [null, 'Mariam Sidibé'] },
      summary: 'Rapporteur : Mariam Sidibé',
    });
    // The same rapporteur again: no new entry.
    await save(minutes, 1, { rapporteurPersonId: c.people.mariam.id });
    expect(await minutesHistory(minutes.id)).toHaveLength(2);
  });
});

describe('what is kept of a document', () => {
  it('drops images and javascript: links but keeps bold, lists, tables and safe links', async () => {
    const minutes = await openFor();
    const pasted = doc(
      p(
        text('Le '),
        text('DGPSN', [{ type: 'bold' }]),
        text(' présente '),
        text('le rapport', [{ type: 'link', attrs: { href: 'https://dgpsn.gouv.sn/rapport' } }]),
        text(' et '),
        text('ceci', [{ type: 'link', attrs: { href: 'javascript:alert(document.cookie)' } }]),
        { type: 'image', attrs: { src: 'https://tracker.example/pixel.gif' } },
      ),
      { type: 'image', attrs: { src: 'file:///C:/Users/secretariat/logo.png' } },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(text('Adoption de l’ordre du jour', [{ type: 'italic' }]))] },
        ],
      },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(text('MASM'))] },
              { type: 'tableCell', content: [p(text('4'))] },
            ],
          },
        ],
      },
      { type: 'iframe', attrs: { src: 'https://evil.example' } },
    );
    await save({ ...minutes, sections: withContent(minutes.sections, 0, pasted) }, 0);
    const content = (await app.call('minutes.get', { meetingId: minutes.meetingId }))?.sections[0]?.content;
    const json = JSON.stringify(content);
    expect(json).not.toMatch(/image|iframe|javascript|tracker|file:/);
    expect(content?.content?.map((n) => (n as { type: string }).type)).toEqual([
      'paragraph',
      'bulletList',
      'table',
    ]);
    expect(content?.content?.[0]).toEqual(
      p(
        text('Le '),
        text('DGPSN', [{ type: 'bold' }]),
        text(' présente '),
        text('le rapport', [{ type: 'link', attrs: { href: 'https://dgpsn.gouv.sn/rapport' } }]),
        text(' et '),
        text('ceci'),
      ),
    );
    expect(json).toContain('"italic"');
    expect(json).toContain('"tableCell"');
  });

  it('keeps a plain-text projection for search, and the size of each version', async () => {
    const minutes = await openFor();
    const sections = withContent(
      minutes.sections,
      0,
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Mot de bienvenue')] },
        p(text('Le président '), text('ouvre', [{ type: 'bold' }]), text(' la séance.')),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p(text('MASM'))] },
            { type: 'listItem', content: [p(text('PAM'))] },
          ],
        },
      ),
    );
    await save({ ...minutes, sections }, 0);
    const expected = 'Ouverture\nMot de bienvenue\nLe président ouvre la séance.\nMASM\nPAM\n\nClôture';
    expect(storedPlainText(minutes.meetingId)).toBe(expected);
    const [version] = await app.call('minutes.versions', { meetingId: minutes.meetingId });
    expect(version?.length).toBe(expected.length);
  });
});

describe('status', () => {
  it('goes from draft to adopted at a later session, refusing an earlier one', async () => {
    const march = await openFor('2026-03-12');
    const earlier = await createMeeting(app, c.body.id, '2025-12-11');
    const june = await createMeeting(app, c.body.id, '2026-06-11');
    const other = await app.call('bodies.create', {
      name: 'Comité de pilotage',
      acronym: 'COPIL',
      kind: 'steering_committee',
      level: 'national',
      countryCode: 'ML',
      periodicity: { kind: 'every_n_months', months: 6 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const otherBodyMeeting = await createMeeting(app, other.id, '2026-09-10');
    const transition = (input: Omit<InputOf<'minutes.transition'>, 'meetingId'>) =>
      app.call('minutes.transition', { meetingId: march.meetingId, ...input });

    expect((await transition({ action: 'submit_review' })).status).toBe('review');
    // Readers may still correct the text while it is in review.
    await save(march, 0);
    const validated = await transition({ action: 'validate', date: '2026-03-20' });
    expect(validated).toMatchObject({ status: 'validated', validatedOn: '2026-03-20', revision: 1 });

    // Validated minutes are not typed into: reopen first.
    const refusedSave = await app.fail('minutes.save', {
      meetingId: march.meetingId,
      saveId: uuidv7(),
      baseRevision: 1,
      sections: march.sections,
    });
    expect(refusedSave.code).toBe('INVALID_TRANSITION');
    expect(refusedSave.message).toContain('remettez-le en brouillon');

    // The next session lists them for adoption.
    expect(await app.call('minutes.pendingAdoption', { meetingId: june.id })).toEqual([
      {
        meeting: { id: march.meetingId, label: 'GTGPS — Ordinaire n°1 du 12 mars 2026' },
        status: 'validated',
      },
    ]);
    expect(await app.call('minutes.pendingAdoption', { meetingId: earlier.id })).toEqual([]);

    for (const adoptedAtMeetingId of [earlier.id, march.meetingId, otherBodyMeeting.id, uuidv7()]) {
      const refused = await app.fail('minutes.transition', {
        meetingId: march.meetingId,
        action: 'adopt',
        adoptedAtMeetingId,
      });
      expect(refused.code).toBe('VALIDATION');
      expect(refused.details?.issues?.[0]?.path).toEqual(['adoptedAtMeetingId']);
    }
    const missing = await app.fail('minutes.transition', { meetingId: march.meetingId, action: 'adopt' });
    expect(missing.details?.issues?.[0]).toMatchObject({
      path: ['adoptedAtMeetingId'],
      key: 'errors.field.required',
    });
    expect((await app.call('minutes.get', { meetingId: march.meetingId }))?.status).toBe('validated');

    const adopted = await transition({ action: 'adopt', adoptedAtMeetingId: june.id });
    expect(adopted).toMatchObject({
      status: 'adopted',
      adoptedOn: '2026-06-11',
      adoptedAt: { id: june.id, label: 'GTGPS — Ordinaire n°3 du 11 juin 2026' },
      validatedOn: '2026-03-20',
    });
    // The adopting session keeps its link, now adopted.
    expect(await app.call('minutes.pendingAdoption', { meetingId: june.id })).toEqual([
      { meeting: { id: march.meetingId, label: 'GTGPS — Ordinaire n°1 du 12 mars 2026' }, status: 'adopted' },
    ]);

    // Adopted is final.
    const reopen = await app.fail('minutes.transition', { meetingId: march.meetingId, action: 'reopen' });
    expect(reopen.code).toBe('INVALID_TRANSITION');
    expect((await app.fail('minutes.transition', { meetingId: march.meetingId, action: 'adopt' })).code).toBe(
      'INVALID_TRANSITION',
    );

    // Each move kept the text as a 'status' version and a history entry.
    const versions = await app.call('minutes.versions', { meetingId: march.meetingId });
    expect(versions.map((v) => [v.kind, v.status])).toEqual([
      ['status', 'adopted'],
      ['status', 'validated'],
      ['autosave', 'review'],
      ['status', 'review'],
    ]);
    const history = await minutesHistory(march.id);
    expect(history.map((h) => h.action)).toEqual(['status', 'status', 'status', 'create']);
    expect(history[0]).toMatchObject({
      changes: {
        status: ['validated', 'adopted'],
        adoptedOn: [null, '2026-06-11'],
        adoptedAt: [null, 'GTGPS — Ordinaire n°3 du 11 juin 2026'],
      },
    });
    expect(history[0]?.summary).toContain('11 juin 2026');
  });

  it('reopens validated minutes to draft, clearing the validation', async () => {
    const minutes = await openFor();
    const transition = (action: InputOf<'minutes.transition'>['action']) =>
      app.call('minutes.transition', { meetingId: minutes.meetingId, action });
    await transition('submit_review');
    expect((await transition('validate')).validatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const reopened = await transition('reopen');
    expect(reopened).toMatchObject({ status: 'draft', validatedOn: null });
    // Typing works again, on the same revision.
    expect((await save(minutes, reopened.revision)).revision).toBe(1);
    const refused = await app.fail('minutes.transition', {
      meetingId: minutes.meetingId,
      action: 'validate',
    });
    expect(refused).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Un compte rendu en brouillon ne peut pas être validé.',
    });
  });
});

describe('versions', () => {
  it('shows a version with its sections and restores it as a new revision', async () => {
    const minutes = await openFor();
    const a = withContent(minutes.sections, 0, doc(p(text('Texte A'))));
    const b = withContent(minutes.sections, 0, doc(p(text('Texte B, tout effacé par erreur'))));
    await save({ ...minutes, sections: a }, 0);
    await save({ ...minutes, sections: b }, 1);
    const versions = await app.call('minutes.versions', { meetingId: minutes.meetingId });
    const versionA = versions.find((v) => v.revision === 1);
    if (!versionA) throw new Error('no version 1');
    const shown = await app.call('minutes.version', { id: versionA.id });
    expect(shown).toMatchObject({ revision: 1, kind: 'autosave', status: 'draft' });
    expect(shown.sections).toEqual(a);

    const restored = await app.call('minutes.restoreVersion', { id: versionA.id });
    expect(restored.revision).toBe(3);
    expect(restored.sections).toEqual(a);
    expect((await app.call('minutes.versions', { meetingId: minutes.meetingId }))[0]).toMatchObject({
      kind: 'restore',
      revision: 3,
    });
    const history = await minutesHistory(minutes.id);
    expect(history[0]).toMatchObject({ action: 'update', changes: { revision: [2, 3] } });
    expect(history[0]?.summary).toMatch(/^Version 1 du .* restaurée$/);

    // The window still showing B learns that the text changed under it.
    expect(
      (
        await app.fail('minutes.save', {
          meetingId: minutes.meetingId,
          saveId: uuidv7(),
          baseRevision: 2,
          sections: b,
        })
      ).code,
    ).toBe('CONFLICT');
    expect((await app.fail('minutes.version', { id: uuidv7() })).code).toBe('NOT_FOUND');
  });

  it('does not restore into validated or adopted minutes', async () => {
    const march = await openFor('2026-03-12');
    const june = await createMeeting(app, c.body.id, '2026-06-11');
    await save(march, 0);
    const [version] = await app.call('minutes.versions', { meetingId: march.meetingId });
    if (!version) throw new Error('no version');
    const transition = (input: Omit<InputOf<'minutes.transition'>, 'meetingId'>) =>
      app.call('minutes.transition', { meetingId: march.meetingId, ...input });
    await transition({ action: 'submit_review' });
    await transition({ action: 'validate' });
    expect((await app.fail('minutes.restoreVersion', { id: version.id })).code).toBe('INVALID_TRANSITION');
    await transition({ action: 'adopt', adoptedAtMeetingId: june.id });
    const refused = await app.fail('minutes.restoreVersion', { id: version.id });
    expect(refused).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Ce compte rendu est adopté : il ne peut plus être modifié.',
    });
    expect((await app.call('minutes.get', { meetingId: march.meetingId }))?.revision).toBe(1);
  });
});

describe('working groups', () => {
  const group = (theme: string, extra: Partial<InputOf<'workingGroups.save'>['groups'][number]> = {}) => ({
    theme,
    ...extra,
  });

  it('replaces the tables in order, keeping the ids of those kept', async () => {
    const meeting = await createMeeting(app, c.body.id);
    const first = await app.call('workingGroups.save', {
      meetingId: meeting.id,
      groups: [
        group('Ciblage des ménages', {
          facilitator: 'DNPSES',
          coFacilitator: 'PAM',
          rapporteur: 'Mariam Sidibé',
          keyPoints: 'Registre social unifié à étendre.',
        }),
        group('Financement'),
      ],
    });
    expect(first).toMatchObject([
      {
        theme: 'Ciblage des ménages',
        facilitator: 'DNPSES',
        coFacilitator: 'PAM',
        rapporteur: 'Mariam Sidibé',
        keyPoints: 'Registre social unifié à étendre.',
        recommendations: '',
        plenaryAdditions: '',
      },
      { theme: 'Financement', facilitator: null },
    ]);
    const [ciblage, financement] = first;
    if (!ciblage || !financement) throw new Error('groups missing');

    const second = await app.call('workingGroups.save', {
      meetingId: meeting.id,
      groups: [
        group('Genre et inclusion'),
        { ...ciblage, plenaryAdditions: 'Ajouter les personnes handicapées.' },
      ],
    });
    expect(second.map((g) => g.theme)).toEqual(['Genre et inclusion', 'Ciblage des ménages']);
    expect(second[1]).toMatchObject({
      id: ciblage.id,
      plenaryAdditions: 'Ajouter les personnes handicapées.',
    });
    expect(await app.call('workingGroups.list', { meetingId: meeting.id })).toEqual(second);

    // An id that is not one of this meeting's groups is refused, and nothing changes.
    const elsewhere = await createMeeting(app, c.body.id, '2026-06-11');
    const [foreign] = await app.call('workingGroups.save', {
      meetingId: elsewhere.id,
      groups: [group('Autre')],
    });
    const refused = await app.fail('workingGroups.save', {
      meetingId: meeting.id,
      groups: [{ ...group('Volé'), id: foreign?.id }],
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.issues?.[0]?.path).toEqual(['groups', 0, 'id']);
    expect(await app.call('workingGroups.list', { meetingId: meeting.id })).toEqual(second);

    const history = await app.call('history.forEntity', { entityType: 'meeting', entityId: meeting.id });
    expect(history[0]).toMatchObject({
      action: 'update',
      changes: {
        workingGroups: [
          ['Ciblage des ménages', 'Financement'],
          ['Genre et inclusion', 'Ciblage des ménages'],
        ],
      },
    });
    expect(financement.id).not.toBe(second[0]?.id);
  });
});
