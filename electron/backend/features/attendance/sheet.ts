import { foldForSearch, normaliseName } from '../../../../shared/domain/text';
import type { Sex } from '../../../../shared/domain/vocabularies';
import { columnLetter } from '../../spreadsheets/columns';

// Reading a participants sheet as secretariats keep them: a title or two above the headers,
// columns in any order and in French or English ("Nom et prénoms", "Structure", "Sexe (F/H)",
// "Tél./WhatsApp"…), a N° and a signature column to ignore. Pure: no database here.

export const PARTICIPANT_FIELDS = [
  'name',
  'firstName',
  'function',
  'structure',
  'sex',
  'email',
  'phone',
] as const;
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];

/** How problems name a column: the field's French header. */
export const FIELD_LABELS: Record<ParticipantField, string> = {
  name: 'Nom',
  firstName: 'Prénom',
  function: 'Fonction',
  structure: 'Structure',
  sex: 'Sexe',
  email: 'Courriel',
  phone: 'Téléphone',
};

/** Header rows are looked for among the first rows only: below them is data. */
export const HEADER_SEARCH_ROWS = 10;

/** Lower case, no accents, punctuation as spaces: "Tél./WhatsApp" → "tel whatsapp". */
export function headerKey(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const WORDS: [ParticipantField, string[]][] = [
  ['email', ['courriel', 'courriels', 'email', 'emails', 'mail', 'mails', 'mel']],
  [
    'phone',
    [
      'telephone',
      'telephones',
      'tel',
      'phone',
      'contact',
      'contacts',
      'mobile',
      'cellulaire',
      'portable',
      'whatsapp',
      'gsm',
    ],
  ],
  ['sex', ['sexe', 'genre', 'sex', 'gender']],
  [
    'structure',
    [
      'structure',
      'structures',
      'organisation',
      'organisations',
      'organization',
      'organizations',
      'organisme',
      'organismes',
      'institution',
      'institutions',
      'service',
      'services',
      'entite',
      'ministere',
      'agence',
      'affiliation',
    ],
  ],
  [
    'function',
    [
      'fonction',
      'fonctions',
      'titre',
      'poste',
      'function',
      'title',
      'position',
      'qualite',
      'profession',
      'designation',
      'grade',
    ],
  ],
];
const NAME_WORDS = ['nom', 'noms', 'name', 'names'];
/** "Participant(e)s" names the column only on its own: in a sentence it is prose. */
const NAME_KEYS = [
  'participant',
  'participants',
  'participant e s',
  'participante',
  'participantes',
  'participant s',
];
const FIRST_NAME_WORDS = ['prenom', 'prenoms', 'firstname'];

/** The field a header cell names, or null ("N°", "Signature", a title). */
export function classifyHeader(text: string): ParticipantField | null {
  const key = headerKey(text);
  if (key === '') return null;
  const words = key.split(' ');
  // Titles ("Liste de présence des participants à l'atelier…") are sentences, not headers.
  if (words.length > 5 || words.includes('liste') || words.includes('list')) return null;
  const has = (list: readonly string[]) => words.some((w) => list.includes(w));
  const phrase = (p: string) => ` ${key} `.includes(` ${p} `);
  if (phrase('adresse electronique') || phrase('e mail') || phrase('adresse mail')) return 'email';
  for (const [field, list] of WORDS) if (has(list)) return field;
  if (['f h', 'h f', 'm f', 'f m'].includes(key)) return 'sex';
  if (has(NAME_WORDS) || NAME_KEYS.includes(key)) return 'name';
  if (has(FIRST_NAME_WORDS) || phrase('first name') || phrase('given name')) return 'firstName';
  return null;
}

export interface HeaderMatch {
  /** Index of the header row (0 = row 1). */
  row: number;
  columns: Partial<Record<ParticipantField, number>>;
}

/**
 * The header row among the first rows: the one naming the most fields, a name among them (ties
 * go to the row with more cells, then the first). Within a row the first column naming a field
 * takes it. Null when no row has a name column.
 */
export function detectHeader(rows: string[][]): HeaderMatch | null {
  let best: (HeaderMatch & { fields: number; cells: number }) | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const cells = rows[r] ?? [];
    const columns: Partial<Record<ParticipantField, number>> = {};
    for (const [c, text] of cells.entries()) {
      const field = classifyHeader(text);
      if (field && columns[field] === undefined) columns[field] = c;
    }
    if (columns.name === undefined && columns.firstName === undefined) continue;
    const fields = Object.keys(columns).length;
    const filled = cells.filter((c) => c !== '').length;
    if (!best || fields > best.fields || (fields === best.fields && filled > best.cells)) {
      best = { row: r, columns, fields, cells: filled };
    }
  }
  return best ? { row: best.row, columns: best.columns } : null;
}

/** "F", "Femme", "Féminin", "Mme" → female; "H", "M", "Homme", "Masculin", "M." → male. */
export function parseSex(text: string): Sex | null | 'invalid' {
  const key = headerKey(text);
  if (key === '') return null;
  if (
    ['f', 'femme', 'femmes', 'feminin', 'fem', 'female', 'w', 'woman', 'mme', 'mlle', 'madame'].includes(key)
  ) {
    return 'female';
  }
  if (['h', 'm', 'homme', 'hommes', 'masculin', 'masc', 'male', 'man', 'mr', 'monsieur'].includes(key))
    return 'male';
  return 'invalid';
}

const CIVILITIES = /^(m|mr|mme|mlle|melle|mll|dr|pr|me|monsieur|madame|mademoiselle|docteur|professeur) /;
const FEMALE_CIVILITIES = new Set(['mme', 'mlle', 'melle', 'mll', 'madame', 'mademoiselle']);

/** A name's matching key: folded, civility dropped ("Mme Awa TRAORÉ" → "awa traore"). */
export function nameKey(name: string): string {
  return foldForSearch(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(CIVILITIES, '');
}

/** Sex told by the civility when the sheet has no sex column or leaves it blank. */
export function sexFromCivility(name: string): Sex | null {
  const first = foldForSearch(name).split(/[ .]/)[0] ?? '';
  if (FEMALE_CIVILITIES.has(first)) return 'female';
  if (['m', 'mr', 'monsieur'].includes(first)) return 'male';
  return null;
}

/** An organisation's matching key: folded and without spaces or punctuation ("P.A.M." → "pam"). */
export function structureKey(text: string): string {
  return foldForSearch(text).replace(/[^a-z0-9]+/g, '');
}

/** The keys a structure cell may match: the whole text, and both sides of "Name (ACRONYM)". */
export function structureKeys(text: string): string[] {
  const keys = [structureKey(text)];
  const parts = /^(.*)\(([^()]*)\)\s*$/.exec(text.trim());
  if (parts) keys.push(structureKey(parts[1] ?? ''), structureKey(parts[2] ?? ''));
  return [...new Set(keys.filter((k) => k !== ''))];
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Phone numbers as typed in the region: "+223 76 12 34 56", "76-12-34-56 / 66 12 34 56". */
export const PHONE_PATTERN = /^[+0-9 ().\-/]{4,60}$/;

export interface SheetRow {
  /** Row number in the sheet (1 = first row). */
  row: number;
  name: string;
  function: string | null;
  structure: string | null;
  sex: Sex | null;
  email: string | null;
  phone: string | null;
  problems: { column: string | null; message: string; skip: boolean; letter: string | null }[];
}

const MAX = { name: 200, function: 300, structure: 300 };

/**
 * The data rows under the header, cleaned, each with its problems. Rows with nothing in the
 * recognised columns (the numbered blank lines of a printed sheet) are left out.
 */
export function readRows(rows: string[][], header: HeaderMatch): SheetRow[] {
  const { columns } = header;
  const at = (cells: string[], field: ParticipantField) => {
    const c = columns[field];
    return c === undefined ? '' : normaliseName(cells[c] ?? '');
  };
  const letter = (field: ParticipantField) => {
    const c = columns[field];
    return c === undefined ? null : columnLetter(c);
  };
  const out: SheetRow[] = [];
  for (let r = header.row + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const values = Object.fromEntries(PARTICIPANT_FIELDS.map((f) => [f, at(cells, f)])) as Record<
      ParticipantField,
      string
    >;
    if (PARTICIPANT_FIELDS.every((f) => values[f] === '')) continue;
    const row = r + 1;
    const problems: SheetRow['problems'] = [];
    const problem = (field: ParticipantField | null, text: string, skip = false) => {
      const l = field ? letter(field) : null;
      const where = l ? `Ligne ${row}, colonne ${l}` : `Ligne ${row}`;
      problems.push({
        column: field ? FIELD_LABELS[field] : null,
        letter: l,
        message: `${where} : ${text}`,
        skip,
      });
    };

    // "Nom" and "Prénom(s)" in two columns make one name, first name first like the directory.
    let name = [values.firstName, values.name].filter((v) => v !== '').join(' ');
    const nameField: ParticipantField = columns.name !== undefined ? 'name' : 'firstName';
    if (name === '') problem(nameField, 'nom manquant.', true);
    else if (name.length > MAX.name) {
      problem(nameField, `nom trop long (${MAX.name} caractères au maximum).`, true);
      name = name.slice(0, MAX.name);
    }

    let fn: string | null = values.function || null;
    if (fn && fn.length > MAX.function) {
      problem('function', `fonction tronquée à ${MAX.function} caractères.`);
      fn = fn.slice(0, MAX.function);
    }
    let structure: string | null = values.structure || null;
    if (structure && structure.length > MAX.structure) {
      problem('structure', `structure tronquée à ${MAX.structure} caractères.`);
      structure = structure.slice(0, MAX.structure);
    }

    let sex = parseSex(values.sex);
    if (sex === 'invalid') {
      problem('sex', `sexe « ${values.sex} » non reconnu (F ou H attendu).`);
      sex = null;
    }
    if (sex === null) sex = sexFromCivility(name);

    let email: string | null = values.email || null;
    let phone: string | null = values.phone || null;
    // A "Contact" column holds an address as often as a number.
    if (phone?.includes('@') && email === null) {
      email = phone;
      phone = null;
    }
    if (email && !EMAIL_PATTERN.test(email)) {
      problem(columns.email !== undefined ? 'email' : 'phone', `adresse électronique « ${email} » invalide.`);
      email = null;
    }
    if (phone && !PHONE_PATTERN.test(phone)) {
      problem('phone', `numéro de téléphone « ${phone} » invalide.`);
      phone = null;
    }
    out.push({ row, name, function: fn, structure, sex, email, phone, problems });
  }
  return out;
}
