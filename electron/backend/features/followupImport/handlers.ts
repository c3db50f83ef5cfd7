import { defineHandlers } from '../../rpc/router';
import { commitFollowUp, previewFollowUp } from './service';

// Returned follow-up matrices: the preview reads the staged file and the register as they are;
// the commit reads the file, then applies it in ONE transaction (opened by commitFollowUp after
// the actor is read).
export const followUpImportHandlers = defineHandlers({
  'imports.followUpPreview': async ({ stagedId }, ctx) => previewFollowUp(ctx, stagedId),
  'imports.followUpCommit': async (input, ctx) => commitFollowUp(ctx, input),
});
