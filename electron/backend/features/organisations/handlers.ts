import { defineHandlers } from '../../rpc/router';
import { getOrganisationDetail, listOrganisations } from './repository';
import { createOrganisation, restoreOrganisation, trashOrganisation, updateOrganisation } from './service';

// One transaction per mutation; the actor is read before it opens (it queries ctx.db).
export const organisationsHandlers = defineHandlers({
  'organisations.list': async (input, ctx) => listOrganisations(ctx.db, input),
  'organisations.get': async ({ id }, ctx) => getOrganisationDetail(ctx.db, id),
  'organisations.create': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => createOrganisation(trx, input, actor));
  },
  'organisations.update': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => updateOrganisation(trx, input, actor));
  },
  'organisations.trash': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => trashOrganisation(trx, id, actor));
  },
  'organisations.restore': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => restoreOrganisation(trx, id, actor));
  },
});
