import type { EXPORT_LOG_KINDS } from '../../../../shared/rpc/documents';

export type ExportFormat = 'docx' | 'pdf' | 'xlsx' | 'zip' | 'eml' | 'concerto';
export type ExportLogKind = (typeof EXPORT_LOG_KINDS)[number];

/** The content type of each format: attachments in a draft, files served by the web host. */
export const MIME_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  eml: 'message/rfc822',
  /** A .concerto archive (features/archives): opaque to every other program. */
  concerto: 'application/octet-stream',
};
