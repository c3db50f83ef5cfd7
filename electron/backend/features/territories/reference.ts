import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseName } from '../../../../shared/domain/text';
import { AppError } from '../../errors';

// The shipped reference data (resources/territories): one CSV per country with the header
// `pcode,name,level,parent_pcode,alt_names`, and levels.json with the countries' names and the
// names of their administrative levels. See resources/territories/SOURCES.md.

export interface LocalisedName {
  fr: string;
  en: string;
}

export interface CountryLevels {
  name: LocalisedName;
  /** Level number as text ("1", "2"…) → its name in this country (Région, Cercle, Commune…). */
  levels: Record<string, LocalisedName>;
}

export interface ReferenceRow {
  pcode: string;
  name: string;
  level: number;
  parentPcode: string | null;
  aliases: string[];
  /** Line of the file the row starts on, for error messages. */
  line: number;
}

const HEADER = ['pcode', 'name', 'level', 'parent_pcode', 'alt_names'] as const;
const MAX_LEVEL = 4;
const MAX_NAME = 200;

export function territoriesDir(resourcesDir: string): string {
  return join(resourcesDir, 'territories');
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new AppError('IO', `Le fichier de référence ${what} est introuvable ou illisible.`, { path });
  }
}

function isLocalisedName(v: unknown): v is LocalisedName {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.fr === 'string' && typeof o.en === 'string';
}

/** Every country of levels.json, in the file's order. */
export function readCountryLevels(resourcesDir: string): Map<string, CountryLevels> {
  const text = readText(join(territoriesDir(resourcesDir), 'levels.json'), 'levels.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('IMPORT_FORMAT', 'Le fichier de référence levels.json n’est pas un JSON valide.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppError('IMPORT_FORMAT', 'Le fichier de référence levels.json n’a pas le format attendu.');
  }
  const countries = new Map<string, CountryLevels>();
  for (const [code, value] of Object.entries(parsed as Record<string, unknown>)) {
    const entry = value as Record<string, unknown> | null;
    const levels = entry?.levels;
    if (!entry || !isLocalisedName(entry.name) || !levels || typeof levels !== 'object') {
      throw new AppError(
        'IMPORT_FORMAT',
        `Le fichier de référence levels.json est invalide pour le pays ${code}.`,
      );
    }
    const names: Record<string, LocalisedName> = {};
    for (const [level, name] of Object.entries(levels as Record<string, unknown>)) {
      if (!isLocalisedName(name)) {
        throw new AppError(
          'IMPORT_FORMAT',
          `Le fichier de référence levels.json est invalide pour le pays ${code}, niveau ${level}.`,
        );
      }
      names[level] = { fr: name.fr, en: name.en };
    }
    countries.set(code, { name: { fr: entry.name.fr, en: entry.name.en }, levels: names });
  }
  return countries;
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold commas, line breaks and doubled
 * quotes), each with the line it starts on. Accepts CRLF and a leading byte-order mark, since
 * the files may have been re-saved by a spreadsheet program.
 */
export function parseCsv(text: string, fileName: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  const bad = (why: string) => formatError(fileName, line, why);
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    // A blank line (a single empty field) is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (c === '"') {
      if (field !== '' || afterQuote) throw bad('guillemet inattendu au milieu d’un champ');
      quoted = true;
    } else {
      if (afterQuote) throw bad('texte après un guillemet fermant');
      field += c;
    }
  }
  if (quoted) throw bad('guillemet ouvert jamais refermé');
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

function formatError(fileName: string, line: number, why: string): AppError {
  return new AppError(
    'IMPORT_FORMAT',
    `Le fichier de référence ${fileName} est invalide à la ligne ${line} : ${why}.`,
    { file: fileName, line },
  );
}

/**
 * Reads one country's reference rows and checks them: header, required values, levels 1..4,
 * unique P-codes, and a parent one level up for every row below level 1. A file that fails any
 * check is refused whole, naming the file and the line, so that no half-tree is ever loaded.
 */
export function parseReferenceCsv(text: string, fileName: string): ReferenceRow[] {
  const records = parseCsv(text, fileName);
  const header = records.shift();
  if (!header) throw formatError(fileName, 1, 'le fichier est vide');
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  for (const name of HEADER) {
    const at = columns.indexOf(name);
    if (at === -1) throw formatError(fileName, header.line, `colonne « ${name} » absente de l’en-tête`);
    index.set(name, at);
  }
  const cell = (fields: string[], name: (typeof HEADER)[number]) =>
    (fields[index.get(name) ?? -1] ?? '').trim();

  const rows: ReferenceRow[] = [];
  const byPcode = new Map<string, ReferenceRow>();
  for (const { fields, line } of records) {
    if (fields.length !== columns.length) {
      throw formatError(fileName, line, `${fields.length} colonnes au lieu de ${columns.length}`);
    }
    const pcode = cell(fields, 'pcode').toUpperCase();
    const name = normaliseName(cell(fields, 'name'));
    const levelText = cell(fields, 'level');
    const level = Number(levelText);
    const parent = cell(fields, 'parent_pcode').toUpperCase();
    if (!/^[A-Z0-9_-]{1,30}$/.test(pcode)) throw formatError(fileName, line, `code P « ${pcode} » invalide`);
    if (name === '' || name.length > MAX_NAME) throw formatError(fileName, line, 'nom vide ou trop long');
    if (!/^\d+$/.test(levelText) || level < 1 || level > MAX_LEVEL) {
      throw formatError(fileName, line, `niveau « ${levelText} » invalide (1 à ${MAX_LEVEL})`);
    }
    if (byPcode.has(pcode)) throw formatError(fileName, line, `code P ${pcode} en double`);
    if ((level === 1) !== (parent === '')) {
      throw formatError(
        fileName,
        line,
        level === 1 ? 'un territoire de niveau 1 n’a pas de parent' : 'parent absent',
      );
    }
    const aliases = [
      ...new Set(
        cell(fields, 'alt_names')
          .split('|')
          .map(normaliseName)
          .filter((a) => a.length > 0 && a.length <= MAX_NAME && a !== name),
      ),
    ];
    const row: ReferenceRow = {
      pcode,
      name,
      level,
      parentPcode: parent === '' ? null : parent,
      aliases,
      line,
    };
    rows.push(row);
    byPcode.set(pcode, row);
  }
  // Parents are checked once every row is known: the files are sorted by level, but nothing here
  // should depend on it.
  for (const row of rows) {
    if (row.parentPcode === null) continue;
    const parent = byPcode.get(row.parentPcode);
    if (!parent) throw formatError(fileName, row.line, `parent ${row.parentPcode} inconnu`);
    if (parent.level !== row.level - 1) {
      throw formatError(
        fileName,
        row.line,
        `le parent ${row.parentPcode} n’est pas au niveau ${row.level - 1}`,
      );
    }
  }
  return rows.sort((a, b) => a.level - b.level);
}

/** The reference rows of one country, parents before children. */
export function readCountryReference(resourcesDir: string, countryCode: string): ReferenceRow[] {
  const fileName = `${countryCode}.csv`;
  return parseReferenceCsv(readText(join(territoriesDir(resourcesDir), fileName), fileName), fileName);
}
