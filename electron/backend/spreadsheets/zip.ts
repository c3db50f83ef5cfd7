import { constants, inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import type { SpreadsheetLimits } from './types';
import { formatMessages, MAX_ZIP_ENTRIES, SpreadsheetFormatError } from './types';

// xlsx and ods files are zip archives. Before anything is inflated, the archive's central
// directory (the table of contents at its end) is read here with plain byte arithmetic: too many
// entries, absurd names, or a declared uncompressed total beyond the limit are refused in
// milliseconds. The declared sizes are the author's word, so what is inflated is counted too:
// the streaming xlsx reader inflates the parts it reads slice by slice against a budget
// (inflateEntry), and before SheetJS reads a file each entry is inflated once by zlib with an
// output cap, its output dropped at once (checkZip). A directory that lies is caught either way.

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
/** 64-bit little endian as a JS number (exact below 2^53, which is all that matters here). */
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

/** Names a workbook never has: control characters, absolute paths, "..", absurd lengths. */
function absurdName(name: string): boolean {
  if (name.length === 0 || name.length > 512) return true;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return true;
  if (/^([\\/]|[A-Za-z]:)/.test(name)) return true;
  return name.split(/[\\/]/).some((segment) => segment === '..');
}

function damaged(fileName: string): never {
  throw new SpreadsheetFormatError(formatMessages.damaged(fileName));
}

/** The central directory's entries, or a refusal (truncated archive, too many entries, bad names). */
export function zipEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  // The End Of Central Directory record: 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) damaged(fileName);
  let count = u16(bytes, eocd + 10);
  let directorySize = u32(bytes, eocd + 12);
  let directoryOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR) damaged(fileName);
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD) damaged(fileName);
    count = u64(bytes, record + 32);
    directorySize = u64(bytes, record + 40);
    directoryOffset = u64(bytes, record + 48);
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw new SpreadsheetFormatError(formatMessages.tooManyEntries(fileName, MAX_ZIP_ENTRIES));
  }
  if (directoryOffset + directorySize > bytes.length) damaged(fileName);

  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) damaged(fileName);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localHeaderOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name =
      flags & 0x800
        ? decoder.decode(nameBytes)
        : Array.from(nameBytes, (b) => String.fromCharCode(b)).join('');
    // Zip64 extended information: the 64-bit sizes, in this order, for the fields set to ~0.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const size = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, field);
      }
      extra += 4 + size;
    }
    if (absurdName(name)) throw new SpreadsheetFormatError(formatMessages.badEntryName(fileName));
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** Where an entry's (compressed) data starts and ends, or null without its local header. */
function dataOf(bytes: Uint8Array, entry: ZipEntry): { start: number; end: number } | null {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) return null;
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  return { start, end: Math.min(bytes.length, start + entry.compressedSize) };
}

/** Size of the inflated data of one entry, stopping as soon as it passes `budget`. */
function inflatedSize(bytes: Uint8Array, entry: ZipEntry, budget: number): number {
  const data = dataOf(bytes, entry);
  if (!data) return -1;
  const { start, end } = data;
  if (entry.method === 0) return end - start;
  if (entry.method !== 8) return -1;
  try {
    // Native inflate, bounded: past `budget` it stops with ERR_BUFFER_TOO_LARGE. The output is
    // dropped at once; a truncated stream gives what it has (sync flush) instead of an error.
    return inflateRawSync(bytes.subarray(start, end), {
      maxOutputLength: Math.max(1, budget + 1),
      finishFlush: constants.Z_SYNC_FLUSH,
    }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
    // Corrupt deflate data: SheetJS will refuse the file (the worker's heap limit backs this up).
    return 0;
  }
}

/**
 * Refuses an archive whose directory declares, or whose data inflates to, more than
 * `limits.maxUncompressedBytes` in total, or that has too many entries or an absurd entry name.
 */
export function checkZip(
  bytes: Uint8Array,
  fileName: string,
  limits: Pick<SpreadsheetLimits, 'maxUncompressedBytes'>,
  listed?: ZipEntry[],
): ZipEntry[] {
  const entries = checkDeclaredSizes(listed ?? zipEntries(bytes, fileName), fileName, limits);
  const limit = limits.maxUncompressedBytes;
  let actual = 0;
  for (const entry of entries) {
    const size = inflatedSize(bytes, entry, limit - actual);
    if (size > 0) actual += size;
    if (actual > limit) throw new SpreadsheetFormatError(formatMessages.inflated(fileName, limit));
  }
  return entries;
}

/** Refuses an archive whose directory declares more than the limit once inflated. */
export function checkDeclaredSizes(
  entries: ZipEntry[],
  fileName: string,
  limits: Pick<SpreadsheetLimits, 'maxUncompressedBytes'>,
): ZipEntry[] {
  const limit = limits.maxUncompressedBytes;
  let declared = 0;
  for (const entry of entries) declared += entry.uncompressedSize;
  if (declared > limit) throw new SpreadsheetFormatError(formatMessages.inflated(fileName, limit));
  return entries;
}

/**
 * What may still be inflated from one archive: the streaming reader counts every byte it
 * inflates here, so a directory that lies about its sizes is caught on the entries read
 * (the others are never inflated, so they cost nothing).
 */
export class InflateBudget {
  private left: number;
  private readonly limit: number;
  private readonly fileName: string;

  constructor(limit: number, fileName: string) {
    this.limit = limit;
    this.fileName = fileName;
    this.left = limit;
  }

  spend(bytes: number): void {
    this.left -= bytes;
    if (this.left < 0) {
      throw new SpreadsheetFormatError(formatMessages.inflated(this.fileName, this.limit));
    }
  }
}

/** Compressed data handed to the inflater at once: at most ~1,000 times that comes out. */
const INFLATE_SLICE = 32 * 1024;

/** The entry's data is not stored or deflated, or its local header is missing. */
export class ZipEntryUnreadable extends Error {
  constructor(name: string) {
    super(`zip entry ${name} cannot be read`);
    this.name = 'ZipEntryUnreadable';
  }
}

/**
 * Inflates one entry piece by piece, handing each piece to `sink` as it comes: the whole
 * entry is never held. Counts against `budget` (SpreadsheetFormatError past it); damaged
 * deflate data throws a plain Error.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  sink: (piece: Uint8Array) => void,
): void {
  const data = dataOf(bytes, entry);
  if (!data || (entry.method !== 0 && entry.method !== 8)) throw new ZipEntryUnreadable(entry.name);
  const { start, end } = data;
  if (entry.method === 0) {
    for (let at = start; at < end; at += INFLATE_SLICE) {
      const piece = bytes.subarray(at, Math.min(end, at + INFLATE_SLICE));
      budget.spend(piece.length);
      sink(piece);
    }
    return;
  }
  const inflater = new Inflate((piece) => {
    if (piece.length === 0) return;
    budget.spend(piece.length);
    sink(piece);
  });
  if (end <= start) {
    inflater.push(new Uint8Array(0), true);
    return;
  }
  for (let at = start; at < end; at += INFLATE_SLICE) {
    const stop = Math.min(end, at + INFLATE_SLICE);
    inflater.push(bytes.subarray(at, stop), stop === end);
  }
}
