import { describe, expect, it } from 'vitest';
import { backupsToDelete, type RetainedCandidate } from '../../electron/backend/features/backups/retention';

// The retention of backups as a table: which of a folder's backups a pass deletes.

const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;

/** A backup `daysAgo` days (and `hour` hours into that day) before NOW. */
function at(daysAgo: number, hour = 9, reason: RetainedCandidate['reason'] = 'periodic'): RetainedCandidate {
  const date = new Date(Date.UTC(2026, 10, 23 - daysAgo, hour));
  return { id: `${date.toISOString()}_${reason}`, reason, createdAt: date.toISOString() };
}

/** One backup every `everyHours` hours over the last `days` days. */
function series(days: number, everyHours: number): RetainedCandidate[] {
  const out: RetainedCandidate[] = [];
  for (let t = NOW.getTime() - days * DAY; t <= NOW.getTime(); t += everyHours * 3_600_000) {
    const createdAt = new Date(t).toISOString();
    out.push({ id: `${createdAt}_periodic`, reason: 'periodic', createdAt });
  }
  return out;
}

const kept = (all: RetainedCandidate[], justMade?: string) => {
  const doomed = new Set(backupsToDelete(all, NOW, justMade));
  return all.filter((b) => !doomed.has(b.id));
};

describe('backup retention', () => {
  it.each([
    {
      name: 'nothing to delete under ten backups',
      backups: Array.from({ length: 9 }, (_, k) => at(0, k)),
      kept: 9,
    },
    {
      name: 'ten backups of one day: all kept',
      backups: Array.from({ length: 10 }, (_, k) => at(0, k)),
      kept: 10,
    },
    {
      name: 'twelve of today: the ten newest only (the day is covered by the newest)',
      backups: Array.from({ length: 12 }, (_, k) => at(0, k)),
      kept: 10,
    },
    {
      // 6 a day for 30 days: the last 10 (they reach back to the 21st), the newest of the
      // 17th–20th for the week, and the newest of October for the months.
      name: 'a month of backups every 4 hours',
      backups: series(30, 4),
      kept: 10 + 4 + 1,
    },
    {
      name: 'two years of one backup a day: 10 + the 12 months',
      backups: series(730, 24),
      // The last 10 days hold this month's newest; 11 earlier months add one each.
      kept: 10 + 11,
    },
  ])('$name', ({ backups, kept: expected }) => {
    expect(kept(backups)).toHaveLength(expected);
  });

  it('keeps the newest backup of each of the last seven days beyond the last ten', () => {
    const backups = [
      ...Array.from({ length: 10 }, (_, k) => at(0, k + 1)),
      at(3, 8),
      at(3, 20),
      at(6, 7),
      at(8, 7),
    ];
    const ids = kept(backups).map((b) => b.id);
    expect(ids).toContain(at(3, 20).id);
    expect(ids).not.toContain(at(3, 8).id);
    expect(ids).toContain(at(6, 7).id);
    // Eight days ago is outside the week, and today's newest already stands for November.
    expect(ids).not.toContain(at(8, 7).id);
  });

  it('keeps the newest of each of the last twelve months, not the thirteenth', () => {
    const month = (monthsAgo: number, day: number) => {
      const date = new Date(Date.UTC(2026, 10 - monthsAgo, day, 12));
      return { id: `${date.toISOString()}_daily`, reason: 'daily' as const, createdAt: date.toISOString() };
    };
    const today = Array.from({ length: 10 }, (_, k) => at(0, k));
    const backups = [...today, month(3, 2), month(3, 20), month(11, 5), month(12, 28)];
    const ids = kept(backups).map((b) => b.id);
    expect(ids).toContain(month(3, 20).id);
    expect(ids).not.toContain(month(3, 2).id);
    expect(ids).toContain(month(11, 5).id);
    expect(ids).not.toContain(month(12, 28).id);
  });

  it('always keeps the newest before-restore backup, however old', () => {
    const old = at(400, 9, 'before-restore');
    const older = at(500, 9, 'before-restore');
    const backups = [...Array.from({ length: 10 }, (_, k) => at(0, k)), old, older];
    const ids = kept(backups).map((b) => b.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(older.id);
  });

  it('never deletes the backup just made, even when it is the oldest by its date', () => {
    const odd = at(900, 9, 'manual');
    const backups = [...Array.from({ length: 10 }, (_, k) => at(0, k)), odd];
    expect(backupsToDelete(backups, NOW)).toEqual([odd.id]);
    expect(backupsToDelete(backups, NOW, odd.id)).toEqual([]);
  });
});
