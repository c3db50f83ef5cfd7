// The spreadsheet reader for every import (participants sheets, 3W matrices, follow-up tables).
// parse.ts (the pure parser, SheetJS inside) is deliberately not re-exported: importing it loads
// SheetJS on the backend's thread, which only the worker and tests should do.
export { columnLetter } from './columns';
export { type ReadOptions, readSpreadsheet, WORKER_BUNDLE } from './read';
export {
  DEFAULT_SPREADSHEET_LIMITS,
  type SheetData,
  type SpreadsheetData,
  type SpreadsheetFormat,
  type SpreadsheetLimits,
  type TextEncodingName,
} from './types';
