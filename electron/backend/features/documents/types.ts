import type { DocumentModel } from '../../../../shared/documents/model';
import type { DocumentRequest } from '../../../../shared/rpc/documents';
import type { Settings } from '../../../../shared/rpc/system';
import type { Db } from '../../db/open';

/** What every builder knows besides the database: the settings (heading, signature) and today. */
export interface BuildEnv {
  settings: Settings;
  /** Whether a logo is stored: builders set heading.logo from it. */
  hasLogo: boolean;
  /** Today in the secretariat's calendar (YYYY-MM-DD): letters are dated with it. */
  today: string;
}

/** A builder reads what it needs (db or trx) and returns the model: no writes, no I/O besides reads. */
export type DocumentBuilder<R extends DocumentRequest = DocumentRequest> = (
  db: Db,
  request: R,
  env: BuildEnv,
) => Promise<DocumentModel>;

export interface LogoAsset {
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

/** What renderers need besides the model. */
export interface RenderAssets {
  /** Folder holding the DejaVu TTF files (resources/fonts). */
  fontsDir: string;
  logo: LogoAsset | null;
}

export interface PdfOutput {
  bytes: Uint8Array;
  /** Characters the embedded font cannot draw, left out of the PDF (emoji…), each listed once. */
  missingCharacters: string[];
}
