// A full disk during an ordinary write, without a real full disk: SQLite is told the database
// may not grow beyond its current size (PRAGMA max_page_count), so it answers SQLITE_FULL exactly
// as it does when the disk has no room left. The router must say so in French with DISK_FULL,
// naming Concerto's folder, write nothing, and the same call must work once there is room again.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppErrorPayload } from '../../shared/errors';
import { startTestApp, type TestApp } from './harness';

/** SQLite's own ceiling (max_page_count's default): "room again". */
const NO_LIMIT = 4_294_967_294;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());
afterEach(() => {
  app.backend.context.sqlite.pragma(`max_page_count = ${NO_LIMIT}`);
  vi.restoreAllMocks();
});

const names = async () => (await app.call('organisations.list', {})).map((o) => o.name).sort();

describe('a full disk during an ordinary write', () => {
  it('is refused with DISK_FULL naming the folder, writes nothing, and works once there is room', async () => {
    const sqlite = app.backend.context.sqlite;
    const errors = vi.spyOn(console, 'error');
    sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true }))}`);

    // Creations go on while the database's pages still have room; the first one that needs one
    // more page is the one the full disk refuses.
    let refused: { error: AppErrorPayload; name: string; before: string[] } | null = null;
    for (let i = 0; i < 500 && !refused; i++) {
      const before = await names();
      const name = `Organisation ${i} — bureau régional de Mopti`;
      const envelope = await app.backend.invoke('organisations.create', { name, kind: 'national_ngo' });
      if (!envelope.ok) refused = { error: envelope.error, name, before };
    }
    if (!refused) throw new Error('the database never ran out of room');

    expect(refused.error.code).toBe('DISK_FULL');
    expect(refused.error.message).toContain(`Le disque du dossier de Concerto (${app.dataDir}) est plein`);
    expect(refused.error.message).toContain('Rien n’a été modifié.');
    expect(await names()).toEqual(refused.before);
    expect(errors).not.toHaveBeenCalledWith(
      expect.stringContaining('organisations.create failed'),
      expect.anything(),
    );
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    sqlite.pragma(`max_page_count = ${NO_LIMIT}`);
    const made = await app.call('organisations.create', { name: refused.name, kind: 'national_ngo' });
    expect((await app.call('organisations.get', { id: made.id })).name).toBe(refused.name);
    expect(await names()).toEqual([...refused.before, refused.name].sort());
  });
});
