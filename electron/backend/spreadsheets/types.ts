import type { PackedSpreadsheet } from './transfer';

// Types and limits of the spreadsheet reader. This folder's modules run inside a worker thread,
// straight from source under Node's type stripping during tests: they use only erasable
// TypeScript (no enums, no parameter properties, `import type` for types) and import nothing of
// ours outside this folder.

/** Bounds on what an untrusted file may cost us before it is refused. */
export interface SpreadsheetLimits {
  /** Size of the file itself. */
  maxBytes: number;
  /** Rows of one sheet (from row 1, title rows included). */
  maxRows: number;
  /** Columns of one sheet (from column A). */
  maxColumns: number;
  /** Wall time of the parse; the worker is terminated past it. */
  timeoutMs: number;
  /** Heap of the worker: a crafted file (a "zip bomb") exhausts it rather than the backend's. */
  maxMemoryMb: number;
  /**
   * Characters of one cell; longer texts are cut to this length (Excel itself stops at 32,767,
   * so only a forged file goes beyond, and the rest of its rows stay usable).
   */
  maxCellLength: number;
  /**
   * Total uncompressed size an xlsx/ods archive declares in its zip directory, checked before
   * anything is inflated: a "zip bomb" is refused in milliseconds.
   */
  maxUncompressedBytes: number;
  /** Sheets of one workbook: real files have a handful (data, lists, instructions). */
  maxSheets: number;
}

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 100,
  timeoutMs: 10_000,
  maxMemoryMb: 512,
  maxCellLength: 32_767,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxSheets: 100,
};

/** Entries of an xlsx/ods archive: a real workbook has a few dozen, one per sheet and part. */
export const MAX_ZIP_ENTRIES = 10_000;

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'other';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface SheetData {
  name: string;
  /** Hidden sheets often hold the lists behind drop-down menus rather than data. */
  hidden: boolean;
  /**
   * Cell texts, trimmed. rows[r][c] is the cell at row r + 1, column c + 1 (A = 0) whatever the
   * sheet's used range, so positions can be quoted back to the user ("ligne 7, colonne B").
   * Empty rows in the middle stay (as []); trailing empty rows and cells are dropped. Numbers are
   * written plainly (1500, 12.5: never a thousands separator), dates as ISO (2024-03-12).
   */
  rows: string[][];
}

export interface SpreadsheetData {
  format: SpreadsheetFormat;
  /** CSV only: how the text was decoded and split. */
  encoding: TextEncodingName | null;
  separator: string | null;
  sheets: SheetData[];
}

/** A file we refuse to read, with the French sentence the user sees. */
export class SpreadsheetFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpreadsheetFormatError';
  }
}

export const formatMessages = {
  notSpreadsheet: (file: string) =>
    `Le fichier « ${file} » n’est pas un tableur lisible (xlsx, xls, ods ou csv).`,
  empty: (file: string) => `Le fichier « ${file} » est vide.`,
  tooBig: (file: string, limit: number) =>
    `Le fichier « ${file} » est trop volumineux : ${megabytes(limit)} au maximum.`,
  tooManyRows: (file: string, sheet: string, limit: number) =>
    `La feuille « ${sheet} » du fichier « ${file} » dépasse ${thousands(limit)} lignes : ` +
    'découpez-la en plusieurs fichiers.',
  tooManySheets: (file: string, limit: number) =>
    `Le fichier « ${file} » contient plus de ${limit} feuilles : gardez seulement celles à importer.`,
  tooManyColumns: (file: string, sheet: string, limit: number) =>
    `La feuille « ${sheet} » du fichier « ${file} » dépasse ${limit} colonnes.`,
  password: (file: string) =>
    `Le fichier « ${file} » est protégé par un mot de passe : enregistrez-le sans mot de passe puis réessayez.`,
  timeout: (file: string, ms: number) => {
    const seconds = Math.max(1, Math.round(ms / 1000));
    return `La lecture du fichier « ${file} » a dépassé ${seconds} seconde${seconds > 1 ? 's' : ''} : elle a été interrompue.`;
  },
  memory: (file: string) => `Le fichier « ${file} » est trop lourd à lire (mémoire insuffisante).`,
  inflated: (file: string, limit: number) =>
    `Le fichier « ${file} » se décompresse en plus de ${megabytes(limit)} : il est refusé ` +
    '(archive anormale, peut-être piégée).',
  tooManyEntries: (file: string, limit: number) =>
    `Le fichier « ${file} » contient plus de ${thousands(limit)} éléments compressés : il est refusé (archive anormale).`,
  badEntryName: (file: string) =>
    `Le fichier « ${file} » contient un élément au nom invalide : il est refusé (archive anormale).`,
  damaged: (file: string) =>
    `Le fichier « ${file} » est incomplet ou endommagé : demandez-en une nouvelle copie.`,
};

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} Mo`;
}

/** 20000 → "20 000" (French grouping with a no-break space), without Intl in the worker. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** What the worker receives (workerData) and posts back. */
export interface WorkerRequest {
  kind: 'concerto-spreadsheet';
  bytes: Uint8Array;
  fileName: string;
  limits: SpreadsheetLimits;
  /** Running from source only: the worker module the bootstrap imports. */
  entry?: string;
}

export type WorkerReply =
  /** The sheets, each distinct text once (transfer.ts). */
  | { ok: true; data: PackedSpreadsheet }
  /** refused: the file is at fault (French message); otherwise the parser crashed (details). */
  | { ok: false; refused: boolean; message: string };
