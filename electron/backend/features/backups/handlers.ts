import { existsSync } from 'node:fs';
import { defineHandlers } from '../../rpc/router';
import { freeBytes } from '../exports/drives';
import { runSafetyJob } from './jobs';
import { restoreBackup } from './restore';
import { createBackup, listBackups } from './service';

// Settings → Sauvegardes: the list (newest first, where they are, room left), "Sauvegarder
// maintenant" (verified before it is kept, cancellable), and restore (the current database is
// first kept as 'before-restore', so a restore can be undone by restoring that one).
export const backupsHandlers = defineHandlers({
  'backups.list': async (_input, ctx) => {
    const folder = ctx.paths.backupsDir;
    const measured = existsSync(folder) ? folder : ctx.paths.dataDir;
    return { backups: listBackups(folder), folder, freeBytes: (ctx.freeBytes ?? freeBytes)(measured) };
  },
  'backups.create': async ({ jobId }, ctx) =>
    runSafetyJob(ctx, jobId, (options) => createBackup(ctx, 'manual', options)),
  'backups.restore': async ({ id }, ctx) => restoreBackup(ctx, id),
});
