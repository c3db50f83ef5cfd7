import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('router', () => {
  it('refuses an unknown method and a malformed payload before any handler runs', async () => {
    const unknown = await app.backend.invoke('db.exec', { sql: 'DROP TABLE bodies' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const malformed = await app.fail('bodies.create', { name: 42, kind: 'foo' });
    expect(malformed.code).toBe('VALIDATION');
    expect(malformed.details?.issues?.map((i) => i.path[0])).toEqual(
      expect.arrayContaining(['name', 'kind']),
    );
    expect(await app.call('bodies.list', {})).toEqual([]);
  });

  it('tells open screens to refresh after a write, but not after an autosave', async () => {
    const body = await app.call('bodies.create', {
      name: 'Groupe thématique santé',
      kind: 'thematic_group',
      level: 'national',
      periodicity: { kind: 'as_needed' },
      quorumRule: { kind: 'none' },
    });
    expect(app.events.filter((e) => e.topic === 'data:changed')).toHaveLength(1);

    const meeting = await app.call('meetings.create', {
      bodyId: body.id,
      kind: 'ordinary',
      startDate: '2026-03-12',
    });
    const minutes = await app.call('minutes.open', { meetingId: meeting.id });
    const before = app.events.length;
    await app.call('minutes.save', {
      meetingId: meeting.id,
      saveId: 'save-0001-abcdef',
      baseRevision: minutes.revision,
      sections: minutes.sections,
    });
    expect(app.events.slice(before)).toEqual([]);
  });
});
