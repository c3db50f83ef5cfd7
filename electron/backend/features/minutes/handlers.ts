import { defineHandlers } from '../../rpc/router';
import {
  getMinutes,
  getVersion,
  listVersions,
  listWorkingGroups,
  openMinutes,
  pendingAdoption,
  restoreMinutesVersion,
  saveMinutes,
  saveWorkingGroups,
  transitionMinutes,
} from './service';

// One transaction per mutation; the actor is read before it opens (it queries ctx.db). The
// autosave's transaction is the unit of durability: the minutes row and its version together.
export const minutesHandlers = defineHandlers({
  'minutes.get': async ({ meetingId }, ctx) => getMinutes(ctx.db, meetingId),
  'minutes.open': async ({ meetingId }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => openMinutes(trx, meetingId, actor));
  },
  'minutes.save': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => saveMinutes(trx, input, actor));
  },
  'minutes.transition': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => transitionMinutes(trx, input, actor));
  },
  'minutes.versions': async ({ meetingId }, ctx) => listVersions(ctx.db, meetingId),
  'minutes.version': async ({ id }, ctx) => getVersion(ctx.db, id),
  'minutes.restoreVersion': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => restoreMinutesVersion(trx, id, actor));
  },
  'minutes.pendingAdoption': async ({ meetingId }, ctx) => pendingAdoption(ctx.db, meetingId),
  'workingGroups.list': async ({ meetingId }, ctx) => listWorkingGroups(ctx.db, meetingId),
  'workingGroups.save': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => saveWorkingGroups(trx, input, actor));
  },
});
