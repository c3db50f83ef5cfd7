import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import { RESOURCES_DIR } from './harness';

// In a browser the file Concerto wrote is downloaded: the web host serves files of the export
// log, to this run's page only, and nothing else.

let host: WebHost;
let dataDir: string;
let token: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'concerto-webhost-'));
  host = await startWebHost({
    rendererDir: join(dataDir, 'no-renderer'),
    dataDir,
    resourcesDir: RESOURCES_DIR,
    appVersion: '0.0.0-test',
  });
  const script = await (await fetch(new URL('/__concerto/bridge.js', host.url))).text();
  token = /const token = "([0-9a-f]+)"/.exec(script)?.[1] ?? '';
});

afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function exportDirectory(): Promise<{ id: string; fileName: string }> {
  const envelope = await host.backend.invoke('exports.save', {
    items: [{ spreadsheet: { kind: 'organisationsDirectory' } }],
    destination: { kind: 'exports' },
  });
  if (!envelope.ok) throw new Error(envelope.error.message);
  const file = (envelope.value as { files: { id: string; fileName: string }[] }).files[0];
  if (!file) throw new Error('no file');
  return file;
}

describe('web host downloads', () => {
  test('serves an exported file as a download, byte for byte, with its name', async () => {
    const file = await exportDirectory();
    const res = await fetch(new URL(`/exports/${file.id}`, host.url), {
      headers: { 'x-concerto-token': token },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    const body = Buffer.from(await res.arrayBuffer());
    const onDisk = readFileSync(join(dataDir, 'exports', file.fileName));
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      createHash('sha256').update(onDisk).digest('hex'),
    );
  });

  test('refuses a request without this run’s token, and ids that are not in the export log', async () => {
    const file = await exportDirectory();
    expect((await fetch(new URL(`/exports/${file.id}`, host.url))).status).toBe(403);
    const unknown = await fetch(new URL('/exports/01950000-0000-7000-8000-000000000009', host.url), {
      headers: { 'x-concerto-token': token },
    });
    expect(unknown.status).toBe(404);
    const traversal = await fetch(new URL('/exports/..%2F..%2Fconcerto.sqlite', host.url), {
      headers: { 'x-concerto-token': token },
    });
    expect(traversal.status).toBe(404);
  });
});
