import { defineHandlers } from '../../rpc/router';
import { buildEnv } from '../documents/env';
import { listDestinations } from './drives';
import { emailProposal } from './email';
import { cancelJob } from './jobs';
import { exportedFile, listExportLog } from './log';
import { exportDeps, saveBundle, saveEmailDraft, saveExports } from './service';

export const exportsHandlers = defineHandlers({
  'exports.save': async (input, ctx) => saveExports(await exportDeps(ctx), input),
  'exports.bundle': async (input, ctx) => saveBundle(await exportDeps(ctx), input),
  'exports.cancel': async ({ jobId }) => {
    cancelJob(jobId);
    return { ok: true as const };
  },
  'exports.emailProposal': async (context, ctx) => emailProposal(ctx.db, context, await buildEnv(ctx.db)),
  'exports.emailDraft': async (input, ctx) => saveEmailDraft(await exportDeps(ctx), input),
  'exports.destinations': async () => listDestinations(),
  'exports.log': async ({ limit }, ctx) => listExportLog(ctx.db, limit),
  'exports.file': async ({ id }, ctx) => exportedFile(ctx.db, ctx.paths.exportsDir, id),
});
