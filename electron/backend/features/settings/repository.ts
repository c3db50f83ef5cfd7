import type { Settings } from '../../../../shared/rpc/system';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { parseJson } from '../../json';

export const DEFAULT_SETTINGS: Settings = {
  language: 'fr',
  countryCode: null,
  heading: { country: null, motto: null, ministry: null, service: null },
  signature: { place: null, title: null, name: null },
  emailTemplates: {
    meeting: {
      subject: '{SIGLE} — {SESSION} du {DATE}',
      body:
        'Madame, Monsieur,\n\n' +
        'Veuillez trouver ci-joint les documents de la session « {SESSION} » de {ORGANE}, ' +
        'tenue ou prévue le {DATE} à {LIEU}.\n\n' +
        'Nous vous en souhaitons bonne réception.\n\n{SIGNATAIRE}',
    },
    body: {
      subject: '{SIGLE} — documents',
      body:
        'Madame, Monsieur,\n\n' +
        'Veuillez trouver ci-joint les documents relatifs à {ORGANE}.\n\n' +
        'Nous vous en souhaitons bonne réception.\n\n{SIGNATAIRE}',
    },
    followUp: {
      subject: '{SIGLE} — tableau de suivi des recommandations',
      body:
        'Madame, Monsieur,\n\n' +
        'Veuillez trouver ci-joint le tableau de suivi des recommandations de {ORGANE} qui vous concernent. ' +
        'Merci de renseigner les colonnes « Nouveau statut », « Avancement », « Commentaire » et « Date » ' +
        'sans modifier les autres, puis de nous le renvoyer par courriel.\n\n' +
        'Avec nos remerciements,\n\n{SIGNATAIRE}',
    },
  },
  userName: '',
  welcomed: false,
  timeZone: 'Africa/Bamako',
  absenceThreshold: 2,
  referenceFormat: '{SIGLE}/{AAAA}/{MM}/R{NN}',
};

export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = parseJson<unknown>(row.value, undefined);
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export async function writeSettings(db: Db, patch: Partial<Settings>): Promise<void> {
  const at = nowIso();
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at }))
      .execute();
  }
}

/** Who is recorded in the history: the name from the settings, or a neutral default. */
export async function currentActor(db: Db): Promise<string> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'userName')
    .executeTakeFirst();
  const name = parseJson<string>(row?.value, '').trim();
  return name || 'Utilisateur';
}
