import { defineHandlers } from '../../rpc/router';
import { dashboard, listRegister, rateForFilter } from './register';
import { listUpdates, loadRecommendation, requireRecommendationRow } from './repository';
import { createRoadmap, listRoadmaps, loadRoadmap, setRoadmapItems, trashRoadmap } from './roadmaps';
import {
  addRecommendationUpdate,
  createRecommendation,
  restoreRecommendation,
  transmitRecommendation,
  trashRecommendation,
  updateRecommendation,
} from './service';

// One transaction per mutation; the actor is read before it opens (it queries ctx.db).
export const recommendationsHandlers = defineHandlers({
  'recommendations.list': async (input, ctx) => listRegister(ctx.db, input),
  'recommendations.get': async ({ id }, ctx) => loadRecommendation(ctx.db, id),
  'recommendations.create': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => createRecommendation(trx, input, actor));
  },
  'recommendations.update': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => updateRecommendation(trx, input, actor));
  },
  'recommendations.addUpdate': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => addRecommendationUpdate(trx, input, actor));
  },
  'recommendations.updates': async ({ id }, ctx) => {
    await requireRecommendationRow(ctx.db, id);
    return listUpdates(ctx.db, id);
  },
  'recommendations.transmit': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => transmitRecommendation(trx, input, actor));
  },
  'recommendations.trash': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => trashRecommendation(trx, id, actor));
  },
  'recommendations.restore': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => restoreRecommendation(trx, id, actor));
  },
  'recommendations.rate': async (input, ctx) => rateForFilter(ctx.db, input),
  'recommendations.dashboard': async ({ today }, ctx) => dashboard(ctx.db, today),

  'roadmaps.list': async ({ bodyId }, ctx) => listRoadmaps(ctx.db, bodyId),
  'roadmaps.get': async ({ id }, ctx) => loadRoadmap(ctx.db, id),
  'roadmaps.create': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => createRoadmap(trx, input, actor));
  },
  'roadmaps.setItems': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => setRoadmapItems(trx, input, actor));
  },
  'roadmaps.trash': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => trashRoadmap(trx, id, actor));
  },
});
