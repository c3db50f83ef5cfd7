// Reads the Electron main and preload sources and fails when a hardening rule is broken in
// code that the smoke test might not reach: a window created without secureWebPreferences, a
// weakened web preference, an IPC handler that does not start with the sender check, or
// shell.openExternal called anywhere but through the confirmed link opener. Each detector is
// also run on a bad example, so that a detector that matches nothing cannot pass unnoticed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sources(folder: string): { file: string; code: string }[] {
  const dir = join(root, folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|mts|cts)$/.test(name))
    .map((name) => ({
      file: relative(root, join(dir, name)),
      code: stripComments(readFileSync(join(dir, name), 'utf8')),
    }));
}

/** Index just past the string, template or regex-free literal starting at `start`. */
function skipString(code: string, start: number): number {
  const quote = code[start];
  let i = start + 1;
  while (i < code.length && code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Comments become spaces (strings are kept: 'app://concerto' is not a comment). */
function stripComments(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = skipString(code, i);
      out += code.slice(i, end);
      i = end;
    } else if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      i = end < 0 ? code.length : end;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The text between the parenthesis at `open` and its match (strings skipped). */
function parenthesised(code: string, open: number): string {
  let depth = 0;
  let i = open;
  while (i < code.length) {
    const c = code[i];
    if (c === "'" || c === '"' || c === '`') {
      i = skipString(code, i);
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return code.slice(open + 1, i);
    i++;
  }
  throw new Error('unbalanced parentheses');
}

/** Argument texts of every call matching `callee` (a regex ending just before the parenthesis). */
function calls(code: string, callee: RegExp): { index: number; args: string }[] {
  const found: { index: number; args: string }[] = [];
  for (const match of code.matchAll(new RegExp(`${callee.source}\\s*\\(`, 'g'))) {
    const open = match.index + match[0].length - 1;
    found.push({ index: match.index, args: parenthesised(code, open) });
  }
  return found;
}

// --- the rules -------------------------------------------------------------------------------

function windowsWithoutSecurePreferences(code: string): string[] {
  return calls(code, /new\s+BrowserWindow/)
    .filter((call) => !/webPreferences\s*:\s*secureWebPreferences\s*\(/.test(call.args))
    .map((call) => call.args.slice(0, 80));
}

const WEAKENED = [
  /\b(nodeIntegration|nodeIntegrationInSubFrames|nodeIntegrationInWorker|webviewTag|allowRunningInsecureContent|experimentalFeatures)\s*[:=]\s*true\b/g,
  /\b(contextIsolation|sandbox|webSecurity)\s*[:=]\s*false\b/g,
  /\benableBlinkFeatures\b/g,
  /['"`](--)?(no-sandbox|disable-web-security|disable-site-isolation-trials|ignore-certificate-errors)\b/g,
];

function weakenedPreferences(code: string): string[] {
  return WEAKENED.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[0]));
}

/** The handler's first statement must be `if (!fromOwnPage(event))`. */
const CHECKED_HANDLER =
  /^\s*[A-Za-z0-9_.:'"-]+\s*,\s*(async\s+)?\(\s*event\b[^)]*\)\s*(:\s*[^=]+)?=>\s*\{\s*if\s*\(\s*!fromOwnPage\(\s*event\s*\)\s*\)/;

function handlersWithoutSenderCheck(code: string): string[] {
  return calls(code, /\bipcMain\s*\.\s*(handle|handleOnce|on|once|addListener|prependListener)/)
    .filter((call) => !CHECKED_HANDLER.test(call.args))
    .map((call) => call.args.slice(0, 80));
}

/** Every shell.openExternal must sit inside the arguments of createExternalLinkOpener(…). */
function unconfirmedOpenExternal(code: string): string[] {
  const confirmed = calls(code, /\bcreateExternalLinkOpener/).map((call) => [
    call.index,
    call.index + call.args.length + 'createExternalLinkOpener()'.length,
  ]);
  const uses = [
    ...code.matchAll(
      /\bshell\s*(\.|\[\s*['"`])\s*openExternal\b|\{[^}]*\bopenExternal\b[^}]*\}\s*=\s*shell\b|import\s*\{[^}]*\bopenExternal\b/g,
    ),
  ];
  return uses
    .filter((use) => !confirmed.some(([from = 0, to = 0]) => use.index > from && use.index < to))
    .map((use) => code.slice(use.index, use.index + 60));
}

// --- applied to the code ---------------------------------------------------------------------

const main = sources('electron/main');
const all = [...main, ...sources('electron/preload')];

describe('Electron hardening, read from the sources', () => {
  test('the sources are there to read', () => {
    expect(main.map((s) => s.file)).toContain('electron/main/index.ts');
    expect(main.map((s) => s.file)).toContain('electron/main/window.ts');
  });

  test('every window is created with secureWebPreferences', () => {
    const created = main.flatMap((s) => calls(s.code, /new\s+BrowserWindow/));
    expect(created.length).toBeGreaterThan(0);
    for (const { file, code } of main) expect(windowsWithoutSecurePreferences(code), file).toEqual([]);
  });

  test('no web preference is weakened and no Chromium safety switch is turned off', () => {
    for (const { file, code } of all) expect(weakenedPreferences(code), file).toEqual([]);
  });

  test('every ipcMain handler starts with the sender check', () => {
    const handlers = main.flatMap((s) => calls(s.code, /\bipcMain\s*\.\s*(handle|on)/));
    expect(handlers.length).toBeGreaterThanOrEqual(5);
    for (const { file, code } of main) expect(handlersWithoutSenderCheck(code), file).toEqual([]);
  });

  test('shell.openExternal is reached only through the confirmed link opener', () => {
    const uses = main.flatMap((s) => [...s.code.matchAll(/\bshell\.openExternal\b/g)]);
    expect(uses).toHaveLength(1);
    for (const { file, code } of all) expect(unconfirmedOpenExternal(code), file).toEqual([]);
  });

  test('the policy modules never load Electron at run time (they are unit-tested in Node)', () => {
    for (const name of ['policy', 'external-links', 'updates', 'quit', 'data-dir', 'backend-process']) {
      const source = main.find((s) => s.file === `electron/main/${name}.ts`);
      expect(source, name).toBeDefined();
      expect(source?.code, name).not.toMatch(
        /import\s+(?!type\b)[^;]*from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/,
      );
    }
  });
});

describe('the detectors catch what they are meant to catch', () => {
  test('a window without secureWebPreferences', () => {
    expect(
      windowsWithoutSecurePreferences("new BrowserWindow({ webPreferences: { preload: 'x' } })"),
    ).toHaveLength(1);
    expect(windowsWithoutSecurePreferences('new BrowserWindow({ width: 1 })')).toHaveLength(1);
    expect(
      windowsWithoutSecurePreferences('new BrowserWindow({ webPreferences: secureWebPreferences(p, true) })'),
    ).toEqual([]);
  });

  test('weakened preferences and switches', () => {
    expect(weakenedPreferences('nodeIntegration: true, contextIsolation: false')).toHaveLength(2);
    expect(weakenedPreferences('prefs.sandbox = false; webviewTag:true')).toHaveLength(2);
    expect(weakenedPreferences("app.commandLine.appendSwitch('no-sandbox')")).toHaveLength(1);
    expect(weakenedPreferences('nodeIntegration: false, sandbox: true')).toEqual([]);
  });

  test('handlers without the check first', () => {
    expect(handlersWithoutSenderCheck("ipcMain.handle('x', () => 1)")).toHaveLength(1);
    expect(handlersWithoutSenderCheck("ipcMain.handle('x', handler)")).toHaveLength(1);
    expect(handlersWithoutSenderCheck("ipcMain.on('x', (event) => { event.returnValue = 1; })")).toHaveLength(
      1,
    );
    expect(
      handlersWithoutSenderCheck(
        "ipcMain.handle('x', async (event) => { work(); if (!fromOwnPage(event)) return null; })",
      ),
    ).toHaveLength(1);
    expect(handlersWithoutSenderCheck("ipcMain.once('x', (event) => { })")).toHaveLength(1);
    expect(
      handlersWithoutSenderCheck(
        'ipcMain.handle(CHANNEL, async (event, id: unknown): Promise<R> => {\n  if (!fromOwnPage(event)) return null;\n})',
      ),
    ).toEqual([]);
  });

  test('openExternal outside the opener', () => {
    expect(
      unconfirmedOpenExternal(
        "contents.setWindowOpenHandler(({ url }) => { void shell.openExternal(url); return { action: 'deny' }; })",
      ),
    ).toHaveLength(1);
    expect(unconfirmedOpenExternal("const { openExternal } = shell; openExternal('x')")).toHaveLength(1);
    expect(unconfirmedOpenExternal("shell['openExternal'](url)")).toHaveLength(1);
    expect(unconfirmedOpenExternal("import { openExternal } from 'somewhere';")).toHaveLength(1);
    expect(
      unconfirmedOpenExternal(
        'const open = createExternalLinkOpener({ confirm, openExternal: (u) => shell.openExternal(u) });',
      ),
    ).toEqual([]);
  });

  test('comments are not code, strings are', () => {
    expect(
      weakenedPreferences(stripComments('// nodeIntegration: true\nconst a = 1; /* sandbox: false */')),
    ).toEqual([]);
    expect(stripComments("const u = 'app://concerto/'; // x")).toContain("'app://concerto/'");
  });
});
