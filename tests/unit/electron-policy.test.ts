// The Electron shell's security decisions (electron/main/policy.ts, external-links.ts), table by
// table: what a hostile page or link would try, and what Concerto answers.
import { describe, expect, test } from 'vitest';
import { createExternalLinkOpener } from '../../electron/main/external-links';
import {
  CONTENT_SECURITY_POLICY,
  externalLink,
  isTrustedSender,
  MAX_EXTERNAL_URL_LENGTH,
  navigationAllowed,
  parseDevServerUrl,
  permissionAllowed,
  secureWebPreferences,
  windowOpenDecision,
} from '../../electron/main/policy';

const DEV = 'http://localhost:5173/';

describe('secureWebPreferences', () => {
  test.each([
    [true, false],
    [false, true],
  ])('packaged %s: locked down, developer tools %s', (isPackaged, devTools) => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', isPackaged)).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools,
    });
  });
});

describe('parseDevServerUrl', () => {
  test.each([
    ['http://localhost:5173', false, 'http://localhost:5173/'],
    ['http://localhost:5173', true, null],
    [undefined, false, null],
    ['', false, null],
    ['not a url', false, null],
    ['file:///home/x/index.html', false, null],
    ['app://concerto/', false, null],
  ])('%s (packaged %s) → %s', (value, isPackaged, expected) => {
    expect(parseDevServerUrl(value, isPackaged)).toBe(expected);
  });
});

describe('isTrustedSender and navigationAllowed: our pages only', () => {
  test.each([
    ['app://concerto/', null, true],
    ['app://concerto/index.html#/meetings/1', null, true],
    // Chromium lower-cases standard-scheme URLs before Electron sees them: anything else is odd.
    ['APP://CONCERTO/index.html', null, false],
    ['app://concerto.evil/', null, false],
    ['app://concerto:8080/', null, false],
    ['app://other/', null, false],
    ['app:concerto', null, false],
    ['https://concerto/', null, false],
    ['https://evil.example/app://concerto/', null, false],
    ['file:///C:/Concerto/index.html', null, false],
    ['about:blank', null, false],
    ['data:text/html,<h1>x</h1>', null, false],
    ['javascript:alert(1)', null, false],
    ['', null, false],
    [null, null, false],
    [undefined, null, false],
    // The dev server only when given (i.e. not packaged), and only its own origin.
    ['http://localhost:5173/', null, false],
    ['http://localhost:5173/#/about', DEV, true],
    ['http://localhost:5174/', DEV, false],
    ['http://127.0.0.1:5173/', DEV, false],
    ['https://evil.example/', DEV, false],
  ])('%s (dev server %s) → %s', (url, dev, expected) => {
    expect(isTrustedSender(url, dev)).toBe(expected);
    if (typeof url === 'string') expect(navigationAllowed(url, dev)).toBe(expected);
  });
});

describe('windowOpenDecision: never a window; only https and mailto may be offered', () => {
  test.each([
    ['https://example.org/doc?a=1#x', 'https://example.org/doc?a=1#x'],
    ['HTTPS://Example.ORG', 'https://example.org/'],
    [
      'mailto:secretariat@example.org?subject=Ordre%20du%20jour',
      'mailto:secretariat@example.org?subject=Ordre%20du%20jour',
    ],
    ['http://example.org/', null],
    ['file:///etc/passwd', null],
    ['file://server/share/x.exe', null],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>1</script>', null],
    ['blob:app://concerto/1234', null],
    ['app://concerto/x', null],
    ['ms-msdt:/id PCWDiagnostic', null],
    ['search-ms:query=x', null],
    ['smb://server/share', null],
    ['vbscript:msgbox(1)', null],
    ['https://user:secret@example.org/', null],
    ['https://', null],
    ['mailto:', null],
    ['not a url', null],
    ['', null],
  ])('%s → offered as %s', (url, offered) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: offered });
  });

  test('a link longer than anyone would read is refused', () => {
    const long = `https://example.org/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`;
    expect(externalLink(long)).toBeNull();
    expect(externalLink(long.slice(0, MAX_EXTERNAL_URL_LENGTH))).not.toBeNull();
  });
});

describe('permissionAllowed: denied except the clipboard write from our pages', () => {
  test.each([
    ['clipboard-sanitized-write', 'app://concerto/', null, true],
    ['clipboard-sanitized-write', 'app://concerto/index.html', null, true],
    ['clipboard-sanitized-write', 'https://evil.example/', null, false],
    ['clipboard-sanitized-write', 'http://localhost:5173/', DEV, true],
    ['clipboard-sanitized-write', 'http://localhost:5173/', null, false],
    ['clipboard-read', 'app://concerto/', null, false],
    ['media', 'app://concerto/', null, false],
    ['geolocation', 'app://concerto/', null, false],
    ['notifications', 'app://concerto/', null, false],
    ['openExternal', 'app://concerto/', null, false],
    ['fileSystem', 'app://concerto/', null, false],
    ['hid', 'app://concerto/', null, false],
    ['clipboard-sanitized-write', null, null, false],
  ])('%s from %s (dev %s) → %s', (permission, url, dev, expected) => {
    expect(permissionAllowed(permission, url, dev)).toBe(expected);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  test.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('%s %s', (name, value) => {
    expect(directives.get(name)).toBe(value);
  });

  test('no inline or evaluated script, no remote source anywhere', () => {
    expect(directives.size).toBe(10);
    expect(directives.get('script-src')).not.toMatch(/unsafe|\*|http|data:|blob:/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|https?:|unsafe-eval|wasm-unsafe-eval/);
  });
});

describe('createExternalLinkOpener: asks first, then opens https and mailto only', () => {
  function setup(answer: boolean | (() => Promise<boolean>)) {
    const asked: string[] = [];
    const opened: string[] = [];
    const logged: string[] = [];
    const open = createExternalLinkOpener({
      confirm: (url) => {
        asked.push(url);
        return typeof answer === 'function' ? answer() : Promise.resolve(answer);
      },
      openExternal: async (url) => {
        opened.push(url);
      },
      log: (message) => logged.push(message),
    });
    return { open, asked, opened, logged };
  }

  test('confirmed: the link is opened, after the question', async () => {
    const { open, asked, opened } = setup(true);
    expect(await open('https://example.org/rapport')).toBe('opened');
    expect(asked).toEqual(['https://example.org/rapport']);
    expect(opened).toEqual(['https://example.org/rapport']);
  });

  test('declined: nothing is opened', async () => {
    const { open, asked, opened } = setup(false);
    expect(await open('mailto:a@example.org')).toBe('cancelled');
    expect(asked).toEqual(['mailto:a@example.org']);
    expect(opened).toEqual([]);
  });

  test.each([
    'http://example.org/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
  ])('%s: refused without even asking', async (url) => {
    const { open, asked, opened } = setup(true);
    expect(await open(url)).toBe('refused');
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });

  test('one question at a time: a page cannot stack dialogs', async () => {
    let answer: (value: boolean) => void = () => {};
    const { open, asked, opened } = setup(
      () =>
        new Promise<boolean>((resolve) => {
          answer = resolve;
        }),
    );
    const first = open('https://example.org/1');
    expect(await open('https://example.org/2')).toBe('busy');
    answer(true);
    expect(await first).toBe('opened');
    expect(asked).toEqual(['https://example.org/1']);
    expect(opened).toEqual(['https://example.org/1']);
    // Once answered, the next link is asked about again.
    const third = open('https://example.org/3');
    answer(false);
    expect(await third).toBe('cancelled');
  });

  test('a failing dialog or browser is logged, not thrown', async () => {
    const { open, logged } = setup(() => Promise.reject(new Error('no display')));
    expect(await open('https://example.org/')).toBe('failed');
    expect(logged).toHaveLength(1);
  });
});
