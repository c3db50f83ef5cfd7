// `npm test`: every check the project has, in the order that fails fastest, then one closing
// line "N passed, N failed" that sums the test runners.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Outside test-results/: Playwright empties that folder when it starts.
const reports = join(process.cwd(), '.tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ['Lint (Biome)', 'npx', ['biome', 'ci', '.']],
  ['Types (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['Build (electron-vite)', 'npx', ['electron-vite', 'build']],
  [
    'Unit, integration, renderer, Electron smoke and packaging tests (Vitest)',
    'npx',
    [
      'vitest',
      'run',
      '--project',
      'unit',
      '--project',
      'integration',
      '--project',
      'renderer',
      '--project',
      'smoke',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(reports, 'vitest.json')}`,
    ],
  ],
  ['End-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test']],
];

let failedStep = null;
for (const [title, command, args] of steps) {
  console.log(`\n━━ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  console.log(
    `━━ ${title}: ${result.status === 0 ? 'OK' : 'ÉCHEC'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (result.status !== 0) {
    failedStep = title;
    break;
  }
}

let passed = 0;
let failed = 0;
const vitest = join(reports, 'vitest.json');
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}
const playwright = join(reports, 'playwright.json');
if (existsSync(playwright)) {
  const stats = JSON.parse(readFileSync(playwright, 'utf8')).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
}
if (failedStep) {
  console.log(`\nÉchec à l’étape : ${failedStep}`);
  if (failed === 0) failed = 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedStep || failed > 0 ? 1 : 0);
