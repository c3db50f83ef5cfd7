import { MAX_UPLOAD_BYTES } from '../../../../shared/rpc/partners';
import { AppError, validationError } from '../../errors';
import { defineHandlers } from '../../rpc/router';
import { listRemovableFiles } from './removable';
import { stageAttachment, stageBytes, stagePath } from './staging';

// Receiving a partner's file: from the page (base64), a removable drive, or an email already
// staged. Staging writes only under <dataDir>/staging, never to the database: nothing to announce.

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (whitespace tolerated): Buffer.from would silently skip invalid characters. */
export function decodeBase64(data: string): Uint8Array {
  const compact = data.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw validationError([
      {
        path: ['data'],
        key: 'errors.field.invalid',
        message: 'Le contenu du fichier est mal transmis (base64 invalide) : réessayez.',
      },
    ]);
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw validationError([
      {
        path: ['data'],
        key: 'errors.field.fileTooLarge',
        message: 'Fichier trop volumineux (30 Mo au maximum).',
      },
    ]);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export const importIntakeHandlers = defineHandlers({
  'imports.stageUpload': async ({ fileName, data, source }, ctx) =>
    stageBytes(ctx, { fileName, bytes: decodeBase64(data), source }),
  'imports.stagePath': async ({ path }, ctx) => stagePath(ctx, path),
  'imports.stageAttachment': async ({ stagedId, index }, ctx) => stageAttachment(ctx, stagedId, index),
  'imports.removableFiles': async () => {
    try {
      return await listRemovableFiles();
    } catch {
      throw new AppError('IO', 'Les clés USB branchées n’ont pas pu être parcourues.');
    }
  },
});
