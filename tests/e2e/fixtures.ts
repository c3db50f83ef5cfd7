import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The real web host (built backend + renderer) on its own fresh data folder. */
export class WebHostProcess {
  private child: ChildProcess | null = null;
  url = '';
  constructor(readonly dataDir: string) {}

  async start(): Promise<string> {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'out', 'main', 'webhost.js'), '--port', '0', '--data', this.dataDir],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    let errors = '';
    child.stderr?.on('data', (d: Buffer) => {
      errors += d.toString();
    });
    this.url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`web host did not start: ${errors}`)), 20_000);
      child.stdout?.on('data', (d: Buffer) => {
        const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(d.toString());
        if (match?.[1]) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`web host exited (${code}): ${errors}`)));
    });
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    this.child = null;
  }
}

export const test = base.extend<{ host: WebHostProcess }>({
  // The web host sends the app's own Content-Security-Policy (shared/csp.ts): anything the
  // renderer does that Electron would refuse shows up here as a failed test.
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await use(page);
    expect(violations, 'the page broke its Content-Security-Policy').toEqual([]);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'concerto-e2e-'));
    const host = new WebHostProcess(dataDir);
    await host.start();
    await use(host);
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
