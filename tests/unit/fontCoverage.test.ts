import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  keepDrawable,
  missingCharacters,
  parseCmapCoverage,
} from '../../electron/backend/features/documents/render/fontCoverage';
import { cleanText, singleLine, textLines } from '../../electron/backend/features/documents/render/text';

// Which characters the PDF's font can draw (so the PDF can say which ones it left out), and the
// text hygiene both renderers apply before writing anything.

const FONTS = resolve(import.meta.dirname, '..', '..', 'resources', 'fonts');
const cp = (ch: string): number => ch.codePointAt(0) ?? -1;

/** A font file reduced to what the parser reads: a table directory and a cmap. */
function fontWithCmap(subtables: { platform: number; encoding: number; body: Buffer }[]): Uint8Array {
  const header = Buffer.alloc(4 + subtables.length * 8);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(subtables.length, 2);
  let offset = header.length;
  subtables.forEach((s, i) => {
    header.writeUInt16BE(s.platform, 4 + i * 8);
    header.writeUInt16BE(s.encoding, 6 + i * 8);
    header.writeUInt32BE(offset, 8 + i * 8);
    offset += s.body.length;
  });
  const cmap = Buffer.concat([header, ...subtables.map((s) => s.body)]);
  const directory = Buffer.alloc(12 + 16);
  directory.writeUInt32BE(0x00010000, 0);
  directory.writeUInt16BE(1, 4);
  directory.write('cmap', 12, 'latin1');
  directory.writeUInt32BE(directory.length, 12 + 8);
  directory.writeUInt32BE(cmap.length, 12 + 12);
  return Buffer.concat([directory, cmap]);
}

/** Format 4 with a delta segment (A–C), a glyph-array segment (a → 5, b → 0) and the end mark. */
function format4(): Buffer {
  const segments = [
    { start: 0x41, end: 0x43, delta: 10, rangeOffset: -1 },
    { start: 0x61, end: 0x62, delta: 0, rangeOffset: 0 },
    { start: 0xffff, end: 0xffff, delta: 1, rangeOffset: -1 },
  ];
  const n = segments.length;
  const glyphs = [5, 0];
  const body = Buffer.alloc(16 + n * 8 + glyphs.length * 2);
  body.writeUInt16BE(4, 0);
  body.writeUInt16BE(body.length, 2);
  body.writeUInt16BE(n * 2, 6);
  segments.forEach((s, i) => {
    body.writeUInt16BE(s.end, 14 + i * 2);
    body.writeUInt16BE(s.start, 16 + n * 2 + i * 2);
    body.writeUInt16BE(s.delta, 16 + n * 4 + i * 2);
    // idRangeOffset counts bytes from its own slot to the glyph array entry.
    const slot = 16 + n * 6 + i * 2;
    const glyphArray = 16 + n * 8;
    body.writeUInt16BE(s.rangeOffset < 0 ? 0 : glyphArray - slot + s.rangeOffset * 2, slot);
  });
  glyphs.forEach((g, i) => {
    body.writeUInt16BE(g, 16 + n * 8 + i * 2);
  });
  return body;
}

/** Format 12 with one group: U+1F600–U+1F601 → glyphs 20–21. */
function format12(): Buffer {
  const body = Buffer.alloc(16 + 12);
  body.writeUInt16BE(12, 0);
  body.writeUInt32BE(body.length, 4);
  body.writeUInt32BE(1, 12);
  body.writeUInt32BE(0x1f600, 16);
  body.writeUInt32BE(0x1f601, 20);
  body.writeUInt32BE(20, 24);
  return body;
}

describe('font coverage', () => {
  it('reads cmap formats 4 and 12, leaving out characters mapped to no glyph', () => {
    const covered = parseCmapCoverage(
      fontWithCmap([
        { platform: 3, encoding: 1, body: format4() },
        { platform: 3, encoding: 10, body: format12() },
      ]),
    );
    expect([...covered].sort((a, b) => a - b)).toEqual([0x41, 0x42, 0x43, 0x61, 0x1f600, 0x1f601]);
  });

  it('ignores non-Unicode subtables and refuses a file with no cmap', () => {
    expect(parseCmapCoverage(fontWithCmap([{ platform: 1, encoding: 0, body: format4() }])).size).toBe(0);
    const noCmap = Buffer.alloc(12);
    expect(() => parseCmapCoverage(noCmap)).toThrow(/cmap/);
  });

  it('knows what DejaVu Sans can draw: French, the narrow no-break space, Arabic — not most emoji', () => {
    const regular = parseCmapCoverage(readFileSync(resolve(FONTS, 'DejaVuSans.ttf')));
    const oblique = parseCmapCoverage(readFileSync(resolve(FONTS, 'DejaVuSans-Oblique.ttf')));
    for (const ch of 'AzéèêàçÉÈœŒ€–—«»’…\u202f\u00a0ب') expect(regular.has(cp(ch)), ch).toBe(true);
    expect(regular.has(cp('🎉'))).toBe(false);
    expect(regular.has(cp('👍'))).toBe(false);
    // The oblique face has no Arabic.
    expect(oblique.has(cp('ب'))).toBe(false);
  });

  it('lists each missing character once, in order, and not the invisible ones', () => {
    const covered = new Set([...'Bravo à tous '].map(cp));
    // U+FE0F (emoji presentation selector) and U+200D (joiner) have no glyph by design.
    expect(missingCharacters('Bravo 🎉 à tous 👍🎉 ❤\ufe0f\u200d\n\t', covered)).toEqual(['🎉', '👍', '❤']);
    expect(missingCharacters('Bravo', covered)).toEqual([]);

    const missing = new Set<string>();
    expect(keepDrawable('Bravo 🎉 à\ttous\n❤\ufe0f', covered, missing)).toBe('Bravo  à\ttous\n');
    expect([...missing]).toEqual(['🎉', '❤']);
    // Fully covered text comes back as is.
    expect(keepDrawable('Bravo à tous', covered, missing)).toBe('Bravo à tous');
  });
});

describe('text hygiene', () => {
  it('removes what XML 1.0 forbids and keeps everything else', () => {
    expect(cleanText('a\u0000b\u0001c\u001fd\ufffee\uffff')).toBe('abcde');
    expect(cleanText('tab\there')).toBe('tab\there');
    // A lone surrogate goes; a real pair (emoji) stays.
    expect(cleanText('x\ud800y\udc00z 🎉')).toBe('xyz 🎉');
    expect(cleanText('<script>&amp;</script>')).toBe('<script>&amp;</script>');
  });

  it('turns every kind of line break into a newline', () => {
    expect(textLines('un\r\ndeux\rtrois\u000bquatre\u000ccinq\u2028six\nsept')).toEqual([
      'un',
      'deux',
      'trois',
      'quatre',
      'cinq',
      'six',
      'sept',
    ]);
    expect(singleLine('  Titre\nsur\tdeux lignes ')).toBe('Titre sur deux lignes');
  });
});
