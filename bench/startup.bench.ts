import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, it } from 'vitest';
import { quickCheck } from '../electron/backend/features/safety/check';
import { DATABASE_FILE, startBackend } from '../electron/backend/host';
import { report } from './measure';

// issue 7 target: the start-up check ≤ 1 s on a 200 MB database. Measured on the database
// bench/backup.bench.ts builds and keeps in the system's temporary folder (run it first): the
// start itself (until `ready`, the check then running in a worker), the background check, and
// quick_check alone on the calling thread for comparison.
const ROOT = resolve(import.meta.dirname, '..');
const dataDir = join(tmpdir(), 'concerto-bench-200mo');
const path = join(dataDir, DATABASE_FILE);

beforeAll(() => {
  if (!existsSync(path)) throw new Error(`${path} is missing: run bench/backup.bench.ts first`);
});

const options = {
  dataDir,
  resourcesDir: join(ROOT, 'resources'),
  appVersion: 'bench',
  backupSchedule: false,
} as const;

it('start-up check of a 200 MB database', async () => {
  const size = Math.round(statSync(path).size / 1024 / 1024);
  const starts: number[] = [];
  const checks: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const backend = await startBackend(options);
    starts.push(performance.now() - started);
    const answered = await backend.invoke('system.ping', {});
    if (!answered.ok) throw new Error('no answer');
    while (backend.context.safety.check.state === 'pending') await new Promise((r) => setTimeout(r, 5));
    if (backend.context.safety.check.state !== 'ok') throw new Error('the check failed');
    checks.push(performance.now() - started);
    await backend.close();
  }
  // The same check before `ready` (how a small database is checked), and quick_check alone.
  const blocking: number[] = [];
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    const backend = await startBackend({ ...options, backgroundCheckAboveBytes: Number.POSITIVE_INFINITY });
    blocking.push(performance.now() - started);
    await backend.close();
  }
  const db = new BetterSqlite3(path, { readonly: true });
  const alone: number[] = [];
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    if (quickCheck(db) !== 'ok') throw new Error('damaged');
    alone.push(performance.now() - started);
  }
  db.close();
  console.log(`base de ${size} Mo`);
  report('startup', [
    {
      name: `démarrage jusqu’à « prêt » (${size} Mo, vérification en arrière-plan)`,
      targetMs: 1000,
      samples: starts,
    },
    {
      name: 'démarrage + vérification terminée (quick_check dans un worker)',
      targetMs: 1000,
      samples: checks,
    },
    { name: 'démarrage avec la vérification avant « prêt »', targetMs: 1000, samples: blocking },
    { name: 'quick_check seul (même thread)', targetMs: 1000, samples: alone },
  ]);
});
