import { defineHandlers } from '../../rpc/router';
import { getPersonDetail, listPeople } from './repository';
import { createPerson, restorePerson, trashPerson, updatePerson } from './service';

// One transaction per mutation; the actor is read before it opens (it queries ctx.db).
export const peopleHandlers = defineHandlers({
  'people.list': async (input, ctx) => listPeople(ctx.db, input),
  'people.get': async ({ id }, ctx) => getPersonDetail(ctx.db, id),
  'people.create': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => createPerson(trx, input, actor));
  },
  'people.update': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => updatePerson(trx, input, actor));
  },
  'people.trash': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => trashPerson(trx, id, actor));
  },
  'people.restore': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => restorePerson(trx, id, actor));
  },
});
