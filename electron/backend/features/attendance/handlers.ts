import { defineHandlers } from '../../rpc/router';
import { readSettings } from '../settings/repository';
import { listChronicAbsences } from './absences';
import { commitImport, previewImport } from './import';
import { addExtraInvitee, generateInvitees, removeInvitee } from './invitees';
import { listInvitees } from './repository';
import { addWalkIn, markAttendance, removeCount, removeRecord, setCount } from './service';
import { getAttendance } from './stats';

// One transaction per mutation; the actor is read before it opens (it queries ctx.db).
export const attendanceHandlers = defineHandlers({
  'invitees.generate': async ({ meetingId }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => generateInvitees(trx, meetingId, actor));
  },
  'invitees.list': async ({ meetingId }, ctx) => listInvitees(ctx.db, meetingId),
  'invitees.addExtra': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => addExtraInvitee(trx, input, actor));
  },
  'invitees.remove': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    await ctx.db.transaction().execute((trx) => removeInvitee(trx, id, actor));
    return { ok: true as const };
  },

  'attendance.get': async ({ meetingId }, ctx) => getAttendance(ctx.db, meetingId),
  'attendance.mark': async (input, ctx) => ctx.db.transaction().execute((trx) => markAttendance(trx, input)),
  'attendance.addWalkIn': async (input, ctx) => ctx.db.transaction().execute((trx) => addWalkIn(trx, input)),
  'attendance.removeRecord': async ({ id }, ctx) => {
    await ctx.db.transaction().execute((trx) => removeRecord(trx, id));
    return { ok: true as const };
  },
  'attendance.setCount': async (input, ctx) => ctx.db.transaction().execute((trx) => setCount(trx, input)),
  'attendance.removeCount': async ({ id }, ctx) => {
    await ctx.db.transaction().execute((trx) => removeCount(trx, id));
    return { ok: true as const };
  },
  'attendance.previewImport': async (input, ctx) => previewImport(ctx.db, input),
  'attendance.commitImport': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute(async (trx) => {
      await commitImport(trx, input, actor);
      return getAttendance(trx, input.meetingId);
    });
  },
  'attendance.chronicAbsences': async ({ bodyId, threshold }, ctx) =>
    listChronicAbsences(ctx.db, {
      ...(bodyId ? { bodyId } : {}),
      threshold: threshold ?? (await readSettings(ctx.db)).absenceThreshold,
    }),
});
