import { defineHandlers } from '../../rpc/router';
import { acronymClashes, getBodyDetail, listBodies } from './queries';
import {
  addHolder,
  compositionAsAt,
  createSeat,
  removeHolder,
  removeSeat,
  reorderSeats,
  updateHolder,
  updateSeat,
} from './seats';
import { closeBody, createBody, reopenBody, restoreBody, trashBody, updateBody } from './service';

const ok = { ok: true as const };

// One transaction per mutation; the actor is read before it opens (it queries ctx.db).
export const bodiesHandlers = defineHandlers({
  'bodies.list': async (input, ctx) => listBodies(ctx.db, input),
  'bodies.get': async ({ id }, ctx) => getBodyDetail(ctx.db, id),
  'bodies.acronymClashes': async (input, ctx) => acronymClashes(ctx.db, input),
  'bodies.create': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => createBody(trx, input, actor));
  },
  'bodies.update': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => updateBody(trx, input, actor));
  },
  'bodies.close': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => closeBody(trx, input, actor));
  },
  'bodies.reopen': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => reopenBody(trx, id, actor));
  },
  'bodies.trash': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => trashBody(trx, id, actor));
  },
  'bodies.restore': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => restoreBody(trx, id, actor));
  },

  'seats.create': async ({ bodyId, ...input }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => createSeat(trx, bodyId, input, actor));
  },
  'seats.update': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => updateSeat(trx, input, actor));
  },
  'seats.remove': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    await ctx.db.transaction().execute((trx) => removeSeat(trx, id, actor));
    return ok;
  },
  'seats.reorder': async (input, ctx) => {
    const actor = await ctx.actor();
    await ctx.db.transaction().execute((trx) => reorderSeats(trx, input, actor));
    return ok;
  },
  'seats.addHolder': async ({ seatId, ...input }, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => addHolder(trx, seatId, input, actor));
  },
  'seats.updateHolder': async (input, ctx) => {
    const actor = await ctx.actor();
    return ctx.db.transaction().execute((trx) => updateHolder(trx, input, actor));
  },
  'seats.removeHolder': async ({ id }, ctx) => {
    const actor = await ctx.actor();
    await ctx.db.transaction().execute((trx) => removeHolder(trx, id, actor));
    return ok;
  },
  'composition.asAt': async ({ bodyId, date }, ctx) => compositionAsAt(ctx.db, bodyId, date),
});
