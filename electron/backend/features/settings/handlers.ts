import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { COUNTRY_TIME_ZONES } from '../../../../shared/domain/vocabularies';
import { CreditSchema } from '../../../../shared/rpc/system';
import { SCHEMA_VERSION } from '../../db/migrations';
import { defineHandlers } from '../../rpc/router';
import { recordHistory } from '../history/repository';
import { loadCountry } from '../territories/service';
import { currentActor, readSettings, writeSettings } from './repository';

export const settingsHandlers = defineHandlers({
  'system.ping': async () => ({ ok: true as const }),
  'system.info': async (_input, ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: SCHEMA_VERSION,
    databasePath: ctx.paths.databasePath,
    backupsDir: ctx.paths.backupsDir,
    dataDir: ctx.paths.dataDir,
  }),
  'system.credits': async (_input, ctx) => {
    try {
      const text = readFileSync(join(ctx.paths.resourcesDir, 'territories', 'credits.json'), 'utf8');
      return z.array(CreditSchema).parse(JSON.parse(text));
    } catch {
      return [];
    }
  },
  'settings.get': async (_input, ctx) => readSettings(ctx.db),
  'settings.update': async (patch, ctx) => {
    const after = await ctx.db.transaction().execute(async (trx) => {
      const before = await readSettings(trx);
      // Choosing the country also sets its time zone, unless one is given in the same change.
      const timeZone =
        patch.countryCode && !patch.timeZone ? COUNTRY_TIME_ZONES[patch.countryCode] : patch.timeZone;
      await writeSettings(trx, { ...patch, ...(timeZone ? { timeZone } : {}) });
      const after = await readSettings(trx);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of Object.keys(after) as (keyof typeof after)[]) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
          changes[key] = [before[key], after[key]];
      }
      if (Object.keys(changes).length > 0) {
        await recordHistory(trx, {
          entityType: 'settings',
          entityId: 'settings',
          action: 'update',
          actor: await currentActor(trx),
          changes,
        });
      }
      return after;
    });
    // The secretariat sets its country once: its reference territories come with it.
    if (patch.countryCode) await loadCountry(ctx, patch.countryCode);
    return after;
  },
});
