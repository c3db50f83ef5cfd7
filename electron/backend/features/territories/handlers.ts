import { defineHandlers } from '../../rpc/router';
import {
  countrySummaries,
  createTerritory,
  getTerritoryDetail,
  listTerritories,
  loadCountry,
  searchTerritories,
  updateTerritory,
} from './service';

// One transaction per mutation; the actor is read before it opens (it queries ctx.db).
// loadCountry manages its own bulk transaction on the raw connection (see the service).
export const territoriesHandlers = defineHandlers({
  'territories.countries': async (_input, ctx) => countrySummaries(ctx.db, ctx.paths.resourcesDir),
  'territories.loadCountry': async ({ countryCode }, ctx) => loadCountry(ctx, countryCode),
  'territories.list': async (input, ctx) => listTerritories(ctx.db, input),
  'territories.search': async (input, ctx) => searchTerritories(ctx.db, input),
  'territories.get': async ({ id }, ctx) => getTerritoryDetail(ctx.db, id),
  'territories.create': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => createTerritory(trx, input, actor));
  },
  'territories.update': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => updateTerritory(trx, input, actor));
  },
});
