// Where the built bundles live. index.js, backend.js and webhost.js sit together in out/main;
// the preload and the renderer are siblings of that folder (see electron.vite.config.ts).
import { join } from 'node:path';

const mainDir = import.meta.dirname;

export const PRELOAD_PATH = join(mainDir, '..', 'preload', 'index.cjs');
export const RENDERER_DIR = join(mainDir, '..', 'renderer');
export const BACKEND_PATH = join(mainDir, 'backend.js');

/**
 * Reference data (territories, vocabularies, document assets). In development it is the
 * repository's resources/ folder; packaged, electron-builder copies it to
 * <resources>/resources (extraResources in electron-builder.yml).
 */
export function resourcesDir(isPackaged: boolean): string {
  return isPackaged ? join(process.resourcesPath, 'resources') : join(mainDir, '..', '..', 'resources');
}
