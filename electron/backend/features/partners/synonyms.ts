import { foldForSearch, sortFr } from '../../../../shared/domain/text';
import {
  INTERVENTION_ROLES,
  INTERVENTION_STATUSES,
  ORGANISATION_KINDS,
  SECTORS,
  type SynonymKind,
} from '../../../../shared/domain/vocabularies';
import { translateFr } from '../../../../shared/i18n/translate';
import { DEFAULT_SYNONYMS } from '../../../../shared/partners/synonyms';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { AppError, validationError } from '../../errors';

// The user's synonyms: a partner's own word for a sector, an organisation type, a status or a
// role ("WASH/EHA" = wash), learnt when the user resolves a value during an import or edits the
// list. Terms are stored folded (foldForSearch) like the built-in lists of
// shared/partners/synonyms.ts, which they override.

const VOCABULARIES: Record<SynonymKind, readonly string[]> = {
  sector: SECTORS,
  organisation_kind: ORGANISATION_KINDS,
  intervention_status: INTERVENTION_STATUSES,
  intervention_role: INTERVENTION_ROLES,
};

/** The user's synonyms of one kind: folded term → vocabulary code. */
export async function loadSynonyms(db: Db, kind: SynonymKind): Promise<Record<string, string>> {
  const rows = await db.selectFrom('synonyms').select(['term', 'value']).where('kind', '=', kind).execute();
  const out: Record<string, string> = {};
  for (const row of rows) out[row.term] = row.value;
  return out;
}

function foldedTerm(term: string): string {
  const folded = foldForSearch(term);
  if (folded === '') {
    throw validationError([
      { path: ['term'], key: 'errors.field.required', message: translateFr('errors.field.required') },
    ]);
  }
  return folded;
}

/** Adds or replaces a synonym (the term folded); the value must be a code of the kind's vocabulary. */
export async function saveSynonym(trx: Db, kind: SynonymKind, term: string, value: string): Promise<void> {
  if (!VOCABULARIES[kind].includes(value)) {
    throw validationError([
      {
        path: ['value'],
        key: 'errors.field.invalidChoice',
        message: translateFr('errors.field.invalidChoice'),
      },
    ]);
  }
  const folded = foldedTerm(term);
  const at = nowIso();
  await trx
    .insertInto('synonyms')
    .values({ kind, term: folded, value, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['kind', 'term']).doUpdateSet({ value, updated_at: at }))
    .execute();
}

/**
 * Removes the user's synonym of a term. A built-in synonym cannot be removed (only redefined),
 * so removing a term that only the shipped list knows is refused rather than silently ignored.
 */
export async function removeSynonym(trx: Db, kind: SynonymKind, term: string): Promise<void> {
  const folded = foldedTerm(term);
  const removed = await trx
    .deleteFrom('synonyms')
    .where('kind', '=', kind)
    .where('term', '=', folded)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) return;
  if (Object.hasOwn(DEFAULT_SYNONYMS[kind], folded)) {
    throw new AppError(
      'INVALID_TRANSITION',
      'Ce synonyme est fourni avec Concerto : il ne peut pas être supprimé, seulement associé à une autre valeur.',
    );
  }
  throw new AppError('NOT_FOUND', 'Ce synonyme est introuvable.');
}

export interface SynonymEntry {
  term: string;
  value: string;
  builtIn: boolean;
}

/** The built-in synonyms merged with the user's (which override them), in French order of the term. */
export async function listSynonyms(db: Db, kind: SynonymKind): Promise<SynonymEntry[]> {
  const merged = new Map<string, SynonymEntry>();
  for (const [term, value] of Object.entries(DEFAULT_SYNONYMS[kind])) {
    merged.set(term, { term, value, builtIn: true });
  }
  for (const [term, value] of Object.entries(await loadSynonyms(db, kind))) {
    merged.set(term, { term, value, builtIn: false });
  }
  return sortFr([...merged.values()], (e) => e.term);
}
