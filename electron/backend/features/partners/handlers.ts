import { defineHandlers } from '../../rpc/router';
import { partnerAlerts } from './alerts';
import {
  createConvention,
  listConventions,
  restoreConvention,
  trashConvention,
  updateConvention,
} from './conventions';
import { listInterventions, partnerProfile } from './profile';
import { listSynonyms, removeSynonym, saveSynonym } from './synonyms';

// One transaction per mutation; the actor is read before it opens (it queries ctx.db).
export const partnersHandlers = defineHandlers({
  'synonyms.list': async ({ kind }, ctx) => listSynonyms(ctx.db, kind),
  'synonyms.save': async ({ kind, term, value }, ctx) => {
    await ctx.db.transaction().execute((trx) => saveSynonym(trx, kind, term, value));
    return { ok: true as const };
  },
  'synonyms.remove': async ({ kind, term }, ctx) => {
    await ctx.db.transaction().execute((trx) => removeSynonym(trx, kind, term));
    return { ok: true as const };
  },
  'interventions.list': async (input, ctx) => listInterventions(ctx.db, input),
  'partners.profile': async ({ organisationId }, ctx) => partnerProfile(ctx.db, organisationId),
  'partners.alerts': async (_input, ctx) => partnerAlerts(ctx.db),
  'conventions.list': async (input, ctx) => listConventions(ctx.db, input),
  'conventions.create': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => createConvention(trx, input, actor));
  },
  'conventions.update': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => updateConvention(trx, input, actor));
  },
  'conventions.trash': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => trashConvention(trx, id, actor));
  },
  'conventions.restore': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => restoreConvention(trx, id, actor));
  },
});
