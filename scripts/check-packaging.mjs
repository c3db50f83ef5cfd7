#!/usr/bin/env node
// Offline check of electron-builder.yml. Real installers need Electron downloads this machine
// cannot make, so electron-builder packs the linux `dir` target around a stand-in Electron
// folder (a fake `electron` executable and the few files a release zip holds), and the result
// is inspected: what went into app.asar, what stayed unpacked, which resources were copied.
//
// Fuses: the stand-in executable carries a fuse wire laid out as in Electron's binary (the
// sentinel, version 1, eight fuses at Electron's defaults), so electron-builder really flips it
// from `electronFuses` with @electron/fuses, and the check reads every fuse back from the packed
// executable. What this cannot prove is that a real Electron binary honours them (Electron's
// own tests do) or the Windows/macOS asar integrity hash (only written for those targets).
// Updates: CONCERTO_UPDATE_URL is set to a stand-in address (unless already set) so that the
// `publish` macro expands, and the check reads resources/app-update.yml back.
//
// Usage: node scripts/check-packaging.mjs [--report <file.json>] [--keep] [--no-build]
// Exits 1 when a problem is found, 2 when the check cannot run (e.g. the build fails).
// Any network access from this process is refused.
import { execFileSync } from 'node:child_process';
import dns from 'node:dns';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Built files the packaged app cannot start without. */
export const REQUIRED_BUILD = [
  'out/main/index.js',
  'out/main/backend.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];

/** Fuses as electron-builder.yml must leave them in the packed executable (@electron/fuses names). */
export const EXPECTED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

/** Reserved top-level domain (RFC 2606): nothing is ever fetched from it. */
export const STAND_IN_UPDATE_URL = 'https://mises-a-jour.invalid/concerto';

/** The fuse wire of an unflipped Electron 45: wire version 1, eight fuses, '1' on / '0' off. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_FUSE_STATES = '10110001';

/** Top-level entries allowed in app.asar: the bundles, the manifest, production dependencies. */
const ALLOWED_TOP_LEVEL = new Set(['out', 'package.json', 'node_modules']);

export const networkAttempts = [];

/** Makes any outgoing connection of this process fail loudly, and remembers it. */
export function forbidNetwork() {
  const refuse = (what) => {
    networkAttempts.push(what);
    throw new Error(`check-packaging: network access refused (${what})`);
  };
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const [first] = args;
    // Local IPC (pipes, unix sockets) stays allowed: only TCP to a host is refused.
    const options = typeof first === 'object' && first !== null && !Array.isArray(first) ? first : null;
    if (options?.path || (typeof first === 'string' && Number.isNaN(Number(first)))) {
      return connect.apply(this, args);
    }
    return refuse(
      `connect ${JSON.stringify(options ? { host: options.host, port: options.port } : args.slice(0, 2))}`,
    );
  };
  dns.lookup = (hostname) => refuse(`dns ${hostname}`);
  dns.promises.lookup = async (hostname) => refuse(`dns ${hostname}`);
  globalThis.fetch = async (input) => refuse(`fetch ${String(input)}`);
}

function ensureBuild(projectDir, allowBuild) {
  const missing = REQUIRED_BUILD.filter((file) => !existsSync(join(projectDir, file)));
  if (missing.length === 0) return;
  if (!allowBuild) throw new Error(`Build missing (${missing.join(', ')}): run "npm run build" first.`);
  console.log(`check-packaging: building (missing ${missing.join(', ')})`);
  const cli = join(projectDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  try {
    execFileSync(process.execPath, [cli, 'build'], { cwd: projectDir, stdio: 'inherit' });
  } catch {
    throw new Error('"electron-vite build" failed (its output is above): the app cannot be packaged.');
  }
  const still = REQUIRED_BUILD.filter((file) => !existsSync(join(projectDir, file)));
  if (still.length > 0) throw new Error(`Build did not produce ${still.join(', ')}`);
}

/**
 * An unpacked linux-x64 Electron release, minus Chromium: electron-builder copies this folder
 * as the application skeleton and renames `electron` to the product's executable name.
 */
function createStandInElectron(folder, electronVersion, projectDir) {
  mkdirSync(join(folder, 'resources'), { recursive: true });
  mkdirSync(join(folder, 'locales'), { recursive: true });
  const script = '#!/bin/sh\necho "stand-in Electron: not runnable"\nexit 1\n# ';
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, DEFAULT_FUSE_STATES.length]),
    Buffer.from(DEFAULT_FUSE_STATES, 'ascii'),
  ]);
  writeFileSync(join(folder, 'electron'), Buffer.concat([Buffer.from(script), wire, Buffer.from('\n')]));
  chmodSync(join(folder, 'electron'), 0o755);
  writeFileSync(join(folder, 'version'), electronVersion);
  copyFileSync(join(projectDir, 'node_modules', 'electron', 'LICENSE'), join(folder, 'LICENSE'));
  writeFileSync(join(folder, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>');
  for (const locale of ['en-US', 'fr']) writeFileSync(join(folder, 'locales', `${locale}.pak`), '');
}

function listFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Package names reachable from the manifest's dependencies (what production needs). */
function productionClosure(projectDir) {
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));
  const seen = new Set();
  const queue = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
  while (queue.length > 0) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    seen.add(name);
    const manifestPath = join(projectDir, 'node_modules', name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const dependency = JSON.parse(readFileSync(manifestPath, 'utf8'));
    queue.push(...Object.keys({ ...dependency.dependencies, ...dependency.optionalDependencies }));
  }
  return { seen, devDependencies: Object.keys(manifest.devDependencies ?? {}) };
}

/** The package name of a node_modules path: "node_modules/@scope/name/…" → "@scope/name". */
function packageOf(path) {
  const parts = path.split('/');
  const index = parts.lastIndexOf('node_modules');
  if (index < 0) return null;
  const first = parts[index + 1];
  return first?.startsWith('@') ? `${first}/${parts[index + 2]}` : (first ?? null);
}

export async function checkPackaging({ projectDir = repoRoot, keep = false, allowBuild = true } = {}) {
  forbidNetwork();
  ensureBuild(projectDir, allowBuild);
  process.env.CONCERTO_UPDATE_URL ??= STAND_IN_UPDATE_URL;
  const require = createRequire(join(projectDir, 'package.json'));
  const asar = require('@electron/asar');
  const yaml = require('js-yaml');
  // The @electron/fuses electron-builder itself flips the fuses with.
  const fuses = createRequire(require.resolve('app-builder-lib'))('@electron/fuses');
  const { build, Platform, Arch } = require('electron-builder');

  const electronVersion = JSON.parse(
    readFileSync(join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const work = mkdtempSync(join(tmpdir(), 'concerto-packaging-'));
  const electronDist = join(work, 'electron-dist');
  const output = join(work, 'dist');
  createStandInElectron(electronDist, electronVersion, projectDir);

  // electron-builder reads electron-builder.yml itself (and validates it against its schema);
  // these overrides are deep-merged over it. Passing the parsed file as well would duplicate
  // its arrays (deepAssign concatenates them), so only the overrides go here.
  const config = {
    extends: join(projectDir, 'electron-builder.yml'),
    electronDist,
    electronVersion,
    directories: { output },
    npmRebuild: false,
  };

  const problems = [];
  const started = Date.now();
  try {
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config,
      publish: 'never',
    });
  } catch (error) {
    problems.push(`electron-builder failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const buildSeconds = (Date.now() - started) / 1000;

  const appOutDir = join(output, 'linux-unpacked');
  const asarPath = join(appOutDir, 'resources', 'app.asar');
  const asarEntries = existsSync(asarPath)
    ? asar
        .listPackage(asarPath, { isPack: false })
        .map((entry) => entry.split(sep).join('/').replace(/^\//, ''))
        .filter((entry) => {
          try {
            return !('files' in asar.statFile(asarPath, entry, false));
          } catch {
            return false;
          }
        })
    : [];
  const unpackedEntries = listFiles(join(appOutDir, 'resources', 'app.asar.unpacked'));
  const resourcesEntries = listFiles(join(appOutDir, 'resources', 'resources'));
  // electron-builder names the Linux executable after productName, lower-cased.
  const executable = existsSync(join(appOutDir, 'concerto')) ? 'concerto' : null;

  if (!executable) problems.push('the executable "concerto" is missing');
  if (!existsSync(asarPath)) problems.push('resources/app.asar is missing');
  else {
    for (const required of ['package.json', ...REQUIRED_BUILD]) {
      if (!asarEntries.includes(required)) problems.push(`app.asar lacks ${required}`);
    }
    const strayTopLevel = [...new Set(asarEntries.map((entry) => entry.split('/')[0]))].filter(
      (name) => !ALLOWED_TOP_LEVEL.has(name),
    );
    if (strayTopLevel.length > 0)
      problems.push(`app.asar holds source or tooling: ${strayTopLevel.join(', ')}`);
    const sources = asarEntries.filter(
      (entry) => !entry.startsWith('node_modules/') && /\.(tsx?|mts|cts)$/.test(entry),
    );
    if (sources.length > 0)
      problems.push(`app.asar holds TypeScript sources: ${sources.slice(0, 5).join(', ')}`);
    const { seen, devDependencies } = productionClosure(projectDir);
    const packaged = new Set([...asarEntries, ...unpackedEntries].map(packageOf).filter(Boolean));
    const dev = devDependencies.filter((name) => !seen.has(name) && packaged.has(name));
    if (dev.length > 0) problems.push(`app.asar holds devDependencies: ${dev.join(', ')}`);
    const foreign = [...packaged].filter((name) => !seen.has(name));
    if (foreign.length > 0)
      problems.push(`app.asar holds packages outside the production closure: ${foreign.join(', ')}`);
  }
  if (
    !unpackedEntries.some(
      (entry) => entry.startsWith('node_modules/better-sqlite3/') && entry.endsWith('.node'),
    )
  ) {
    problems.push('better-sqlite3 native binary is not in app.asar.unpacked');
  }
  if (existsSync(join(projectDir, 'resources', 'territories'))) {
    const expected = listFiles(join(projectDir, 'resources', 'territories'));
    const copied = resourcesEntries.filter((entry) => entry.startsWith('territories/'));
    if (copied.length === 0) problems.push('resources/resources/territories is missing');
    else if (copied.length !== expected.length) {
      problems.push(
        `resources/resources/territories has ${copied.length} files, expected ${expected.length}`,
      );
    }
  }
  const fuseStates = {};
  if (executable) {
    try {
      const wire = await fuses.getCurrentFuseWire(join(appOutDir, executable));
      for (const [index, name] of Object.entries(fuses.FuseV1Options)) {
        if (typeof name !== 'string' || wire[index] === undefined) continue;
        // @electron/fuses's FuseState: '1' enabled, '0' disabled ('r' removed).
        const state = String.fromCharCode(wire[index]);
        fuseStates[name] = state === '1' ? true : state === '0' ? false : `state ${state}`;
      }
    } catch (error) {
      problems.push(`the fuses cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const [name, expected] of Object.entries(EXPECTED_FUSES)) {
      if (fuseStates[name] !== expected) {
        problems.push(`fuse ${name} is ${fuseStates[name] ?? 'missing'}, expected ${expected}`);
      }
    }
  }
  const appUpdatePath = join(appOutDir, 'resources', 'app-update.yml');
  const appUpdate = existsSync(appUpdatePath) ? yaml.load(readFileSync(appUpdatePath, 'utf8')) : null;
  if (!appUpdate)
    problems.push('resources/app-update.yml is missing: electron-updater would not know where to look');
  else {
    if (appUpdate.provider !== 'generic') problems.push(`app-update.yml provider is ${appUpdate.provider}`);
    if (appUpdate.url !== process.env.CONCERTO_UPDATE_URL) {
      problems.push(`app-update.yml url is ${appUpdate.url}, expected CONCERTO_UPDATE_URL`);
    }
  }
  if (networkAttempts.length > 0) problems.push(`network access attempted: ${networkAttempts.join('; ')}`);

  const report = {
    electronVersion,
    buildSeconds,
    workDir: keep ? work : null,
    executable,
    asarEntries,
    unpackedEntries,
    resourcesEntries,
    fuses: fuseStates,
    appUpdate,
    networkAttempts,
    problems,
  };
  if (!keep) rmSync(work, { recursive: true, force: true });
  return report;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const reportIndex = args.indexOf('--report');
  const reportFile = reportIndex >= 0 ? args[reportIndex + 1] : null;
  let report;
  try {
    report = await checkPackaging({
      keep: args.includes('--keep'),
      allowBuild: !args.includes('--no-build'),
    });
  } catch (error) {
    console.error(`check-packaging: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (reportFile) writeFileSync(reportFile, JSON.stringify(report, null, 2));
  console.log(
    `check-packaging: ${report.asarEntries.length} files in app.asar, ${report.unpackedEntries.length} unpacked, ` +
      `${report.resourcesEntries.length} resources (${report.buildSeconds.toFixed(1)} s)`,
  );
  if (report.workDir) console.log(`check-packaging: output kept in ${report.workDir}`);
  for (const problem of report.problems) console.error(`check-packaging: PROBLEM ${problem}`);
  process.exit(report.problems.length > 0 ? 1 : 0);
}
