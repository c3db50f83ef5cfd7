// Which characters a TrueType font can draw, read from its `cmap` table.
//
// The PDF embeds DejaVu Sans and nothing else: a character the font has no glyph for (emoji,
// many scripts) would print as an empty box. The PDF renderer leaves such characters out and
// tells the user which ones, so the loss is said rather than silent. Pure: bytes in, sets out.

/** Code points a font maps to a real glyph (glyph 0, `.notdef`, does not count). */
export type Coverage = ReadonlySet<number>;

interface Subtable {
  platformId: number;
  encodingId: number;
  offset: number;
}

/** Unicode subtables: platform 0 (Unicode, any encoding) and Windows 3/1 (BMP) or 3/10 (full). */
function isUnicode(s: Subtable): boolean {
  return s.platformId === 0 || (s.platformId === 3 && (s.encodingId === 1 || s.encodingId === 10));
}

function readFormat4(view: DataView, start: number, out: Set<number>): void {
  const segCount = view.getUint16(start + 6) / 2;
  const endCodes = start + 14;
  const startCodes = endCodes + segCount * 2 + 2; // + reservedPad
  const idDeltas = startCodes + segCount * 2;
  const idRangeOffsets = idDeltas + segCount * 2;
  for (let i = 0; i < segCount; i++) {
    const end = view.getUint16(endCodes + i * 2);
    const first = view.getUint16(startCodes + i * 2);
    const delta = view.getUint16(idDeltas + i * 2);
    const rangeOffsetAt = idRangeOffsets + i * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let c = first; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xffff;
      } else {
        // The spec's pointer arithmetic: idRangeOffset is relative to its own position.
        const at = rangeOffsetAt + rangeOffset + (c - first) * 2;
        if (at + 2 > view.byteLength) continue;
        glyph = view.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(view: DataView, start: number, out: Set<number>): void {
  const groups = view.getUint32(start + 12);
  for (let i = 0; i < groups; i++) {
    const at = start + 16 + i * 12;
    const first = view.getUint32(at);
    const end = Math.min(view.getUint32(at + 4), 0x10ffff);
    const firstGlyph = view.getUint32(at + 8);
    for (let c = first; c <= end; c++) {
      if (firstGlyph + (c - first) !== 0) out.add(c);
    }
  }
}

/**
 * The code points a TTF/OTF maps to glyphs, from its Unicode cmap subtables of formats 4 (BMP)
 * and 12 (full range); other formats are ignored. Throws on a file that has no cmap table.
 */
export function parseCmapCoverage(bytes: Uint8Array): Set<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    if (tag === 'cmap') {
      cmap = view.getUint32(record + 8);
      break;
    }
  }
  if (cmap < 0) throw new Error('The font has no cmap table.');

  const subtables: Subtable[] = [];
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    subtables.push({
      platformId: view.getUint16(record),
      encodingId: view.getUint16(record + 2),
      offset: cmap + view.getUint32(record + 4),
    });
  }

  const covered = new Set<number>();
  const seen = new Set<number>();
  for (const subtable of subtables) {
    // Several encoding records often point at the same subtable: read it once.
    if (!isUnicode(subtable) || seen.has(subtable.offset)) continue;
    seen.add(subtable.offset);
    const format = view.getUint16(subtable.offset);
    if (format === 4) readFormat4(view, subtable.offset, covered);
    else if (format === 12) readFormat12(view, subtable.offset, covered);
  }
  return covered;
}

/**
 * Characters that have no glyph by design (variation selectors, joiners, tags…): dropping them
 * changes nothing visible, so they are removed without being reported as missing.
 */
export function isDefaultIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0x00ad ||
    codePoint === 0x034f ||
    codePoint === 0x061c ||
    (codePoint >= 0x115f && codePoint <= 0x1160) ||
    (codePoint >= 0x17b4 && codePoint <= 0x17b5) ||
    (codePoint >= 0x180b && codePoint <= 0x180f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0x3164 ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    codePoint === 0xffa0 ||
    (codePoint >= 0xfff0 && codePoint <= 0xfff8) ||
    (codePoint >= 0x1bca0 && codePoint <= 0x1bca3) ||
    (codePoint >= 0x1d173 && codePoint <= 0x1d17a) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe0fff)
  );
}

/** Line breaks and tabs are layout, not glyphs: never "missing". */
function isLayout(codePoint: number): boolean {
  return codePoint === 0x0a || codePoint === 0x09 || codePoint === 0x0d;
}

/** The visible characters of `text` the font cannot draw, each once, in order of appearance. */
export function missingCharacters(text: string, covered: Coverage): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (covered.has(cp) || isLayout(cp) || isDefaultIgnorable(cp)) continue;
    missing.add(ch);
  }
  return [...missing];
}

/**
 * `text` without the characters the font cannot draw; the visible ones dropped are added to
 * `missing`. Ignorable characters the font lacks are dropped silently.
 */
export function keepDrawable(text: string, covered: Coverage, missing: Set<string>): string {
  // Fast path: nearly every text of an administrative document is fully covered.
  let allCovered = true;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (covered.has(cp) || isLayout(cp)) continue;
    allCovered = false;
    break;
  }
  if (allCovered) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (covered.has(cp) || isLayout(cp)) {
      out += ch;
    } else if (!isDefaultIgnorable(cp)) {
      missing.add(ch);
    }
  }
  return out;
}
