import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname, isAbsolute, join, sep } from 'node:path';
import { simpleParser } from 'mailparser';
import type { ImportSource } from '../../../../shared/domain/vocabularies';
import { MAX_UPLOAD_BYTES, type StagedFile } from '../../../../shared/rpc/partners';
import type { BackendContext } from '../../context';
import { AppError } from '../../errors';
import { readSpreadsheet, type SpreadsheetData, type SpreadsheetLimits } from '../../spreadsheets';
import { readMsg } from './msg';
import { listRemovableDrives } from './removable';

// Every received file (page upload, USB stick, email attachment) is first copied to local
// staging under its SHA-256 and only then read: the stick can be pulled out, the email deleted,
// and the same file received twice is recognised ("déjà importé le … par …"). Nothing here
// trusts the file: names are cleaned, sizes checked before reading, parsing runs in the worker.

/** Limits for partner matrices (3W): larger than a participants list, still bounded. */
export const THREE_W_LIMITS: SpreadsheetLimits = {
  maxBytes: MAX_UPLOAD_BYTES,
  maxRows: 60_000,
  maxColumns: 200,
  timeoutMs: 30_000,
  // The streaming xlsx reader holds a 50,000-row file in ~30 MB of heap; SheetJS (ods, and xlsx
  // it is handed) read the same data within a 128 MB heap: 256 leaves room, bounds a crafted file.
  maxMemoryMb: 256,
  maxCellLength: 32_767,
  // A 60,000-row 3W sheet of 30 columns is about 100 MB of XML once inflated; 300 MB leaves
  // room for styles and shared strings while a zip bomb (gigabytes) is refused unread.
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxSheets: 50,
};

export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xls', '.ods', '.csv'] as const;
export const STAGEABLE_EXTENSIONS = [...SPREADSHEET_EXTENSIONS, '.eml', '.msg'] as const;

const MAX_NAME_LENGTH = 120;
const SHA256 = /^[0-9a-f]{64}$/;
// Leading dot: safeFileName strips leading dots, so no staged name can clash with it.
const MANIFEST = '.manifest.json';

interface Manifest {
  fileName: string;
  /** The cleaned name the bytes are stored under, in the staging folder. */
  storedName: string;
  source: ImportSource;
  kind: StagedFile['kind'];
  bytes: number;
}

// ── Names ──────────────────────────────────────────────────────────────────

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A name safe to write anywhere and to show: the last path segment only ("../../x.xlsx" and
 * "C:\\evil\\x.xlsx" give "x.xlsx"), without control or reserved characters, at most 120
 * characters with the extension kept.
 */
export function safeFileName(name: string, fallback = 'fichier'): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  let clean = last
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (WINDOWS_RESERVED.test(clean)) clean = `_${clean}`;
  if (clean === '') clean = fallback;
  if (clean.length <= MAX_NAME_LENGTH) return clean;
  const ext = extname(clean);
  const keep = ext.length > 0 && ext.length <= 10 ? ext : '';
  return clean.slice(0, MAX_NAME_LENGTH - keep.length) + keep;
}

const extensionOf = (name: string) => extname(name).toLowerCase();
/** .eml (MIME) and .msg (Outlook) are messages whatever their content. */
const isEmailExtension = (ext: string) => ext === '.eml' || ext === '.msg';

// ── Content sniffing ───────────────────────────────────────────────────────

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Headers of an Internet message: MIME-Version, or From and Subject, before the first blank line. */
function looksLikeEmail(bytes: Uint8Array): boolean {
  if (startsWith(bytes, ZIP) || startsWith(bytes, CFB)) return false;
  const head = Buffer.from(bytes.subarray(0, 16_384)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = end === -1 ? head : head.slice(0, end);
  if (!/^[A-Za-z][A-Za-z0-9-]*:/.test(block)) return false;
  const has = (name: string) => new RegExp(`^${name}:`, 'im').test(block);
  return has('MIME-Version') || (has('From') && has('Subject'));
}

/** An attachment is a spreadsheet when its name says so and its first bytes agree. */
function isSpreadsheetAttachment(fileName: string, bytes: Uint8Array): boolean {
  const ext = extensionOf(fileName);
  if (ext === '.xlsx' || ext === '.ods') return startsWith(bytes, ZIP);
  if (ext === '.xls') return startsWith(bytes, CFB) || isText(bytes);
  if (ext === '.csv') return isText(bytes);
  return false;
}

/** No zero byte in the first 4 KB (or the zero bytes of UTF-16 with its byte order mark). */
function isText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return true;
  return !bytes.subarray(0, 4096).includes(0);
}

// ── Staging folder ─────────────────────────────────────────────────────────

const stagingRoot = (ctx: BackendContext) => join(ctx.paths.dataDir, 'staging');

const notFound = () =>
  new AppError(
    'NOT_FOUND',
    'Ce fichier n’est plus dans la zone de préparation : ouvrez-le à nouveau pour l’importer.',
  );

/** Writes through a temporary name and renames, so a half-written file is never seen. */
async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function readManifest(folder: string): Promise<Manifest | null> {
  try {
    const raw = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (
      typeof raw.fileName !== 'string' ||
      typeof raw.storedName !== 'string' ||
      typeof raw.source !== 'string' ||
      (raw.kind !== 'spreadsheet' && raw.kind !== 'email')
    ) {
      return null;
    }
    return raw as Manifest;
  } catch {
    return null;
  }
}

async function previousImports(ctx: BackendContext, sha256: string): Promise<StagedFile['previousImports']> {
  const rows = await ctx.db
    .selectFrom('import_batches')
    .select(['id', 'created_at', 'actor', 'undone_at'])
    .where('sha256', '=', sha256)
    .orderBy('created_at', 'asc')
    .execute();
  return rows.map((row) => ({
    batchId: row.id,
    at: row.created_at,
    actor: row.actor,
    undone: row.undone_at !== null,
  }));
}

// ── Emails ─────────────────────────────────────────────────────────────────

interface ParsedAttachment {
  fileName: string;
  content: Uint8Array;
}

interface ParsedEmail {
  subject: string;
  from: string;
  date: string | null;
  attachments: ParsedAttachment[];
}

/** An Outlook .msg (a compound file, not MIME): no date is read, the rest as for an .eml. */
function parseMsg(bytes: Uint8Array, fileName: string): ParsedEmail {
  const msg = readMsg(bytes);
  if (!msg) {
    throw new AppError(
      'IMPORT_FORMAT',
      `Le message « ${fileName} » est illisible : enregistrez-le à nouveau depuis Outlook, ou transférez-le au format .eml.`,
    );
  }
  return {
    subject: msg.subject,
    from: msg.from,
    date: null,
    attachments: msg.attachments.map((attachment, index) => ({
      fileName: safeFileName(attachment.fileName, `piece-jointe-${index + 1}`),
      content: attachment.bytes,
    })),
  };
}

async function parseEmail(bytes: Uint8Array, fileName: string): Promise<ParsedEmail> {
  if (extensionOf(fileName) === '.msg' || startsWith(bytes, CFB)) return parseMsg(bytes, fileName);
  try {
    const mail = await simpleParser(Buffer.from(bytes), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      maxHtmlLengthToParse: 1024 * 1024,
    });
    const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null;
    return {
      subject: (mail.subject ?? '').slice(0, 500),
      from: (mail.from?.text ?? '').slice(0, 500),
      date,
      attachments: mail.attachments.map((attachment, index) => ({
        fileName: safeFileName(attachment.filename ?? '', `piece-jointe-${index + 1}`),
        content: new Uint8Array(attachment.content),
      })),
    };
  } catch {
    throw new AppError(
      'IMPORT_FORMAT',
      `Le message « ${fileName} » est illisible : enregistrez-le à nouveau depuis la messagerie (format .eml).`,
    );
  }
}

function emailSummary(email: ParsedEmail): NonNullable<StagedFile['email']> {
  return {
    subject: email.subject,
    from: email.from,
    date: email.date,
    attachments: email.attachments.map((attachment, index) => ({
      index,
      fileName: attachment.fileName,
      bytes: attachment.content.length,
      spreadsheet: isSpreadsheetAttachment(attachment.fileName, attachment.content),
    })),
  };
}

// ── Staging ────────────────────────────────────────────────────────────────

const tooBig = (fileName: string) =>
  new AppError(
    'VALIDATION',
    `Le fichier « ${fileName} » est trop volumineux : ${MAX_UPLOAD_BYTES / (1024 * 1024)} Mo au maximum.`,
    {
      issues: [
        {
          path: ['path'],
          key: 'errors.field.fileTooLarge',
          message: 'Fichier trop volumineux (30 Mo au maximum).',
        },
      ],
    },
  );

/**
 * Copies the bytes to `<dataDir>/staging/<sha256>/<clean name>` with a manifest, and describes
 * the file: kind, fingerprint, earlier imports of the same bytes, an email's attachments.
 */
export async function stageBytes(
  ctx: BackendContext,
  input: { fileName: string; bytes: Uint8Array; source: ImportSource },
): Promise<StagedFile> {
  const fileName = safeFileName(input.fileName);
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw tooBig(fileName);
  if (input.bytes.length === 0) {
    throw new AppError('IMPORT_FORMAT', `Le fichier « ${fileName} » est vide.`);
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const kind: StagedFile['kind'] =
    isEmailExtension(extensionOf(fileName)) || looksLikeEmail(input.bytes) ? 'email' : 'spreadsheet';
  // Parsed before anything is written: an unreadable message is refused and leaves no trace.
  const email = kind === 'email' ? await parseEmail(input.bytes, fileName) : null;

  const folder = join(stagingRoot(ctx), sha256);
  await mkdir(folder, { recursive: true });
  const previous = await readManifest(folder);
  const stored = join(folder, fileName);
  if (previous && previous.storedName !== fileName) {
    // Same bytes under another name: keep one copy, under the latest name.
    await rename(join(folder, previous.storedName), stored).catch(() => undefined);
  }
  const present = await stat(stored).then(
    (s) => s.isFile() && s.size === input.bytes.length,
    () => false,
  );
  if (!present) await writeAtomically(stored, input.bytes);
  const manifest: Manifest = {
    fileName,
    storedName: fileName,
    source: input.source,
    kind,
    bytes: input.bytes.length,
  };
  await writeAtomically(join(folder, MANIFEST), JSON.stringify(manifest));

  return {
    id: sha256,
    fileName,
    bytes: input.bytes.length,
    sha256,
    source: input.source,
    kind,
    previousImports: await previousImports(ctx, sha256),
    email: email ? emailSummary(email) : null,
  };
}

const pathRefusal = (message: string) =>
  new AppError('VALIDATION', message, { issues: [{ path: ['path'], key: 'errors.field.invalid', message }] });

/** Whether `path` (resolved) lies inside `root` (resolved). */
function isInside(path: string, root: string): boolean {
  const base = root.endsWith(sep) ? root : root + sep;
  return path.startsWith(base);
}

/**
 * Stages a file from a removable drive (as listed by imports.removableFiles). The path must be
 * absolute, name a regular file with a spreadsheet, .eml or .msg extension on a plugged-in removable
 * drive (links resolved first), and be small enough: its size is checked before a byte is read.
 */
export async function stagePath(ctx: BackendContext, path: string): Promise<StagedFile> {
  if (!isAbsolute(path)) {
    throw pathRefusal('Le chemin du fichier doit être complet (depuis la racine de la clé).');
  }
  const name = safeFileName(path);
  const ext = extensionOf(name);
  if (!(STAGEABLE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw pathRefusal(
      `Le fichier « ${name} » n’est ni un tableur (xlsx, xls, ods, csv) ni un message (.eml, .msg).`,
    );
  }
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `Le fichier « ${name} » est introuvable : la clé a peut-être été retirée.`,
    );
  }
  const drives = await Promise.all(
    listRemovableDrives().map((drive) => realpath(drive.path).catch(() => null)),
  );
  if (!drives.some((root) => root !== null && isInside(real, root))) {
    throw pathRefusal(`Le fichier « ${name} » n’est pas sur une clé USB ou un disque amovible branché.`);
  }
  const info = await stat(real).catch(() => null);
  if (!info?.isFile()) throw pathRefusal(`« ${name} » n’est pas un fichier.`);
  if (info.size > MAX_UPLOAD_BYTES) throw tooBig(name);

  let bytes: Uint8Array;
  try {
    const handle = await open(real, fsConstants.O_RDONLY);
    try {
      // Checked again on the open file: it may have been replaced since the first look.
      const size = (await handle.stat()).size;
      if (size > MAX_UPLOAD_BYTES) throw tooBig(name);
      const buffer = Buffer.alloc(size);
      let read = 0;
      while (read < size) {
        const { bytesRead } = await handle.read(buffer, read, size - read, read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, read);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IO', `Le fichier « ${name} » n’a pas pu être lu sur la clé.`);
  }
  return stageBytes(ctx, { fileName: name, bytes, source: 'usb' });
}

/** Stages the attachment `index` of a staged email as a file of its own. */
export async function stageAttachment(
  ctx: BackendContext,
  stagedId: string,
  index: number,
): Promise<StagedFile> {
  const staged = await readStaged(ctx, stagedId);
  const manifest = await readManifest(join(stagingRoot(ctx), staged.sha256));
  if (manifest?.kind !== 'email') {
    throw new AppError(
      'VALIDATION',
      `« ${staged.fileName} » n’est pas un message : il n’a pas de pièce jointe.`,
    );
  }
  const email = await parseEmail(staged.bytes, staged.fileName);
  if (email.attachments.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      `Le message « ${staged.fileName} » n’a aucune pièce jointe : demandez au partenaire de joindre son tableau.`,
    );
  }
  const attachment = email.attachments[index];
  if (!attachment) {
    throw new AppError(
      'NOT_FOUND',
      `Le message « ${staged.fileName} » n’a pas de pièce jointe n° ${index + 1}.`,
    );
  }
  return stageBytes(ctx, { fileName: attachment.fileName, bytes: attachment.content, source: 'email' });
}

/** A staged file's bytes and what its manifest says. */
export async function readStaged(
  ctx: BackendContext,
  stagedId: string,
): Promise<{ path: string; fileName: string; sha256: string; source: ImportSource; bytes: Uint8Array }> {
  if (!SHA256.test(stagedId)) throw notFound();
  const folder = join(stagingRoot(ctx), stagedId);
  const manifest = await readManifest(folder);
  if (!manifest) throw notFound();
  // The stored name comes from our manifest, but is cleaned again rather than trusted.
  const storedName = safeFileName(manifest.storedName);
  const path = join(folder, storedName);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    throw notFound();
  }
  return { path, fileName: manifest.fileName, sha256: stagedId, source: manifest.source, bytes };
}

// ── Parsed sheets, cached ──────────────────────────────────────────────────

/** analyse → preview → commit read the same file: the last two parses are kept. */
const SHEETS_CACHE_SIZE = 2;
const sheetsCache = new Map<string, SpreadsheetData>();

/**
 * The sheets of a staged spreadsheet, parsed in the worker under THREE_W_LIMITS. Refusals are
 * AppError('IMPORT_FORMAT') with a French message; emails are refused with a hint to pick
 * an attachment.
 */
export async function readStagedSheets(
  ctx: BackendContext,
  stagedId: string,
  options: { signal?: AbortSignal } = {},
): Promise<SpreadsheetData> {
  const staged = await readStaged(ctx, stagedId);
  const key = `${staged.sha256}\u0000${staged.fileName}`;
  const cached = sheetsCache.get(key);
  if (cached) {
    sheetsCache.delete(key);
    sheetsCache.set(key, cached);
    return cached;
  }
  const manifest = await readManifest(join(stagingRoot(ctx), staged.sha256));
  if (manifest?.kind === 'email') {
    throw new AppError(
      'IMPORT_FORMAT',
      `« ${staged.fileName} » est un message : choisissez la pièce jointe (tableur) à importer.`,
    );
  }
  const data = await readSpreadsheet(staged.bytes, staged.fileName, THREE_W_LIMITS, {
    ...(options.signal ? { signal: options.signal } : {}),
  });
  sheetsCache.set(key, data);
  while (sheetsCache.size > SHEETS_CACHE_SIZE) {
    const oldest = sheetsCache.keys().next().value;
    if (oldest === undefined) break;
    sheetsCache.delete(oldest);
  }
  return data;
}

/** Removes staged files older than `maxAgeMs` (default a week): staging is not an archive. */
export async function pruneStaging(ctx: BackendContext, maxAgeMs = 7 * 24 * 3600 * 1000): Promise<void> {
  const root = stagingRoot(ctx);
  const names = await readdir(root).catch(() => [] as string[]);
  const limit = Date.now() - maxAgeMs;
  for (const name of names) {
    if (!SHA256.test(name)) continue;
    const info = await stat(join(root, name)).catch(() => null);
    if (info && info.mtimeMs < limit) await rm(join(root, name), { recursive: true, force: true });
  }
}
