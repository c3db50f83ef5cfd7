import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { unpackSpreadsheet } from './transfer';
import type { SpreadsheetData, SpreadsheetLimits, WorkerReply, WorkerRequest } from './types';
import { DEFAULT_SPREADSHEET_LIMITS, formatMessages, SpreadsheetFormatError } from './types';

// Reads an untrusted spreadsheet off the backend's thread (architecture.md): a worker thread
// parses it under a heap limit and is terminated when it runs past the time limit, so a crafted
// or merely enormous file costs an error message, never a frozen application.

/** Where the parsing code lives: the built bundle, or the TypeScript sources (tests, scripts). */
type WorkerEntry = { url: URL; fromSource: boolean };

/** Name of the worker's bundle, next to the backend's (electron.vite.config.ts inputs). */
export const WORKER_BUNDLE = 'spreadsheet-worker.js';

/**
 * From source, Node 24 strips the types of worker.ts itself but resolves imports strictly:
 * the bootstrap lets "./parse" find "./parse.ts" before importing the worker module.
 */
const SOURCE_BOOTSTRAP = `
const { registerHooks } = require('node:module');
const { workerData } = require('node:worker_threads');
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\\.\\.?\\//.test(specifier) && !/\\.[cm]?[jt]s$/.test(specifier)) {
        return nextResolve(specifier + '.ts', context);
      }
      throw error;
    }
  },
});
import(workerData.entry);
`;

/**
 * The worker's nursery, where V8 puts new objects. Left to its default, the garbage of a
 * streamed read (inflated slices, decoded text, tag names) grows it to tens of megabytes that
 * the process keeps afterwards; small, it is swept more often, at no measurable cost in time.
 */
const WORKER_YOUNG_GENERATION_MB = 4;

let located: WorkerEntry | null | undefined;

/** The worker's code: next to this module from source, next to (or above) its chunk once built. */
function locateWorker(): WorkerEntry | null {
  if (located !== undefined) return located;
  const here = import.meta.url;
  if (/\.ts$/.test(new URL(here).pathname)) {
    located = { url: new URL('./worker.ts', here), fromSource: true };
    return located;
  }
  located = null;
  for (const candidate of [`./${WORKER_BUNDLE}`, `../${WORKER_BUNDLE}`]) {
    const url = new URL(candidate, here);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) {
      located = { url, fromSource: false };
      break;
    }
  }
  if (!located) {
    console.warn(
      `[spreadsheets] ${WORKER_BUNDLE} not found next to ${here}: parsing on the backend's thread`,
    );
  }
  return located;
}

export interface ReadOptions {
  /** Stops the reading (the user cancelled): rejects with the signal's reason. */
  signal?: AbortSignal;
  /** 'inline' parses on this thread (no time limit): for hosts without worker threads. */
  mode?: 'worker' | 'inline';
}

/**
 * The sheets of a spreadsheet file (xlsx, xls, ods, csv, and the HTML or XML files some
 * applications save as .xls), as trimmed cell texts. Refusals are AppError('IMPORT_FORMAT')
 * with a French sentence naming the file: not a spreadsheet, empty, too big, too many rows or
 * columns, password-protected, too slow or too heavy to read.
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<SpreadsheetLimits> = {},
  options: ReadOptions = {},
): Promise<SpreadsheetData> {
  const bounds: SpreadsheetLimits = { ...DEFAULT_SPREADSHEET_LIMITS, ...limits };
  // Checked here too: no point copying an oversized file into a worker.
  if (bytes.length === 0) throw new AppError('IMPORT_FORMAT', formatMessages.empty(fileName));
  if (bytes.length > bounds.maxBytes) {
    throw new AppError('IMPORT_FORMAT', formatMessages.tooBig(fileName, bounds.maxBytes));
  }
  const entry = options.mode === 'inline' ? null : locateWorker();
  if (!entry) return parseInline(bytes, fileName, bounds);
  return parseInWorker(entry, bytes, fileName, bounds, options.signal);
}

async function parseInline(bytes: Uint8Array, fileName: string, limits: SpreadsheetLimits) {
  // Loaded on demand: SheetJS is large and most sessions never import a file.
  const { parseSpreadsheet } = await import('./parse');
  try {
    return await parseSpreadsheet(bytes, fileName, limits);
  } catch (error) {
    if (error instanceof SpreadsheetFormatError) throw new AppError('IMPORT_FORMAT', error.message);
    console.error('[spreadsheets] parser failed', error);
    throw new AppError('IMPORT_FORMAT', formatMessages.notSpreadsheet(fileName));
  }
}

function parseInWorker(
  entry: WorkerEntry,
  bytes: Uint8Array,
  fileName: string,
  limits: SpreadsheetLimits,
  signal: AbortSignal | undefined,
): Promise<SpreadsheetData> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    // A copy the worker owns, handed over rather than serialised: the caller keeps its bytes,
    // and the file is not held three times (caller, message, worker) while the worker starts.
    // (Not bytes.slice(): on a Buffer that is a view of the caller's, often pooled, memory.)
    const owned = new Uint8Array(bytes);
    const request: WorkerRequest = {
      kind: 'concerto-spreadsheet',
      bytes: owned,
      fileName,
      limits,
      ...(entry.fromSource ? { entry: entry.url.href } : {}),
    };
    const resourceLimits = {
      maxOldGenerationSizeMb: limits.maxMemoryMb,
      maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
    };
    const transferList = [owned.buffer];
    const worker = entry.fromSource
      ? new Worker(SOURCE_BOOTSTRAP, { eval: true, workerData: request, resourceLimits, transferList })
      : new Worker(entry.url, { workerData: request, resourceLimits, transferList });

    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const refuse = (message: string) => settle(() => reject(new AppError('IMPORT_FORMAT', message)));
    const timer = setTimeout(
      () => refuse(formatMessages.timeout(fileName, limits.timeoutMs)),
      limits.timeoutMs,
    );
    const onAbort = () => settle(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (reply: WorkerReply) => {
      if (reply.ok) settle(() => resolve(unpackSpreadsheet(reply.data)));
      else if (reply.refused) refuse(reply.message);
      else {
        console.error(`[spreadsheets] parser failed on ${fileName}: ${reply.message}`);
        refuse(formatMessages.notSpreadsheet(fileName));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') refuse(formatMessages.memory(fileName));
      else {
        console.error(`[spreadsheets] worker failed on ${fileName}`, error);
        refuse(formatMessages.notSpreadsheet(fileName));
      }
    });
    worker.on('exit', () => refuse(formatMessages.notSpreadsheet(fileName)));
  });
}
