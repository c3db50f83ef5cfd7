import { defineHandlers } from '../../rpc/router';
import { cancelSafetyJob } from '../backups/jobs';
import { moveToLocal, safetyStatus } from './service';

// The safe-mode screen: what is wrong, the latest good backup, and the move to this computer.
export const safetyHandlers = defineHandlers({
  'safety.status': async (_input, ctx) => safetyStatus(ctx),
  'safety.moveToLocal': async (_input, ctx) => moveToLocal(ctx),
  'safety.cancel': async ({ jobId }) => {
    cancelSafetyJob(jobId);
    return { ok: true as const };
  },
});
