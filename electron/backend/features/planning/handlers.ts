import { defineHandlers } from '../../rpc/router';
import { calendar, dashboard, regularity } from './service';

export const planningHandlers = defineHandlers({
  'planning.calendar': async (input, ctx) => calendar(ctx.db, input),
  'planning.regularity': async (input, ctx) => regularity(ctx.db, input),
  'planning.dashboard': async (input, ctx) => dashboard(ctx.db, input),
});
