import { defineHandlers } from '../../rpc/router';
import { duplicateAgenda, getAgenda, parseAgendaPaste, saveAgenda, standardAgendaItems } from './service';

// One transaction per mutation; the actor is read before it opens (it queries ctx.db). Reading a
// pasted table and proposing standard items write nothing: the secretary reviews, then saves.
export const agendaHandlers = defineHandlers({
  'agenda.get': async ({ meetingId }, ctx) => getAgenda(ctx.db, meetingId),
  'agenda.save': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => saveAgenda(trx, input, actor));
  },
  'agenda.parsePaste': async (input, ctx) => parseAgendaPaste(ctx.db, input),
  'agenda.standardItems': async ({ meetingId }, ctx) => standardAgendaItems(ctx.db, meetingId),
  'agenda.duplicateFrom': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => duplicateAgenda(trx, input, actor));
  },
});
