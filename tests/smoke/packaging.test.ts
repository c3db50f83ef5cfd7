// Packaging check: electron-builder.yml applied for real (linux `dir` target) around a stand-in
// Electron, since Electron's own binaries cannot be downloaded here. See scripts/check-packaging.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

interface PackagingReport {
  electronVersion: string;
  executable: string | null;
  asarEntries: string[];
  unpackedEntries: string[];
  resourcesEntries: string[];
  fuses: Record<string, boolean | string>;
  appUpdate: { provider?: string; url?: string } | null;
  networkAttempts: string[];
  problems: string[];
}

let work: string;
let report: PackagingReport;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'concerto-packaging-test-'));
  const reportFile = join(work, 'report.json');
  try {
    // Builds out/ first when it is missing; exits 1 when it finds a problem (the report says which).
    execFileSync(process.execPath, [join(root, 'scripts', 'check-packaging.mjs'), '--report', reportFile], {
      cwd: root,
      // The stand-in address the check also uses by default; set here so that a release
      // machine's own CONCERTO_UPDATE_URL cannot change what this test expects.
      env: { ...process.env, CONCERTO_UPDATE_URL: 'https://mises-a-jour.invalid/concerto' },
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (error) {
    if (!existsSync(reportFile)) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`check-packaging could not run:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
    }
  }
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as PackagingReport;
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder.yml, packed for linux into a folder', () => {
  test('finds no problem and never touches the network', () => {
    expect(report.problems).toEqual([]);
    expect(report.networkAttempts).toEqual([]);
    expect(report.executable).toBe('concerto');
  });

  test('app.asar holds the built app and its manifest', () => {
    for (const entry of [
      'package.json',
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ]) {
      expect(report.asarEntries).toContain(entry);
    }
  });

  test('app.asar holds no sources, tests or development tools', () => {
    const sourceFolders = /^(renderer|electron|shared|tests|scripts|bench|src)\//;
    expect(report.asarEntries.filter((entry) => sourceFolders.test(entry))).toEqual([]);
    expect(report.asarEntries.filter((entry) => /\.(tsx?|mts|cts)$/.test(entry))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const packages = new Set(
      report.asarEntries
        .filter((entry) => entry.startsWith('node_modules/'))
        .map((entry) => {
          const [, first, second] = entry.split('/');
          return first?.startsWith('@') ? `${first}/${second}` : first;
        }),
    );
    for (const tool of ['electron', 'typescript', 'vite', 'vitest', 'electron-builder', '@biomejs/biome']) {
      expect(packages.has(tool), tool).toBe(false);
    }
    // The renderer's libraries are bundled into out/renderer; none should ship as a package.
    expect(Object.keys(manifest.devDependencies).filter((name) => packages.has(name))).toEqual([]);
    expect(packages.has('better-sqlite3')).toBe(true);
  });

  test("better-sqlite3's native binary sits outside the archive, where it can be loaded", () => {
    expect(report.unpackedEntries).toContain(`node_modules/better-sqlite3/prebuilds/linux-x64.node`);
  });

  test('the Electron fuses are flipped in the packed executable as the security checklist asks', () => {
    // Read back from the executable electron-builder wrote (the stand-in starts at Electron's
    // defaults, which differ from every value below, so an unflipped wire fails).
    expect(report.fuses).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  test('the packed app knows where to look for updates, from CONCERTO_UPDATE_URL', () => {
    expect(report.appUpdate).toMatchObject({
      provider: 'generic',
      url: 'https://mises-a-jour.invalid/concerto',
    });
    expect(report.asarEntries).toContain('node_modules/electron-updater/package.json');
    const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    // No update host is written in the configuration itself.
    expect(config).toMatch(/url: "\$\{env\.CONCERTO_UPDATE_URL\}"/);
    expect(config).not.toMatch(/url: "?https?:/);
  });

  test('reference data is copied to resources/resources', () => {
    const territories = join(root, 'resources', 'territories');
    if (!existsSync(territories)) return;
    const expected = readdirSync(territories).map((name) => `territories/${name}`);
    for (const file of expected) expect(report.resourcesEntries).toContain(file);
  });
});
