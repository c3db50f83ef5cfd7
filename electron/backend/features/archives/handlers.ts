import { defineHandlers } from '../../rpc/router';
import { exportArchive } from './export';
import { openArchive } from './open';
import { listRemovableArchives } from './removable';
import { restoreArchive } from './restore';

export const archivesHandlers = defineHandlers({
  'archives.export': (input, ctx) => exportArchive(ctx, input),
  'archives.removableFiles': () => listRemovableArchives(),
  'archives.open': (input, ctx) => openArchive(ctx, input),
  'archives.restore': (input, ctx) => restoreArchive(ctx, input),
});
