import { constants, inflateRawSync } from 'node:zlib';
import type { SpreadsheetLimits } from './types';
import { formatMessages, MAX_ZIP_ENTRIES, SpreadsheetFormatError } from './types';

// xlsx and ods files are zip archives. Before SheetJS inflates anything, the archive's central
// directory (the table of contents at its end) is read here with plain byte arithmetic: too many
// entries, absurd names, or a declared uncompressed total beyond the limit are refused in
// milliseconds. The declared sizes are the author's word, so each entry is then inflated once
// by zlib with an output cap (the rest of the budget), its output dropped at once: a directory
// that lies about its sizes is caught too, at the cost of about one extra inflate of the file.

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

/** Size of the inflated data of one entry, stopping as soon as it passes `budget`. */
function inflatedSize(bytes: Uint8Array, entry: ZipEntry, budget: number): number {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) return -1;
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const end = Math.min(bytes.length, start + entry.compressedSize);
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
): ZipEntry[] {
  const entries = zipEntries(bytes, fileName);
  const limit = limits.maxUncompressedBytes;
  let declared = 0;
  for (const entry of entries) declared += entry.uncompressedSize;
  if (declared > limit) throw new SpreadsheetFormatError(formatMessages.inflated(fileName, limit));
  let actual = 0;
  for (const entry of entries) {
    const size = inflatedSize(bytes, entry, limit - actual);
    if (size > 0) actual += size;
    if (actual > limit) throw new SpreadsheetFormatError(formatMessages.inflated(fileName, limit));
  }
  return entries;
}
