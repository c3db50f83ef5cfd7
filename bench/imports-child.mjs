// The 3W import of imports.bench.ts in a process of its own, as the application runs it: a
// plain Node process that loads only the backend (the Electron utility process is one too),
// not vitest with its workers and transformed modules. It goes through the router as the
// screen does (stageUpload → analyse → preview → commit) and prints one line of JSON: the time
// and peak RSS of each phase, the RSS before the import, and the kernel's high-water mark for
// the whole process (Linux).
//
// <backend> is the backend bundled as the application ships it (imports.bench.ts bundles it
// with the spreadsheet worker beside it), or electron/backend/host.ts run from source with
// --experimental-transform-types, whose TypeScript compiler alone weighs ~150 MB of RSS.
// Usage: node imports-child.mjs <backend> <dataDir> <resourcesDir> <file.xlsx> <organisations>
// <rows>.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import '../tests/integration/fixtures/typescriptSources.mjs';

const [backendModule, dataDir, resourcesDir, file, organisations, rows] = process.argv.slice(2);
const mb = (bytes) => Math.round(bytes / (1024 * 1024));

/**
 * The kernel's high-water mark of this process's memory: catches a peak between two samples.
 * Linux's VmHWM, not process.resourceUsage().maxRSS: that one survives exec, so a process
 * started by a large one (vitest) would report its parent's size.
 */
function highWaterMark() {
  if (!existsSync('/proc/self/status')) return null;
  const line = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return line ? Number(line[1]) * 1024 : null;
}
const rssAtStart = process.memoryUsage.rss();

const { startBackend } = await import(pathToFileURL(resolve(backendModule)).href);
const backend = await startBackend({ dataDir, resourcesDir, appVersion: 'bench', backupSchedule: false });
const invoke = async (method, input) => {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
};
await invoke('settings.update', { countryCode: 'ML', userName: 'Banc d’essai' });
for (let o = 0; o < Number(organisations); o++) {
  await invoke('organisations.create', {
    name: `Organisation partenaire ${o}`,
    acronym: `ORG${o}`,
    kind: o % 3 === 0 ? 'national_ngo' : 'international_ngo',
  });
}
const bytes = readFileSync(file);
const data = bytes.toString('base64');
const rssBefore = process.memoryUsage.rss();
const highWaterBefore = highWaterMark();

let peak = rssBefore;
let phasePeak = rssBefore;
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peak) peak = rss;
  if (rss > phasePeak) phasePeak = rss;
};
const sampler = setInterval(sample, 10);
const phases = {};
const time = async (name, fn) => {
  phasePeak = process.memoryUsage.rss();
  const started = performance.now();
  const value = await fn();
  sample();
  const heap = process.memoryUsage();
  phases[name] = {
    ms: Math.round(performance.now() - started),
    peakRssMb: mb(phasePeak),
    endRssMb: mb(heap.rss),
    highWaterMb: mb(highWaterMark() ?? phasePeak),
    // What stays after the phase: the main thread's heap and the memory outside it.
    heapUsedMb: mb(heap.heapUsed),
    externalMb: mb(heap.external),
  };
  return value;
};

const started = performance.now();
const staged = await time('stage', () =>
  invoke('imports.stageUpload', { fileName: basename(file), data, source: 'usb' }),
);
await time('analyse (parse)', () => invoke('imports.analyse', { stagedId: staged.id }));
await time('preview', () => invoke('imports.preview', { stagedId: staged.id }));
const batch = await time('commit', () => invoke('imports.commit', { stagedId: staged.id }));
const totalMs = Math.round(performance.now() - started);
clearInterval(sampler);
sample();
if (batch.counts.create !== Number(rows)) {
  throw new Error(`expected ${rows} interventions, got ${JSON.stringify(batch.counts)}`);
}
// Read before closing: closing checkpoints the write-ahead log, which is not the import.
const highWater = highWaterMark() ?? peak;
await backend.close();

console.log(
  JSON.stringify({
    totalMs,
    rssAtStartMb: mb(rssAtStart),
    rssBeforeImportMb: mb(rssBefore),
    highWaterBeforeImportMb: mb(highWaterBefore ?? rssBefore),
    peakRssMb: mb(peak),
    highWaterMb: mb(highWater),
    phases,
  }),
);
