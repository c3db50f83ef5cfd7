import { defineHandlers } from '../../rpc/router';
import { meetingIcs } from './ics';
import { listMeetings, loadMeeting, nextMeetingNumber } from './repository';
import { createMeeting, restoreMeeting, transitionMeeting, trashMeeting, updateMeeting } from './service';

// One transaction per mutation; the actor is read before it opens (it queries ctx.db).
export const meetingsHandlers = defineHandlers({
  'meetings.list': async (input, ctx) => listMeetings(ctx.db, input),
  'meetings.get': async ({ id }, ctx) => loadMeeting(ctx.db, id),
  'meetings.create': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => createMeeting(trx, input, actor));
  },
  'meetings.update': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => updateMeeting(trx, input, actor));
  },
  'meetings.transition': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => transitionMeeting(trx, input, actor));
  },
  'meetings.trash': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => trashMeeting(trx, id, actor));
  },
  'meetings.restore': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => restoreMeeting(trx, id, actor));
  },
  'meetings.nextNumber': async ({ bodyId, kind }, ctx) => ({
    number: await nextMeetingNumber(ctx.db, bodyId, kind),
  }),
  'meetings.ics': async ({ id }, ctx) => meetingIcs(ctx.db, id),
});
