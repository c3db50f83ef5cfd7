import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentSummarySchema } from '../../../../shared/rpc/safety';
import { AppError } from '../../errors';

// The .concerto file: what moves Concerto to another computer, on a USB stick that may be lost,
// so it is read as hostile input.
//
//   header   "CONCERTO-ARCHIVE" (16 bytes) · format version (u16 BE) · JSON length (u16 BE) · JSON
//   payload  manifest length (u32 BE) · manifest JSON · each file's bytes, in the manifest's order
//   tag      16 bytes, encrypted archives only
//
// The header JSON says whether the payload is encrypted, how the key is derived (scrypt, salt)
// and the IV; without a password it carries the SHA-256 of the manifest, and the manifest the
// SHA-256 and size of every file. With a password the payload is AES-256-GCM encrypted under a
// scrypt key, the whole header being the authenticated data: no byte of the file can change
// unnoticed, and nothing decrypted is read before the tag has been checked (decrypted to a
// temporary file first).
//
// Why a length-prefixed container rather than a zip: both sides stream it in one pass in
// constant memory with nothing but offsets. fflate's streaming Unzip cannot tell where a stored
// entry written with a data descriptor ends, so reading a zip back would mean writing our own
// central-directory parser for hostile input; here the only structure to trust is a manifest
// that is checked (checksum or GCM tag) before it is parsed, and whose names are refused unless
// they are plain relative paths. Nothing is compressed: the archive's size is then known before
// a byte is written (free space is checked exactly) and no input can inflate into a bomb.

/** The file extension, with its dot. */
export const ARCHIVE_EXTENSION = '.concerto';
export const ARCHIVE_MAGIC = 'CONCERTO-ARCHIVE';
export const ARCHIVE_FORMAT_VERSION = 1;
/** The database snapshot: always the first file of the manifest. */
export const DATABASE_ENTRY = 'concerto.sqlite';

const MAGIC = Buffer.from(ARCHIVE_MAGIC, 'ascii');
const FIXED_BYTES = MAGIC.length + 4;
const MAX_HEADER_JSON = 2048;
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const MAX_FILES = 100_000;
const TAG_BYTES = 16;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const KEY_BYTES = 32;
const CHUNK = 1024 * 1024;

/** scrypt cost written: 2^16 (64 MiB, a fraction of a second), above the 2^15 floor. */
export const DEFAULT_SCRYPT_N = 2 ** 16;
/** Costs accepted when reading: a hostile header must not make us allocate gigabytes. */
const MIN_SCRYPT_N = 2 ** 15;
const MAX_SCRYPT_N = 2 ** 18;
const SCRYPT_R = 8;
const SCRYPT_P = 1;

// ── Errors ─────────────────────────────────────────────────────────────────

export type ArchiveProblem =
  | 'notArchive'
  | 'newerFormat'
  | 'truncated'
  | 'passwordOrTampered'
  | 'tampered'
  | 'unsafeName';

const NOTHING_DONE = 'Rien n’a été modifié.';

function invalid(problem: ArchiveProblem, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('ARCHIVE_INVALID', message, { problem, ...extra });
}

const notArchive = () => invalid('notArchive', 'Ce fichier n’est pas une archive Concerto.');

const tampered = (what: string) =>
  invalid(
    'tampered',
    `L’archive a été modifiée ou endommagée depuis son export (${what} ne correspond plus à son ` +
      `empreinte). Copiez-la à nouveau depuis sa source. ${NOTHING_DONE}`,
  );

export const passwordOrTampered = () =>
  invalid(
    'passwordOrTampered',
    'Mot de passe incorrect ou archive modifiée : Concerto ne peut pas distinguer les deux. ' +
      'Vérifiez le mot de passe ; s’il est juste, l’archive a été endommagée ou modifiée depuis son ' +
      `export. ${NOTHING_DONE}`,
  );

const truncated = () =>
  invalid(
    'truncated',
    'L’archive est incomplète ou modifiée (sa taille n’est pas celle annoncée) : la copie a ' +
      `peut-être été interrompue. Copiez-la à nouveau depuis sa source. ${NOTHING_DONE}`,
  );

// ── Header ─────────────────────────────────────────────────────────────────

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Base64 of exactly `bytes` bytes, in canonical form. */
const Base64Of = (bytes: number) =>
  z.string().refine((s) => {
    const decoded = Buffer.from(s, 'base64');
    return decoded.length === bytes && decoded.toString('base64') === s;
  });

const PayloadBytes = z.number().int().min(4).max(Number.MAX_SAFE_INTEGER);

const PlainHeaderSchema = z.strictObject({
  encrypted: z.literal(false),
  payloadBytes: PayloadBytes,
  manifestSha256: Sha256,
});

const EncryptedHeaderSchema = z.strictObject({
  encrypted: z.literal(true),
  payloadBytes: PayloadBytes,
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .refine((n) => n >= MIN_SCRYPT_N && n <= MAX_SCRYPT_N && (n & (n - 1)) === 0),
    r: z.literal(SCRYPT_R),
    p: z.literal(SCRYPT_P),
    salt: Base64Of(SALT_BYTES),
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: Base64Of(IV_BYTES) }),
});

const HeaderSchema = z.discriminatedUnion('encrypted', [PlainHeaderSchema, EncryptedHeaderSchema]);
export type ArchiveHeader = z.infer<typeof HeaderSchema>;

/** The header's JSON with its keys in one fixed order: read back, it must be byte-identical. */
function headerJson(header: ArchiveHeader): string {
  if (!header.encrypted) {
    return JSON.stringify({
      encrypted: false,
      payloadBytes: header.payloadBytes,
      manifestSha256: header.manifestSha256,
    });
  }
  const { N, r, p, salt } = header.kdf;
  return JSON.stringify({
    encrypted: true,
    payloadBytes: header.payloadBytes,
    kdf: { name: 'scrypt', N, r, p, salt },
    cipher: { name: 'aes-256-gcm', iv: header.cipher.iv },
  });
}

export function encodeHeader(header: ArchiveHeader): Buffer {
  const json = Buffer.from(headerJson(header), 'utf8');
  const fixed = Buffer.alloc(4);
  fixed.writeUInt16BE(ARCHIVE_FORMAT_VERSION, 0);
  fixed.writeUInt16BE(json.length, 2);
  return Buffer.concat([MAGIC, fixed, json]);
}

// ── Manifest ───────────────────────────────────────────────────────────────

const ManifestFileSchema = z.strictObject({
  path: z.string().max(1000),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: Sha256,
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

const ManifestSchema = z.strictObject({
  createdAt: z.string().max(40),
  appVersion: z.string().max(100),
  schemaVersion: z.number().int().min(0).max(1_000_000),
  summary: ContentSummarySchema,
  /** The database first, then the received files and the documents written. */
  files: z.array(ManifestFileSchema).min(1).max(MAX_FILES),
});
export type Manifest = z.infer<typeof ManifestSchema>;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// NUL and control characters, the backslash and drive colon (absolute on Windows), and what
// Windows refuses in names: a name restored on one system must be writable on the others.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f<>:"\\|?*]/;
const STAGED_FOLDER = /^[0-9a-f]{64}$/;
const MAX_DEPTH = 8;

/**
 * Whether an archive's file name is one Concerto writes: the database, `staging/<sha256>/<name>`
 * or `exports/…`, as plain relative segments. Absolute paths, `..`, `.`, empty segments,
 * backslashes, drive letters, NUL and control characters, trailing dots or spaces (which Windows
 * drops, merging two names) and device names (CON, NUL…) are refused.
 */
export function isSafeEntryPath(path: string): boolean {
  if (path.length === 0 || path.length > 1000 || FORBIDDEN_CHARACTERS.test(path)) return false;
  if (path === DATABASE_ENTRY) return true;
  const segments = path.split('/');
  if (segments.length > MAX_DEPTH) return false;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return false;
    if (Buffer.byteLength(segment, 'utf8') > 255 || /[ .]$/.test(segment)) return false;
    if (WINDOWS_RESERVED.test(segment)) return false;
  }
  const [top, second] = segments;
  if (top === 'exports') return segments.length >= 2;
  if (top === 'staging') return segments.length === 3 && STAGED_FOLDER.test(second ?? '');
  return false;
}

/** Checks what the schema cannot: the database comes first, names are safe and distinct. */
function checkManifestFiles(manifest: Manifest): void {
  const seen = new Set<string>();
  manifest.files.forEach((file, index) => {
    const isDatabase = file.path === DATABASE_ENTRY;
    if (!isSafeEntryPath(file.path) || isDatabase !== (index === 0)) {
      throw invalid(
        'unsafeName',
        `L’archive contient un nom de fichier refusé (« ${file.path.slice(0, 200)} ») : elle n’a ` +
          `pas été écrite par Concerto, ou a été modifiée. ${NOTHING_DONE}`,
        { path: file.path.slice(0, 200) },
      );
    }
    // Compared as Windows and macOS compare names: case and Unicode form ignored.
    const key = file.path.normalize('NFC').toLowerCase();
    if (seen.has(key)) {
      throw invalid(
        'unsafeName',
        `L’archive contient deux fois le fichier « ${file.path.slice(0, 200)} » : elle a été modifiée. ` +
          NOTHING_DONE,
        { path: file.path.slice(0, 200) },
      );
    }
    seen.add(key);
  });
}

// ── Writing ────────────────────────────────────────────────────────────────

function deriveKey(password: string, salt: Buffer, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // NFC: "é" typed on a Mac and on Windows is the same password.
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      // Node refuses more than 32 MiB by default; scrypt needs 128·N·r bytes.
      { N: n, r: SCRYPT_R, p: SCRYPT_P, maxmem: 2 * 128 * n * SCRYPT_R },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Everything decided before the first byte: the header, the manifest and the key. */
export interface ArchivePlan {
  header: Buffer;
  manifestBytes: Buffer;
  manifest: Manifest;
  encryption: { key: Buffer; iv: Buffer } | null;
  /** Exact size of the .concerto file. */
  totalBytes: number;
}

export async function planArchive(
  manifest: Manifest,
  options: { password?: string | undefined; scryptN?: number } = {},
): Promise<ArchivePlan> {
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const payloadBytes = 4 + manifestBytes.length + manifest.files.reduce((sum, f) => sum + f.size, 0);
  let header: ArchiveHeader;
  let encryption: ArchivePlan['encryption'] = null;
  if (options.password === undefined) {
    header = {
      encrypted: false,
      payloadBytes,
      manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
    };
  } else {
    const n = options.scryptN ?? DEFAULT_SCRYPT_N;
    const salt = randomBytes(SALT_BYTES);
    const iv = randomBytes(IV_BYTES);
    encryption = { key: await deriveKey(options.password, salt, n), iv };
    header = {
      encrypted: true,
      payloadBytes,
      kdf: { name: 'scrypt', N: n, r: SCRYPT_R, p: SCRYPT_P, salt: salt.toString('base64') },
      cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') },
    };
  }
  const encoded = encodeHeader(header);
  return {
    header: encoded,
    manifestBytes,
    manifest,
    encryption,
    totalBytes: encoded.length + payloadBytes + (encryption ? TAG_BYTES : 0),
  };
}

export interface StreamHooks {
  signal?: AbortSignal;
  /** Bytes of files read so far (progress). */
  onBytes?: (bytes: number) => void;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

/**
 * Streams the archive to `sink`: header, then the payload (encrypted when planned so), then the
 * tag. `sources[i]` is the file on disk for `plan.manifest.files[i]`; a file whose bytes no longer
 * match the manifest (it changed since it was hashed) stops the write with CONFLICT.
 * Returns the SHA-256 of the bytes written.
 */
export async function writeArchive(
  plan: ArchivePlan,
  sources: readonly string[],
  sink: (bytes: Uint8Array) => Promise<void>,
  hooks: StreamHooks = {},
): Promise<{ bytes: number; sha256: string }> {
  const digest = createHash('sha256');
  let written = 0;
  const emit = async (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    digest.update(bytes);
    written += bytes.length;
    await sink(bytes);
  };
  const cipher = plan.encryption
    ? createCipheriv('aes-256-gcm', plan.encryption.key, plan.encryption.iv)
    : null;
  cipher?.setAAD(plan.header);
  const payload = (bytes: Uint8Array) => emit(cipher ? cipher.update(bytes) : bytes);

  await emit(plan.header);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(plan.manifestBytes.length, 0);
  await payload(length);
  await payload(plan.manifestBytes);
  for (const [index, entry] of plan.manifest.files.entries()) {
    const source = sources[index];
    if (source === undefined) throw new Error(`no source for ${entry.path}`);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(source, { highWaterMark: CHUNK })) {
      checkAborted(hooks.signal);
      const bytes = chunk as Buffer;
      size += bytes.length;
      // Never more than declared: the payload's layout is fixed by the manifest.
      if (size > entry.size) throw changedDuringExport(entry.path);
      hash.update(bytes);
      await payload(bytes);
      hooks.onBytes?.(bytes.length);
    }
    if (size !== entry.size || hash.digest('hex') !== entry.sha256) throw changedDuringExport(entry.path);
  }
  if (cipher) {
    await emit(cipher.final());
    await emit(cipher.getAuthTag());
  }
  return { bytes: written, sha256: digest.digest('hex') };
}

const changedDuringExport = (path: string) =>
  new AppError(
    'CONFLICT',
    `Le fichier « ${path} » a changé pendant l’écriture de l’archive : recommencez l’export. ` +
      'Aucune archive n’a été enregistrée.',
    { path },
  );

// ── Reading ────────────────────────────────────────────────────────────────

export interface OpenedHeader {
  header: ArchiveHeader;
  /** The header's bytes: the authenticated data of an encrypted payload. */
  aad: Buffer;
  payloadOffset: number;
}

async function readExactly(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}

/**
 * Reads and checks the header: magic, version, JSON in canonical form, and the file's size
 * against the size it announces (a copy cut short or lengthened is refused here).
 */
export async function readHeader(path: string): Promise<OpenedHeader> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const fixed = await readExactly(handle, FIXED_BYTES, 0);
    if (fixed.length < FIXED_BYTES || !fixed.subarray(0, MAGIC.length).equals(MAGIC)) throw notArchive();
    const version = fixed.readUInt16BE(MAGIC.length);
    if (version > ARCHIVE_FORMAT_VERSION) {
      throw invalid(
        'newerFormat',
        `Cette archive a été écrite par une version plus récente de Concerto (format ${version}) : ` +
          `installez la dernière version de Concerto pour l’ouvrir. ${NOTHING_DONE}`,
        { version },
      );
    }
    if (version !== ARCHIVE_FORMAT_VERSION) throw notArchive();
    const jsonLength = fixed.readUInt16BE(MAGIC.length + 2);
    if (jsonLength === 0 || jsonLength > MAX_HEADER_JSON) throw notArchive();
    const json = await readExactly(handle, jsonLength, FIXED_BYTES);
    if (json.length < jsonLength) throw truncated();
    let parsed: ArchiveHeader;
    try {
      parsed = HeaderSchema.parse(JSON.parse(json.toString('utf8')));
    } catch {
      throw tampered('l’en-tête');
    }
    // Byte for byte as written: a header that says the same thing differently was edited.
    if (headerJson(parsed) !== json.toString('utf8')) throw tampered('l’en-tête');
    const payloadOffset = FIXED_BYTES + jsonLength;
    if (size !== payloadOffset + parsed.payloadBytes + (parsed.encrypted ? TAG_BYTES : 0)) throw truncated();
    return { header: parsed, aad: Buffer.concat([fixed, json]), payloadOffset };
  } finally {
    await handle.close();
  }
}

/** Where the plain payload lies: in the archive itself, or in a decrypted temporary file. */
export interface Payload {
  file: string;
  offset: number;
  length: number;
}

/**
 * Decrypts the payload to `destination` and checks the GCM tag; only then is the file returned
 * for reading. A wrong password and a modified archive both fail the tag (the file is removed).
 */
export async function decryptPayload(
  archive: string,
  opened: OpenedHeader,
  password: string,
  destination: string,
  hooks: StreamHooks = {},
): Promise<Payload> {
  const { header } = opened;
  if (!header.encrypted) return { file: archive, offset: opened.payloadOffset, length: header.payloadBytes };
  const key = await deriveKey(password, Buffer.from(header.kdf.salt, 'base64'), header.kdf.N);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
  decipher.setAAD(opened.aad);
  const source = await open(archive, 'r');
  let out: FileHandle | null = null;
  try {
    const tag = await readExactly(source, TAG_BYTES, opened.payloadOffset + header.payloadBytes);
    if (tag.length < TAG_BYTES) throw truncated();
    decipher.setAuthTag(tag);
    out = await open(destination, 'wx', 0o600);
    const end = opened.payloadOffset + header.payloadBytes;
    for (let at = opened.payloadOffset; at < end; at += CHUNK) {
      checkAborted(hooks.signal);
      const chunk = await readExactly(source, Math.min(CHUNK, end - at), at);
      if (chunk.length === 0) throw truncated();
      await writeAll(out, decipher.update(chunk));
      hooks.onBytes?.(chunk.length);
    }
    try {
      await writeAll(out, decipher.final());
    } catch {
      throw passwordOrTampered();
    }
    await out.close();
    out = null;
    return { file: destination, offset: 0, length: header.payloadBytes };
  } catch (error) {
    await out?.close().catch(() => {});
    await rm(destination, { force: true });
    throw error;
  } finally {
    await source.close();
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/**
 * The manifest, checked before it is believed: its SHA-256 against the header (plain archives;
 * an encrypted payload was authenticated whole), its shape, its names, and the sizes it
 * announces against the payload's length.
 */
export async function readManifest(payload: Payload, header: ArchiveHeader): Promise<Manifest> {
  const handle = await open(payload.file, 'r');
  let bytes: Buffer;
  try {
    const length = await readExactly(handle, 4, payload.offset);
    if (length.length < 4) throw truncated();
    const manifestLength = length.readUInt32BE(0);
    if (manifestLength > MAX_MANIFEST_BYTES || 4 + manifestLength > payload.length) {
      throw tampered('le manifeste');
    }
    bytes = await readExactly(handle, manifestLength, payload.offset + 4);
  } finally {
    await handle.close();
  }
  if (!header.encrypted && createHash('sha256').update(bytes).digest('hex') !== header.manifestSha256) {
    throw tampered('le manifeste');
  }
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw tampered('le manifeste');
  }
  checkManifestFiles(manifest);
  const total = 4 + bytes.length + manifest.files.reduce((sum, f) => sum + f.size, 0);
  if (total !== payload.length) throw tampered('le manifeste');
  return manifest;
}

/** Bytes the files of the manifest hold once extracted. */
export const contentBytes = (manifest: Manifest): number =>
  manifest.files.reduce((sum, f) => sum + f.size, 0);

/**
 * Copies each file of the payload to `folder/<index>` (numbers, never the archive's names),
 * checking its SHA-256; returns the paths in the manifest's order. Any mismatch throws
 * ARCHIVE_INVALID and leaves the files written so far for the caller to remove with the folder.
 */
export async function extractFiles(
  payload: Payload,
  manifest: Manifest,
  folder: string,
  hooks: StreamHooks = {},
): Promise<string[]> {
  const source = await open(payload.file, 'r');
  const paths: string[] = [];
  try {
    const manifestLength = (await readExactly(source, 4, payload.offset)).readUInt32BE(0);
    let at = payload.offset + 4 + manifestLength;
    for (const [index, entry] of manifest.files.entries()) {
      const path = join(folder, String(index));
      const out = await open(path, 'wx', 0o600);
      paths.push(path);
      const hash = createHash('sha256');
      try {
        const end = at + entry.size;
        while (at < end) {
          checkAborted(hooks.signal);
          const chunk = await readExactly(source, Math.min(CHUNK, end - at), at);
          if (chunk.length === 0) throw truncated();
          hash.update(chunk);
          await writeAll(out, chunk);
          at += chunk.length;
          hooks.onBytes?.(chunk.length);
        }
        await out.sync();
      } finally {
        await out.close();
      }
      if (hash.digest('hex') !== entry.sha256) throw tampered(`« ${entry.path} »`);
    }
  } finally {
    await source.close();
  }
  return paths;
}
