/**
 * Concerto's exports folder, inside the user-data folder: every file Concerto writes for the user
 * lands here first (or also), and only files from here may be opened by the desktop host.
 */
export const EXPORTS_FOLDER = 'exports';
