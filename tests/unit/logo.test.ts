import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors';
import { decodeLogoData, describeLogo, sniffImage } from '../../electron/backend/features/documents/logo';
import { MAX_LOGO_BYTES } from '../../shared/rpc/documents';

// A 16 × 16 baseline JPEG (JFIF), as a scanner or a phone would produce it.
const JPEG_16 =
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwS' +
  'ExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAAR' +
  'CAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAV' +
  'AQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLU' +
  'lRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/Hv' +
  'uRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ' +
  '/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z';

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real RGB PNG of the given size, one red pixel repeated. */
function makePng(width: number, height: number, options: { ihdrSize?: [number, number] } = {}): Buffer {
  const [w, h] = options.ihdrSize ?? [width, height];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xc0)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

function refusal(run: () => unknown): { key: string; path: (string | number)[]; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('VALIDATION');
    const issue = error.details?.issues?.[0];
    if (!issue) throw new Error('no field issue');
    return issue;
  }
  throw new Error('expected a refusal');
}

describe('logo sniffing', () => {
  it('reads a PNG and a JPEG with their dimensions from their bytes', () => {
    expect(sniffImage(makePng(240, 120))).toEqual({ mime: 'image/png', width: 240, height: 120 });
    expect(sniffImage(Buffer.from(JPEG_16, 'base64'))).toEqual({ mime: 'image/jpeg', width: 16, height: 16 });
    expect(describeLogo({ mime: 'image/png', width: 240, height: 120 })).toBe('PNG 240 × 120 px');
  });

  it('refuses a text file renamed .png, a GIF, an empty file, with a French field error', () => {
    const text = Buffer.from('Ceci n’est pas une image.\n', 'utf8');
    const gif = Buffer.from('R0lGODlhEAAQAPZkAOu7GOu+IfPBGvrHGf3LG', 'base64');
    for (const bytes of [text, gif, new Uint8Array()]) {
      const issue = refusal(() => sniffImage(bytes));
      expect(issue).toMatchObject({ key: 'errors.field.logoUnreadable', path: ['data'] });
      expect(issue.message).toBe('Cette image n’est pas un PNG ou un JPEG lisible.');
    }
  });

  it('refuses truncated or damaged images', () => {
    const png = makePng(40, 20);
    const jpeg = Buffer.from(JPEG_16, 'base64');
    const flipped = Buffer.from(png);
    flipped[40] = (flipped[40] ?? 0) ^ 0xff; // inside IDAT: its CRC no longer matches
    const cases = [
      png.subarray(0, png.length - 12), // IEND lost
      png.subarray(0, 30), // cut inside IHDR
      flipped,
      jpeg.subarray(0, jpeg.length - 40), // cut inside the scan: no end marker
      jpeg.subarray(0, 100), // cut in the headers
    ];
    for (const bytes of cases) {
      expect(refusal(() => sniffImage(bytes)).key).toBe('errors.field.logoUnreadable');
    }
  });

  it('refuses zero and absurd dimensions', () => {
    expect(refusal(() => sniffImage(makePng(1, 1, { ihdrSize: [0, 1] }))).key).toBe(
      'errors.field.logoUnreadable',
    );
    expect(refusal(() => sniffImage(makePng(1, 1, { ihdrSize: [20_000, 1] }))).key).toBe(
      'errors.field.logoUnreadable',
    );
    // A JPEG whose frame header says 0 lines high (height deferred to a DNL marker).
    const jpeg = Buffer.from(JPEG_16, 'base64');
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(0, sof + 5);
    expect(refusal(() => sniffImage(jpeg)).key).toBe('errors.field.logoUnreadable');
  });

  it('refuses an image over the size limit as too large', () => {
    const big = Buffer.concat([makePng(4, 4), Buffer.alloc(MAX_LOGO_BYTES)]);
    const issue = refusal(() => sniffImage(big));
    expect(issue).toMatchObject({
      key: 'errors.field.logoTooLarge',
      message: 'Image trop lourde (2 Mo au maximum).',
    });
  });
});

describe('logo data from the renderer', () => {
  it('decodes base64 and data URLs alike', () => {
    const png = makePng(3, 2);
    expect(Buffer.from(decodeLogoData(png.toString('base64'))).equals(png)).toBe(true);
    expect(Buffer.from(decodeLogoData(`data:image/png;base64,${png.toString('base64')}`)).equals(png)).toBe(
      true,
    );
  });

  it('refuses text that is not base64 rather than decoding garbage', () => {
    expect(refusal(() => decodeLogoData('pas du base64 !')).key).toBe('errors.field.logoUnreadable');
    expect(refusal(() => decodeLogoData('')).key).toBe('errors.field.logoUnreadable');
  });
});
