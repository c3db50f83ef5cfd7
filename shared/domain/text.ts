// Text rules for names typed by hand in many spellings: "Ténenkou" / "Tenenkou",
// "CLOCSAD d’Ansongo" / "clocsad d'ansongo", "Sous-groupe" / "sous groupe".

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * Search key: lower case, no accents, ligatures spelled out, and apostrophes, hyphens,
 * underscores and dots turned into spaces so "d’Ansongo", "d'Ansongo" and "d Ansongo" match
 * (and "S.T.D." finds "s t d"). Spaces collapsed and trimmed.
 */
export function foldForSearch(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .replace(/['’‘ʼ`´\-‐‑‒–—_.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// One collator for the whole app: building one per comparison makes sorting lists slow.
// Base sensitivity: "Ségou" and "segou" sort together; numeric: "Groupe 2" before "Groupe 10".
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** French alphabetical order, accents and case ignored at first level. */
export function compareFr(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A sorted copy of `items` by the French order of `key(item)`. */
export function sortFr<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareFr(key(a), key(b)));
}

/**
 * Name as stored: trimmed, inner runs of whitespace (tabs, no-break spaces from pasted Word
 * text) made one space, and in NFC so an accented letter typed or pasted two ways is one string
 * and does not create a look-alike duplicate.
 */
export function normaliseName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}
