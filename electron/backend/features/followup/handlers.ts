import { defineHandlers } from '../../rpc/router';
import { loadFollowUp, refreshFollowUp } from './service';

// followUp.get only reads: snapshots are taken when a meeting is created or convened (meetings
// service) and on refresh, never as a side effect of opening the screen.
export const followUpHandlers = defineHandlers({
  'followUp.get': async ({ meetingId }, ctx) => loadFollowUp(ctx.db, meetingId),
  'followUp.refresh': async ({ meetingId }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => refreshFollowUp(trx, meetingId, actor));
  },
});
