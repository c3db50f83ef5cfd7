import { defineHandlers } from '../../rpc/router';
import { analyseImport } from './analyse';
import { commitImport } from './commit';
import { listBatches } from './history';
import { cancelImportJob } from './jobs';
import { previewImport } from './preview';
import { undoImport } from './undo';

// The 3W import chain: analyse (sheet, header rows, mapping) → preview (what would happen, with
// the values to resolve) → commit (one transaction) → history → undo. The staging of files
// (imports.stageUpload, stagePath, stageAttachment, removableFiles) is in intakeHandlers.ts.

export const importsHandlers = defineHandlers({
  'imports.analyse': async (input, ctx) => analyseImport(ctx, input),
  'imports.preview': async (input, ctx) => {
    const { plan: _plan, ...preview } = await previewImport(ctx, input);
    return preview;
  },
  'imports.commit': async (input, ctx) => commitImport(ctx, input),
  'imports.cancel': async ({ jobId }) => {
    cancelImportJob(jobId);
    return { ok: true as const };
  },
  'imports.history': async ({ limit }, ctx) => listBatches(ctx.db, limit),
  'imports.undo': async ({ batchId }, ctx) => undoImport(ctx, batchId),
});
