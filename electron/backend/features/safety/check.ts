import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { ContentSummary } from '../../../../shared/rpc/safety';
import { SUMMARY_COUNTS } from '../backups/summary';

// Copying and reading a whole database file (backup, quick_check, counts) takes seconds on a
// large one, and flushing a copy to the disk can stall for half a second: all of it runs in a
// worker thread on its own connections, so that calls keep being answered meanwhile. The
// worker's code is plain JavaScript held here (no bundle entry needed): it only needs the
// SQLite driver, whose path is resolved from this module.

export interface Inspection {
  /** 'ok', or the first problem quick_check reported. */
  check: string;
  userVersion: number;
  summary: ContentSummary;
}

/** SQLite could not copy or read the file; `code` is SQLite's (SQLITE_FULL, SQLITE_NOTADB…). */
export class DatabaseFileError extends Error {
  readonly code: string | undefined;
  constructor(code: string | undefined, message: string) {
    super(message);
    this.name = 'DatabaseFileError';
    this.code = code;
  }
}

interface Request {
  driver: string;
  path: string;
  /** Copy this database into `path` first (online backup API, from one consistent snapshot). */
  copyFrom: string | null;
  /** A closed copy nobody else has open: switch it from WAL to a self-contained journal. */
  finalise: boolean;
  counts: typeof SUMMARY_COUNTS;
}

type Reply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; ok: true; check: string; userVersion: number; summary: ContentSummary }
  | { kind: 'done'; ok: false; code?: string; message: string };

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);

async function copy() {
  const source = new Database(workerData.copyFrom, { readonly: true, fileMustExist: true });
  try {
    // One read transaction for the whole copy: a snapshot that writes made meanwhile by the
    // backend's own connection neither change nor restart (WAL keeps them aside).
    source.exec('BEGIN');
    source.prepare('SELECT count(*) FROM sqlite_schema').get();
    let last = 0;
    const result = await source.backup(workerData.path, {
      progress({ totalPages, remainingPages }) {
        const now = Date.now();
        if (now - last >= 50) {
          last = now;
          parentPort.postMessage({ kind: 'progress', done: totalPages - remainingPages, total: totalPages });
        }
        return 4096;
      },
    });
    source.exec('COMMIT');
    parentPort.postMessage({ kind: 'progress', done: result.totalPages, total: result.totalPages });
  } finally {
    source.close();
  }
}

function inspect() {
  const db = new Database(workerData.path, { readonly: !workerData.finalise, fileMustExist: true });
  try {
    if (workerData.finalise) db.pragma('journal_mode = DELETE');
    const userVersion = Number(db.pragma('user_version', { simple: true }));
    const problems = db.pragma('quick_check').map((row) => Object.values(row)[0]);
    const check = problems.length === 1 && problems[0] === 'ok' ? 'ok' : String(problems[0] ?? 'quick_check: no answer');
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all());
    const summary = {};
    for (const { key, table, sql } of workerData.counts) {
      summary[key] = tables.has(table) ? Number(db.prepare(sql).pluck().get()) : 0;
    }
    return { check, userVersion, summary };
  } finally {
    db.close();
  }
}

(async () => {
  if (workerData.copyFrom) await copy();
  parentPort.postMessage({ kind: 'done', ok: true, ...inspect() });
})().catch((error) => {
  parentPort.postMessage({ kind: 'done', ok: false, code: error && error.code, message: String(error && error.message) });
});
`;

let driverPath: string | null = null;
function driver(): string {
  driverPath ??= createRequire(import.meta.url).resolve('better-sqlite3');
  return driverPath;
}

export interface WorkerOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** False for a check nobody waits on: it does not keep the process alive. */
  keepAlive?: boolean;
}

function runWorker(request: Omit<Request, 'driver' | 'counts'>, options: WorkerOptions): Promise<Inspection> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { ...request, driver: driver(), counts: SUMMARY_COUNTS } satisfies Request,
    });
    if (options.keepAlive === false) worker.unref();
    let settled = false;
    let aborting = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const abortReason = () => options.signal?.reason ?? new Error('aborted');
    // Stopped at once; answered once the thread (and its connections, its open files) is gone,
    // so that the caller can remove the copy.
    const onAbort = () => {
      aborting = true;
      void worker.terminate().finally(() => settle(() => reject(abortReason())));
    };
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: Reply) => {
      if (aborting) return;
      if (reply.kind === 'progress') {
        if (!settled) options.onProgress?.(reply.done, reply.total);
        return;
      }
      settle(() => {
        if (reply.ok) resolve({ check: reply.check, userVersion: reply.userVersion, summary: reply.summary });
        else reject(new DatabaseFileError(reply.code, reply.message));
      });
    });
    worker.once('error', (error) => settle(() => reject(aborting ? abortReason() : error)));
    worker.once('exit', (code) =>
      settle(() =>
        reject(
          aborting ? abortReason() : new Error(`the database worker stopped unexpectedly (exit ${code})`),
        ),
      ),
    );
  });
}

/**
 * quick_check, schema version and content summary of a database file, read in a worker.
 * `finalise` (for a fresh copy nobody else has open) switches it to journal_mode DELETE first,
 * so the file stands alone. Throws DatabaseFileError when SQLite cannot read the file.
 */
export function inspectDatabaseFile(
  path: string,
  options: { finalise?: boolean; signal?: AbortSignal; keepAlive?: boolean } = {},
): Promise<Inspection> {
  return runWorker({ path, copyFrom: null, finalise: options.finalise ?? false }, options);
}

/**
 * Copies the database file `source` (live or closed) into the new file `destination` with the
 * online backup API from one snapshot, then finalises and inspects the copy — all in a worker.
 * An aborted signal stops the worker at once (the caller removes the destination).
 */
export function copyDatabaseFile(
  source: string,
  destination: string,
  options: WorkerOptions = {},
): Promise<Inspection> {
  return runWorker({ path: destination, copyFrom: source, finalise: true }, options);
}

/** quick_check on this thread, for small databases at start (before anything else runs). */
export function quickCheck(sqlite: BetterSqlite3.Database): string {
  const problems = (sqlite.pragma('quick_check') as Record<string, unknown>[]).map(
    (row) => Object.values(row)[0],
  );
  return problems.length === 1 && problems[0] === 'ok'
    ? 'ok'
    : String(problems[0] ?? 'quick_check: no answer');
}
