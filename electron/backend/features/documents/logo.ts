import { translateFr } from '../../../../shared/i18n/translate';
import { MAX_LOGO_BYTES } from '../../../../shared/rpc/documents';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { validationError } from '../../errors';
import type { LogoAsset } from './types';

// The heading's logo: a PNG or JPEG chosen once in the settings, stored in the database (so it
// travels with it and cannot go missing like a file path would) and drawn by the DOCX and PDF
// renderers. The bytes are sniffed, never trusted from a file name or a MIME type, because a
// renderer handed a broken image either throws half-way through a document or draws nothing.

export const LOGO_KEY = 'logo';

/** Beyond this a "logo" is a poster or a forged header: refused as unreadable. */
export const MAX_LOGO_SIDE = 10_000;

export type ImageInfo = Pick<LogoAsset, 'mime' | 'width' | 'height'>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, from: number, to: number): number {
  let crc = 0xffffffff;
  for (let i = from; i < to; i++) crc = (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function u32(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at] ?? 0) * 0x1000000 +
    ((bytes[at + 1] ?? 0) << 16) +
    ((bytes[at + 2] ?? 0) << 8) +
    (bytes[at + 3] ?? 0)
  );
}

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

/**
 * A PNG read chunk by chunk to its IEND, every chunk's CRC checked: a truncated or damaged file
 * is refused here rather than in the middle of a document. Null when the bytes are not a PNG.
 */
function sniffPng(bytes: Uint8Array): ImageInfo | null {
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  let at: number = PNG_SIGNATURE.length;
  let size: { width: number; height: number } | null = null;
  let sawData = false;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return null;
    if (crc32(bytes, at + 4, at + 8 + length) !== u32(bytes, at + 8 + length)) return null;
    if (size === null) {
      // IHDR comes first and is 13 bytes long: width, height, bit depth, colour type, …
      if (type !== 'IHDR' || length !== 13) return null;
      const bitDepth = bytes[at + 16] ?? 0;
      const colourType = bytes[at + 17] ?? 0;
      if (![1, 2, 4, 8, 16].includes(bitDepth) || ![0, 2, 3, 4, 6].includes(colourType)) return null;
      size = { width: u32(bytes, at + 8), height: u32(bytes, at + 12) };
    } else if (type === 'IDAT') {
      sawData = true;
    } else if (type === 'IEND') {
      return sawData ? { mime: 'image/png', ...size } : null;
    }
    at = end;
  }
  return null;
}

/** Start-of-frame markers (baseline, progressive, lossless…): they carry the image's size. */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * A JPEG read marker by marker up to its scan (which must follow a frame header), then checked
 * to end with EOI: a file cut short loses its end marker. Null when the bytes are not a JPEG.
 */
function sniffJpeg(bytes: Uint8Array): ImageInfo | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  let size: { width: number; height: number } | null = null;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) return null; // EOI before any scan
    const length = u16(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return null;
    if (JPEG_SOF.has(marker)) {
      if (length < 8) return null;
      size = { height: u16(bytes, at + 5), width: u16(bytes, at + 7) };
    } else if (marker === 0xda) {
      if (size === null) return null;
      // The entropy-coded data runs to the end: the file must still close with EOI
      // (some writers pad after it, which is tolerated).
      const scanStart = at + 2 + length;
      let end = bytes.length;
      while (end > scanStart && bytes[end - 1] === 0x00) end--;
      return end - scanStart >= 2 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9
        ? { mime: 'image/jpeg', ...size }
        : null;
    }
    at += 2 + length;
  }
  return null;
}

function refuse(key: 'errors.field.logoUnreadable' | 'errors.field.logoTooLarge'): never {
  throw validationError([{ path: ['data'], key, message: translateFr(key) }]);
}

/**
 * What the bytes are, read from the bytes: a complete PNG or JPEG of sensible size. Anything else
 * (a text file renamed .png, a truncated download, an empty file, a GIF) is refused with a field
 * error on `data`.
 */
export function sniffImage(bytes: Uint8Array): ImageInfo {
  if (bytes.length > MAX_LOGO_BYTES) refuse('errors.field.logoTooLarge');
  const info = sniffPng(bytes) ?? sniffJpeg(bytes);
  if (
    info === null ||
    info.width < 1 ||
    info.height < 1 ||
    info.width > MAX_LOGO_SIDE ||
    info.height > MAX_LOGO_SIDE
  )
    refuse('errors.field.logoUnreadable');
  return info;
}

/**
 * The bytes of what the renderer sent: base64, or a data URL as a file input reads it. Text that
 * is not base64 is refused rather than decoded leniently into garbage.
 */
export function decodeLogoData(data: string): Uint8Array {
  const base64 = (data.startsWith('data:') ? data.slice(data.indexOf(',') + 1) : data).replace(/\s+/g, '');
  if (base64.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 === 1)
    refuse('errors.field.logoUnreadable');
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length > MAX_LOGO_BYTES) refuse('errors.field.logoTooLarge');
  return bytes;
}

/** "PNG 240 × 120 px": how the history names a logo. */
export function describeLogo(info: ImageInfo): string {
  return `${info.mime === 'image/png' ? 'PNG' : 'JPEG'} ${info.width} × ${info.height} px`;
}

export async function hasStoredLogo(db: Db): Promise<boolean> {
  const row = await db.selectFrom('assets').select('key').where('key', '=', LOGO_KEY).executeTakeFirst();
  return row !== undefined;
}

/** The stored logo, or null. A row that no longer reads as an image (damaged) counts as none. */
export async function readLogo(db: Db): Promise<LogoAsset | null> {
  const row = await db.selectFrom('assets').selectAll().where('key', '=', LOGO_KEY).executeTakeFirst();
  if (!row) return null;
  const bytes = new Uint8Array(row.bytes);
  try {
    return { bytes, ...sniffImage(bytes) };
  } catch {
    return null;
  }
}

/** Checks then stores the logo (replacing the previous one); nothing is written when refused. */
export async function storeLogo(trx: Db, bytes: Uint8Array): Promise<LogoAsset> {
  const info = sniffImage(bytes);
  const at = nowIso();
  const values = { mime: info.mime, bytes, width: info.width, height: info.height, updated_at: at };
  await trx
    .insertInto('assets')
    .values({ key: LOGO_KEY, ...values, created_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
  return { bytes, ...info };
}

export async function deleteLogo(trx: Db): Promise<void> {
  await trx.deleteFrom('assets').where('key', '=', LOGO_KEY).execute();
}
