import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors';
import {
  ARCHIVE_MAGIC,
  DATABASE_ENTRY,
  decryptPayload,
  encodeHeader,
  extractFiles,
  isSafeEntryPath,
  type Manifest,
  planArchive,
  readHeader,
  readManifest,
  writeArchive,
} from '../../electron/backend/features/archives/format';

// The .concerto format on its own: what is written reads back byte for byte, with and without a
// password, and every kind of damage or tampering is refused with ARCHIVE_INVALID before any of
// the archive's content is believed.

const root = mkdtempSync(join(tmpdir(), 'concerto-archive-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const fresh = (name: string) => join(root, `${counter++}-${name}`);

const PASSWORD = 'cheval-batterie-agrafe';
// The floor the reader accepts: the lowest cost keeps these tests fast.
const SCRYPT_N = 2 ** 15;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Content {
  path: string;
  bytes: Buffer;
}

const SAMPLE: Content[] = [
  {
    path: DATABASE_ENTRY,
    bytes: Buffer.from(`SQLite format 3\u0000${'Comité national GTGPS '.repeat(4000)}`),
  },
  { path: `staging/${'a'.repeat(64)}/3W_Mali.xlsx`, bytes: Buffer.from('PK\u0003\u0004 matrice 3W') },
  { path: 'exports/2025-03-14_GTGPS_aide-memoire.pdf', bytes: Buffer.from('%PDF-1.7 aide-mémoire') },
  { path: 'exports/vide.txt', bytes: Buffer.alloc(0) },
];

function manifestOf(content: readonly Content[]): Manifest {
  return {
    createdAt: '2025-03-14T09:30:00.000Z',
    appVersion: '1.2.3',
    schemaVersion: 6,
    summary: { bodies: 2, meetings: 5, recommendations: 9 },
    files: content.map((c) => ({ path: c.path, size: c.bytes.length, sha256: sha256(c.bytes) })),
  };
}

/** Writes an archive of `content` (any names: the writer trusts its caller) and returns its path. */
async function writeSample(
  content: readonly Content[] = SAMPLE,
  password?: string,
  manifest: Manifest = manifestOf(content),
): Promise<string> {
  const sources = content.map((c) => {
    const file = fresh('source');
    writeFileSync(file, c.bytes);
    return file;
  });
  const plan = await planArchive(manifest, password ? { password, scryptN: SCRYPT_N } : {});
  const path = fresh('archive.concerto');
  const handle = await open(path, 'wx');
  try {
    const written = await writeArchive(plan, sources, async (bytes) => {
      await handle.write(bytes);
    });
    expect(written.bytes).toBe(plan.totalBytes);
  } finally {
    await handle.close();
  }
  expect(readFileSync(path).length).toBe(plan.totalBytes);
  return path;
}

/** Reads an archive the way archives.restore does; returns its manifest and files by name. */
async function readBack(path: string, password?: string) {
  const opened = await readHeader(path);
  const work = fresh('work');
  mkdirSync(work);
  const payload = opened.header.encrypted
    ? await decryptPayload(path, opened, password ?? '', join(work, 'payload'))
    : { file: path, offset: opened.payloadOffset, length: opened.header.payloadBytes };
  const manifest = await readManifest(payload, opened.header);
  const out = fresh('files');
  mkdirSync(out);
  const extracted = await extractFiles(payload, manifest, out);
  const files = new Map(manifest.files.map((f, i) => [f.path, readFileSync(extracted[i] ?? '')]));
  return { encrypted: opened.header.encrypted, manifest, files, work };
}

async function refusal(promise: Promise<unknown>): Promise<{ problem: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('ARCHIVE_INVALID');
    return { problem: appError.details?.problem, message: appError.message };
  }
  throw new Error('the archive was accepted');
}

/** A copy of the archive with `change` applied to its bytes. */
function tampered(path: string, change: (bytes: Buffer) => Buffer): string {
  const copy = fresh('tampered.concerto');
  writeFileSync(copy, change(Buffer.from(readFileSync(path))));
  return copy;
}

const flip = (at: number) => (bytes: Buffer) => {
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes;
};

const headerLength = (path: string) => readFileSync(path).readUInt16BE(18) + 20;

describe('round trip', () => {
  it('reads back every file byte for byte without a password, the manifest in clear', async () => {
    const path = await writeSample();
    const back = await readBack(path);
    expect(back.encrypted).toBe(false);
    expect(back.manifest).toEqual(manifestOf(SAMPLE));
    for (const c of SAMPLE) expect(back.files.get(c.path)?.equals(c.bytes)).toBe(true);
    expect(readFileSync(path).subarray(0, 16).toString('ascii')).toBe(ARCHIVE_MAGIC);
  });

  it('reads back every file with the password, and nothing of the content shows in the file', async () => {
    const path = await writeSample(SAMPLE, PASSWORD);
    const back = await readBack(path, PASSWORD);
    expect(back.encrypted).toBe(true);
    expect(back.manifest).toEqual(manifestOf(SAMPLE));
    for (const c of SAMPLE) expect(back.files.get(c.path)?.equals(c.bytes)).toBe(true);
    const raw = readFileSync(path);
    expect(raw.includes(Buffer.from('Comité national'))).toBe(false);
    expect(raw.includes(Buffer.from('3W_Mali'))).toBe(false);
    expect(raw.includes(Buffer.from('schemaVersion'))).toBe(false);
    // The plain archive of the same content does show it: the check above can fail.
    expect(readFileSync(await writeSample()).includes(Buffer.from('Comité national'))).toBe(true);
  });

  it('takes the password in either Unicode form (é typed on a Mac or on Windows)', async () => {
    const path = await writeSample(SAMPLE, 'café-crème-2025'.normalize('NFC'));
    const back = await readBack(path, 'café-crème-2025'.normalize('NFD'));
    expect(back.files.get(DATABASE_ENTRY)?.equals(SAMPLE[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses a wrong password, saying it may also be a modified archive, and leaves no decrypted file', async () => {
    const path = await writeSample(SAMPLE, PASSWORD);
    const opened = await readHeader(path);
    const work = fresh('work');
    mkdirSync(work);
    const { problem, message } = await refusal(
      decryptPayload(path, opened, 'pas-le-bon-mot', join(work, 'payload')),
    );
    expect(problem).toBe('passwordOrTampered');
    expect(message).toMatch(/mot de passe incorrect ou archive modifiée/i);
    expect(readdirSync(work)).toEqual([]);
  });

  it('refuses a file that is not an archive: another magic, a zip, an empty file', async () => {
    const path = await writeSample();
    const wrongMagic = tampered(path, (b) => {
      b.write('CONCERTO-ARCHIVF', 0, 'ascii');
      return b;
    });
    const zip = fresh('matrice.concerto');
    writeFileSync(zip, Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000 some workbook'));
    const empty = fresh('vide.concerto');
    writeFileSync(empty, '');
    for (const file of [wrongMagic, zip, empty]) {
      const { problem, message } = await refusal(readHeader(file));
      expect(problem).toBe('notArchive');
      expect(message).toBe('Ce fichier n’est pas une archive Concerto.');
    }
  });

  it('refuses a newer format version with its own message, and a version 0', async () => {
    const path = await writeSample();
    const newer = tampered(path, (b) => {
      b.writeUInt16BE(2, 16);
      return b;
    });
    const newerRefusal = await refusal(readHeader(newer));
    expect(newerRefusal.problem).toBe('newerFormat');
    expect(newerRefusal.message).toMatch(/version plus récente de Concerto \(format 2\)/);
    const zero = tampered(path, (b) => {
      b.writeUInt16BE(0, 16);
      return b;
    });
    expect((await refusal(readHeader(zero))).problem).toBe('notArchive');
  });

  it('refuses a change of any single byte of a plain archive’s header', async () => {
    const path = await writeSample();
    const length = headerLength(path);
    for (let at = 0; at < length; at++) {
      await refusal(readBack(tampered(path, flip(at))));
    }
  });

  it('refuses a changed byte in the header of an encrypted archive (salt, IV, cost, size)', async () => {
    const path = await writeSample(SAMPLE, PASSWORD);
    const header = readFileSync(path).subarray(0, headerLength(path)).toString('latin1');
    const inside = (marker: string, offset: number) => header.indexOf(marker) + marker.length + offset;
    const positions = [
      inside('"salt":"', 3),
      inside('"iv":"', 2),
      inside('"N":', 1),
      inside('"payloadBytes":', 0),
      headerLength(path) - 1,
    ];
    for (const at of positions) {
      expect(at).toBeGreaterThan(20);
      await refusal(readBack(tampered(path, flip(at)), PASSWORD));
    }
  });

  it('refuses a changed payload byte: in the manifest or a file (plain), anywhere (encrypted), in the tag', async () => {
    const plain = await writeSample();
    const start = headerLength(plain);
    expect((await refusal(readBack(tampered(plain, flip(start + 10))))).message).toMatch(/le manifeste/);
    const lastFile = await refusal(readBack(tampered(plain, flip(readFileSync(plain).length - 3))));
    expect(lastFile.problem).toBe('tampered');
    expect(lastFile.message).toMatch(/« exports\/2025-03-14_GTGPS_aide-memoire.pdf »/);

    const encrypted = await writeSample(SAMPLE, PASSWORD);
    const size = readFileSync(encrypted).length;
    for (const at of [headerLength(encrypted) + 1, Math.floor(size / 2), size - 17, size - 1]) {
      const { problem } = await refusal(readBack(tampered(encrypted, flip(at)), PASSWORD));
      expect(problem).toBe('passwordOrTampered');
    }
  });

  it('refuses a truncated or lengthened archive, plain or encrypted', async () => {
    for (const password of [undefined, PASSWORD]) {
      const path = await writeSample(SAMPLE, password);
      const cut = tampered(path, (b) => b.subarray(0, b.length - 1));
      const halved = tampered(path, (b) => b.subarray(0, Math.floor(b.length / 2)));
      const longer = tampered(path, (b) => Buffer.concat([b, Buffer.from([0])]));
      for (const file of [cut, halved, longer]) {
        expect((await refusal(readHeader(file))).problem).toBe('truncated');
      }
    }
  });

  it('refuses a header asking for a scrypt cost that would exhaust memory, before deriving anything', async () => {
    const path = await writeSample(SAMPLE, PASSWORD);
    const bytes = readFileSync(path);
    const opened = await readHeader(path);
    if (!opened.header.encrypted) throw new Error('expected an encrypted header');
    const greedy = encodeHeader({ ...opened.header, kdf: { ...opened.header.kdf, N: 2 ** 30 } });
    const forged = fresh('greedy.concerto');
    writeFileSync(forged, Buffer.concat([greedy, bytes.subarray(opened.payloadOffset)]));
    const started = Date.now();
    expect((await refusal(readHeader(forged))).problem).toBe('tampered');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('names inside an archive', () => {
  it('accepts the names Concerto writes', () => {
    for (const path of [
      DATABASE_ENTRY,
      `staging/${'0'.repeat(64)}/3W Mali (version finale).xlsx`,
      `staging/${'f'.repeat(64)}/.manifest.json`,
      'exports/2025-03-14_GTGPS_compte-rendu.docx',
      'exports/Sessions 2025/liste-émargement.pdf',
    ]) {
      expect(isSafeEntryPath(path), path).toBe(true);
    }
  });

  it('refuses absolute paths, climbing out, drive letters, NUL and what Windows cannot write', () => {
    for (const path of [
      '',
      '/etc/passwd',
      '../concerto.sqlite',
      'exports/../../.bashrc',
      'exports/./x.pdf',
      'exports//x.pdf',
      'exports/',
      'exports',
      'C:/Windows/system.ini',
      'exports/C:x.pdf',
      'exports\\..\\..\\x.pdf',
      'exports/x\u0000.pdf',
      'exports/x\n.pdf',
      'exports/CON',
      'exports/nul.txt',
      'exports/x.pdf.',
      'exports/x.pdf ',
      'exports/a<b>.pdf',
      'sauvegardes/2025.sqlite',
      'staging/archives/x.concerto',
      'staging/abc/x.xlsx',
      `staging/${'a'.repeat(64)}/sub/x.xlsx`,
      `exports/${'x'.repeat(256)}`,
      `exports/${'a/'.repeat(10)}x.pdf`,
    ]) {
      expect(isSafeEntryPath(path), JSON.stringify(path)).toBe(false);
    }
  });

  it('refuses, while reading, a manifest with a hostile name, a misplaced database or a name twice', async () => {
    const db = SAMPLE[0] ?? { path: DATABASE_ENTRY, bytes: Buffer.alloc(0) };
    const evil = { path: 'exports/../../evil.sh', bytes: Buffer.from('rm -rf ~') };
    const cases: Content[][] = [
      [db, evil],
      [{ path: 'exports/x.pdf', bytes: Buffer.from('x') }, db],
      [db, { path: DATABASE_ENTRY, bytes: Buffer.from('second') }],
      [
        db,
        { path: 'exports/Rapport.pdf', bytes: Buffer.from('a') },
        { path: 'exports/rapport.PDF', bytes: Buffer.from('b') },
      ],
    ];
    for (const content of cases) {
      for (const password of [undefined, PASSWORD]) {
        const { problem } = await refusal(readBack(await writeSample(content, password), password));
        expect(problem).toBe('unsafeName');
      }
    }
  });

  it('stops writing when a file no longer matches what was hashed', async () => {
    const manifest = manifestOf(SAMPLE);
    const changed = SAMPLE.map((c, i) =>
      i === 2 ? { ...c, bytes: Buffer.from('%PDF-1.7 autre texte, plus long') } : c,
    );
    await expect(writeSample(changed, undefined, manifest)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/a changé pendant l’écriture/),
    });
  });
});
