import { defineHandlers } from '../../rpc/router';
import { readBoundaries } from './boundaries';
import { computeFreshness, coverageToday } from './freshness';
import { coverageGaps } from './gaps';
import { coverageMatrix } from './matrix';
import { coverageOverlaps } from './overlaps';

// Coverage views: read-only queries over the interventions.
export const coverageHandlers = defineHandlers({
  'coverage.matrix': async (input, ctx) => coverageMatrix(ctx.db, input),
  'coverage.overlaps': async (input, ctx) => coverageOverlaps(ctx.db, input),
  'coverage.gaps': async (input, ctx) => coverageGaps(ctx.db, input),
  'coverage.freshness': async (_input, ctx) => computeFreshness(ctx.db, await coverageToday(ctx.db)),
  'coverage.boundaries': async ({ countryCode, level }, ctx) =>
    readBoundaries(ctx.paths.resourcesDir, countryCode, level),
});
