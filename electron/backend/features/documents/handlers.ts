import { defineHandlers } from '../../rpc/router';
import { recordHistory } from '../history/repository';
import { currentActor } from '../settings/repository';
import { buildDocument } from './builders';
import { buildEnv } from './env';
import { decodeLogoData, deleteLogo, describeLogo, hasStoredLogo, readLogo, storeLogo } from './logo';
import type { LogoAsset } from './types';

const toLogo = (logo: LogoAsset) => ({
  mime: logo.mime,
  data: Buffer.from(logo.bytes).toString('base64'),
  width: logo.width,
  height: logo.height,
});

export const documentsHandlers = defineHandlers({
  'documents.preview': async (request, ctx) => buildDocument(ctx.db, request, await buildEnv(ctx.db)),

  'settings.logo': async (_input, ctx) => {
    const logo = await readLogo(ctx.db);
    return logo ? toLogo(logo) : null;
  },

  'settings.setLogo': async ({ data }, ctx) => {
    // Decoded and sniffed before the transaction: a refused image writes nothing.
    const bytes = decodeLogoData(data);
    const stored = await ctx.db.transaction().execute(async (trx) => {
      const before = await readLogo(trx);
      const after = await storeLogo(trx, bytes);
      await recordHistory(trx, {
        entityType: 'settings',
        entityId: 'settings',
        action: 'update',
        actor: await currentActor(trx),
        changes: { logo: [before ? describeLogo(before) : null, describeLogo(after)] },
      });
      return after;
    });
    return toLogo(stored);
  },

  'settings.clearLogo': async (_input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await hasStoredLogo(trx))) return;
      // A stored image that no longer reads is still removed, and named as such in the history.
      const before = await readLogo(trx);
      await deleteLogo(trx);
      await recordHistory(trx, {
        entityType: 'settings',
        entityId: 'settings',
        action: 'update',
        actor: await currentActor(trx),
        changes: { logo: [before ? describeLogo(before) : 'image illisible', null] },
      });
    });
    return { ok: true as const };
  },
});
