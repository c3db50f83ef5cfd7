// Normalisers for the values of a partner's 3W matrix: dates, numbers, counts, lists of
// organisations. Every function takes the cell TEXT the spreadsheet reader produced (typed date
// cells already turned into ISO, numeric cells into plain JS number text such as "1234.5") and
// returns null when it cannot read the value — never throws, never guesses silently beyond the
// documented rules below.

import { foldForSearch } from '../domain/text';

// ── Text ───────────────────────────────────────────────────────────────────

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Trimmed, NFC, zero-width characters and soft hyphens removed, runs of spaces (nbsp, U+202F, tabs, line breaks) made one space. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

// ── Dates ──────────────────────────────────────────────────────────────────

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years are this century's: partners' matrices describe current work. */
function fullYear(text: string): number {
  const y = Number(text);
  return text.length <= 2 ? 2000 + y : y;
}

// Folded month names (foldForSearch has removed accents and dots: "févr." → "fevr").
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['janvier', 'janv', 'jan', 'january'],
  ['fevrier', 'fevr', 'fev', 'feb', 'february'],
  ['mars', 'mar', 'march'],
  ['avril', 'avr', 'apr', 'april'],
  ['mai', 'may'],
  ['juin', 'jun', 'june'],
  ['juillet', 'juil', 'jul', 'july'],
  ['aout', 'aou', 'aug', 'august'],
  ['septembre', 'sept', 'sep', 'september'],
  ['octobre', 'oct', 'october'],
  ['novembre', 'nov', 'november'],
  ['decembre', 'dec', 'december'],
];
MONTH_NAMES.forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});

function monthOf(word: string): number | null {
  return Object.hasOwn(MONTHS, word) ? (MONTHS[word] ?? null) : null;
}

/** Last serial Excel accepts (9999-12-31). */
const MAX_SERIAL = 2958465;

/**
 * Excel 1900 date system: serial 1 = 1900-01-01. Excel believes 1900 was a leap year, so serial 60
 * is the non-existent 29 February 1900 (→ null) and every serial after it is one day late.
 * A fractional part is a time of day and is dropped.
 */
function fromSerial(serial: number): string | null {
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL || day === 60) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + day * 86_400_000);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * ISO date (YYYY-MM-DD) from the spellings partners use: ISO (with or without a time),
 * dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yy (→ 20yy), yyyy/mm/dd, Excel serial
 * numbers as text ("45362", "45362.5"), French and English month names ("12 mars 2024",
 * "1er avril 2024", "mars 2024" → the 1st, "March 12, 2024"). Day-first always: these are
 * francophone files, so "03/04/2024" is the 3rd of April. Impossible dates (31/02/2024) → null.
 */
export function parseDate(text: string): string | null {
  const t = cleanText(text);
  if (t === '') return null;

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));

  // Day first; the time some exports append ("12/03/2024 00:00:00") is dropped.
  m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (m?.[4] !== undefined) return isoOf(fullYear(m[4]), Number(m[3]), Number(m[1]));

  if (/^\d+(?:\.\d+)?$/.test(t)) {
    const serial = Number(t);
    return serial >= 1 && serial <= MAX_SERIAL + 1 ? fromSerial(serial) : null;
  }

  // Month names. Folding removes accents, dots and hyphens: "févr.-24" → "fevr 24".
  const words = foldForSearch(t)
    .replace(/,/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && w !== 'le' && w !== 'the' && w !== 'of' && w !== 'de');
  const dayOf = (w: string): number | null => {
    const d = /^(\d{1,2})(?:er|e|eme|st|nd|rd|th)?$/.exec(w);
    return d ? Number(d[1]) : null;
  };
  const yearOf = (w: string): number | null => (/^(\d{4}|\d{2})$/.test(w) ? fullYear(w) : null);
  const [a, b, c] = words;
  if (words.length === 2 && a !== undefined && b !== undefined) {
    const month = monthOf(a);
    const year = yearOf(b);
    if (month !== null && year !== null) return isoOf(year, month, 1);
    return null;
  }
  if (words.length === 3 && a !== undefined && b !== undefined && c !== undefined) {
    // 12 mars 2024 / 1er avril 2024
    let day = dayOf(a);
    let month = monthOf(b);
    const year = yearOf(c);
    if (day !== null && month !== null && year !== null) return isoOf(year, month, day);
    // March 12, 2024
    month = monthOf(a);
    day = dayOf(b);
    if (day !== null && month !== null && year !== null) return isoOf(year, month, day);
  }
  return null;
}

// ── Numbers ────────────────────────────────────────────────────────────────

const NOT_A_VALUE = new Set(['', '-', '--', '—', '–', 'n/a', 'na', 'nd', 'n d', 'nc', 's o', 'so', '?', 'x']);

/** Groups of exactly three digits after a first group of one to three: "1", "12", "123". */
function validGroups(groups: readonly string[]): boolean {
  const [first, ...rest] = groups;
  return first !== undefined && /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}

/**
 * A number from how partners type them, or null.
 *
 * - Spaces (also no-break and narrow no-break), apostrophes: thousands separators, only in groups
 *   of three ("1 234,5", "12 000").
 * - Both "," and ".": the LAST one is the decimal separator, the other groups thousands
 *   ("1.234,5" = "1,234.5" = 1234.5).
 * - Several commas or several dots: thousands ("1,234,567", "1.234.567").
 * - A single dot: decimal ("1234.5", "1.234" = 1.234) — the reader writes numeric cells this way.
 * - A single comma: decimal (French, "12,5"), EXCEPT when it has exactly three digits after it,
 *   one to three digits before it that are not just "0", and no other separator
 *   ("1,234" = 1234): English thousands are far more common in 3W counts and budgets than
 *   three French decimals. "0,125" and "1234,567" stay decimals.
 * - Currency words and symbols before or after (FCFA, XOF, USD, $, €) and a trailing "%" are
 *   ignored ("45 %" → 45, not 0.45). "-", "", "n/a", "ND", "NC" → null.
 */
export function parseNumber(text: string): number | null {
  const t = cleanText(text);
  if (NOT_A_VALUE.has(foldForSearch(t)) || NOT_A_VALUE.has(t.toLowerCase())) return null;
  if (/^[-+]?\d+(?:\.\d+)?e[-+]?\d+$/i.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }
  const m = /^[\p{L}$€£¥\s.]*?([-+−]?)\s*(\d[\d\s'’.,]*?)\s*[\p{L}$€£¥%\s.]*$/u.exec(t);
  if (!m) return null;
  const negative = m[1] === '-' || m[1] === '−';
  const body = m[2] ?? '';
  // A trailing dot belongs to an abbreviation ("F." or the sentence), not the number.
  const raw = body.replace(/[.,]$/, '');
  const spaced = /[\s'’]/.test(raw);
  if (spaced && !validGroups(raw.split(/[.,]/)[0]?.split(/[\s'’]+/) ?? [])) return null;
  const s = raw.replace(/[\s'’]+/g, '');
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let normalised: string;
  if (commas > 0 && dots > 0) {
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    const [intPart, frac, extra] = s.split(decimal);
    if (extra !== undefined || intPart === undefined || frac === undefined) return null;
    if (!validGroups(intPart.split(thousands))) return null;
    normalised = `${intPart.split(thousands).join('')}.${frac}`;
  } else if (commas > 1 || dots > 1) {
    const sep = commas > 1 ? ',' : '.';
    const groups = s.split(sep);
    if (spaced || !validGroups(groups)) return null;
    normalised = groups.join('');
  } else if (commas === 1) {
    const [intPart = '', frac = ''] = s.split(',');
    const thousands = !spaced && frac.length === 3 && /^\d{1,3}$/.test(intPart) && intPart !== '0';
    normalised = thousands ? `${intPart}${frac}` : `${intPart}.${frac}`;
  } else {
    normalised = s;
  }
  if (!/^\d+(?:\.\d+)?$/.test(normalised)) return null;
  const n = Number(normalised);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/**
 * A head count: a non-negative integer, or null. Fractions are refused rather than rounded
 * (12,5 people is a typing error to show, not to hide). For counts only, "1.234" (a single dot
 * followed by three digits) is read as French thousands, since a count cannot be fractional.
 */
export function parseCount(text: string): number | null {
  const t = cleanText(text);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
  const n = parseNumber(t);
  if (n === null || n < 0 || !Number.isInteger(n)) return null;
  return n;
}

// ── Organisations in one cell ─────────────────────────────────────────────

/** Short, and spelled like an acronym: at least two capitals ("IRC", "ACF-E", "MdM", "CRS") and at most two words. */
function looksLikeAcronym(part: string): boolean {
  if (part.length === 0 || part.length > 12) return false;
  if (part.split(' ').length > 2) return false;
  return (part.match(/\p{Lu}/gu) ?? []).length >= 2;
}

/**
 * The organisations a cell names. "|", ";" and line breaks always separate; "," and " / "
 * separate only when every part looks like an acronym ("ACF, IRC, NRC"), so that
 * "Action contre la Faim, Espagne" stays one name. Trimmed, empties dropped, duplicates
 * (accents/case ignored) removed, first spelling kept.
 */
export function splitOrganisations(text: string): string[] {
  const pieces = text
    .replace(ZERO_WIDTH, '')
    .split(/[|;\n\r]+/)
    .flatMap((piece) => {
      const p = cleanText(piece);
      for (const sep of [/\s*,\s*/, /\s+\/\s+/]) {
        const parts = p.split(sep).map(cleanText);
        if (parts.length > 1 && parts.filter((x) => x !== '').every(looksLikeAcronym)) return parts;
      }
      return [p];
    })
    .map(cleanText)
    .filter((p) => p !== '');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of pieces) {
    const key = foldForSearch(p);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
