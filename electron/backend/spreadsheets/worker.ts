import { parentPort, workerData } from 'node:worker_threads';
import { parseSpreadsheet } from './parse';
import { packSpreadsheet } from './transfer';
import type { WorkerReply, WorkerRequest } from './types';
import { SpreadsheetFormatError } from './types';

// Entry of the worker thread that parses one file and exits. Built as its own bundle
// (spreadsheet-worker.js next to the backend's), or imported from source by read.ts's bootstrap.

const request = workerData as WorkerRequest | null;
if (parentPort && request?.kind === 'concerto-spreadsheet') {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const packed = packSpreadsheet(await parseSpreadsheet(request.bytes, request.fileName, request.limits));
    reply = { ok: true, data: packed.packed };
    transfer = packed.transfer;
  } catch (error) {
    reply =
      error instanceof SpreadsheetFormatError
        ? { ok: false, refused: true, message: error.message }
        : {
            ok: false,
            refused: false,
            message: error instanceof Error ? (error.stack ?? error.message) : String(error),
          };
  }
  parentPort.postMessage(reply, transfer);
}
