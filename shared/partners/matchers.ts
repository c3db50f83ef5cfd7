// Matching a partner's place and organisation spellings to Concerto's registry. Exact answers
// (P-code, name within the parent, acronym, name, known alias) are applied; anything close is
// only PROPOSED for the user to confirm, never applied, because a wrong place or partner silently
// corrupts coverage figures. Indexes are built once per matcher and answers memoised per query,
// so an import of 50,000 rows that repeats a few hundred spellings costs a few hundred lookups.

import { foldForSearch } from '../domain/text';

export interface Proposal {
  id: string;
  label: string;
  score: number;
}

// ── Similarity ────────────────────────────────────────────────────────────

/**
 * Jaro-Winkler similarity (0..1) of the folded strings (accents, case, apostrophes and hyphens
 * ignored). Chosen over edit distance because place and organisation names are short and their
 * misspellings keep the beginning ("Tin Hamma" / "Tin Hama", "Tombouctou" / "Tombouctu"), which
 * Winkler's prefix bonus rewards.
 */
export function similarity(a: string, b: string): number {
  return jaroWinkler(foldForSearch(a), foldForSearch(b));
}

// Scratch buffers reused across calls: proposals compare a name with thousands of places.
let sFlags = new Uint8Array(64);
let tFlags = new Uint8Array(64);

function jaroWinkler(s: string, t: string): number {
  if (s === t) return 1;
  if (s === '' || t === '') return 0;
  if (sFlags.length < s.length) sFlags = new Uint8Array(s.length * 2);
  if (tFlags.length < t.length) tFlags = new Uint8Array(t.length * 2);
  sFlags.fill(0, 0, s.length);
  tFlags.fill(0, 0, t.length);
  const range = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < s.length; i++) {
    const from = Math.max(0, i - range);
    const to = Math.min(i + range + 1, t.length);
    const c = s.charCodeAt(i);
    for (let j = from; j < to; j++) {
      if (tFlags[j] === 1 || t.charCodeAt(j) !== c) continue;
      sFlags[i] = 1;
      tFlags[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    if (sFlags[i] !== 1) continue;
    while (tFlags[k] !== 1) k++;
    if (s.charCodeAt(i) !== t.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / s.length + m / t.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < s.length && prefix < t.length && s[prefix] === t[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Highest Jaro-Winkler two strings of these lengths can reach (all the shorter one's letters
 * matched, none transposed, a four-letter common prefix): lets proposals skip hopeless names.
 */
function jaroWinklerBound(ls: number, lt: number): number {
  if (ls === 0 || lt === 0) return 0;
  const m = Math.min(ls, lt);
  const jaro = (m / ls + m / lt + 1) / 3;
  return jaro + 0.4 * (1 - jaro);
}

/** Folded, with all punctuation and spaces removed: "ACF-E", "A.C.F.E" and "acfe" are one key. */
function compactKey(s: string): string {
  return foldForSearch(s).replace(/[^\p{L}\p{N}]+/gu, '');
}
/** Folded, punctuation made spaces: the key names are compared on. */
function nameKey(s: string): string {
  return foldForSearch(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function topProposals(candidates: Map<string, Proposal>, limit = 5): Proposal[] {
  return [...candidates.values()]
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label, 'fr'))
    .slice(0, limit)
    .map((p) => ({ ...p, score: Math.round(p.score * 1000) / 1000 }));
}

function addProposal(into: Map<string, Proposal>, p: Proposal): void {
  const existing = into.get(p.id);
  if (!existing || existing.score < p.score) into.set(p.id, p);
}

// ── Territories ───────────────────────────────────────────────────────────

export interface TerritoryRecord {
  id: string;
  pcode: string | null;
  name: string;
  level: number;
  parentId: string | null;
  aliases: readonly string[];
}
export interface TerritoryQuery {
  pcode?: string | null;
  name?: string | null;
  /** The already matched parent (e.g. the row's région), narrowing the name search. */
  parentId?: string | null;
  level?: number | null;
}
export type TerritoryMatch =
  | { territoryId: string; how: 'pcode' | 'name' | 'alias' }
  | { territoryId: null; proposals: Proposal[] };

export interface TerritoryMatcher {
  match(query: TerritoryQuery): TerritoryMatch;
  byId(id: string): TerritoryRecord | undefined;
  /** "Tin Hama (Ansongo, Gao)": the name and its ancestors, nearest first. */
  label(id: string): string;
}

/** Minimum similarity of a proposed close spelling. */
export const PROPOSAL_THRESHOLD = 0.75;

function pcodeKey(p: string): string {
  return p.replace(/\s+/g, '').toUpperCase();
}

/**
 * Matches places: P-code exactly (case and spaces ignored; an unknown P-code falls back to the
 * name), then the name — or an alias — among the parent's children (accents and case ignored),
 * then the name anywhere at that level (any level when none is given) when only one place bears
 * it. Otherwise up to five close spellings (similarity ≥ 0.75; among the parent’s children first, else the whole level) are
 * proposed, never applied. A name shared by places in two parents without a parent to decide is
 * ambiguous: both are proposed.
 */
export function createTerritoryMatcher(territories: readonly TerritoryRecord[]): TerritoryMatcher {
  const byId = new Map<string, TerritoryRecord>();
  const byPcode = new Map<string, TerritoryRecord>();
  // Keys "parent\u0000name" and "level\u0000name", to lists (homonyms).
  const nameInParent = new Map<string, TerritoryRecord[]>();
  const aliasInParent = new Map<string, TerritoryRecord[]>();
  const nameAtLevel = new Map<string, TerritoryRecord[]>();
  const aliasAtLevel = new Map<string, TerritoryRecord[]>();
  const byLevel = new Map<number, { t: TerritoryRecord; keys: string[] }[]>();
  const children = new Map<string, { t: TerritoryRecord; keys: string[] }[]>();
  const push = (map: Map<string, TerritoryRecord[]>, key: string, t: TerritoryRecord) => {
    const list = map.get(key);
    if (!list) map.set(key, [t]);
    else if (!list.includes(t)) list.push(t);
  };
  for (const t of territories) {
    byId.set(t.id, t);
    if (t.pcode) byPcode.set(pcodeKey(t.pcode), t);
    const name = nameKey(t.name);
    const parent = t.parentId ?? '';
    push(nameInParent, `${parent}\u0000${name}`, t);
    push(nameAtLevel, `${t.level}\u0000${name}`, t);
    push(nameAtLevel, `*\u0000${name}`, t);
    const keys = [name];
    for (const alias of t.aliases) {
      const a = nameKey(alias);
      if (a === '') continue;
      push(aliasInParent, `${parent}\u0000${a}`, t);
      push(aliasAtLevel, `${t.level}\u0000${a}`, t);
      push(aliasAtLevel, `*\u0000${a}`, t);
      keys.push(a);
    }
    const list = byLevel.get(t.level) ?? [];
    list.push({ t, keys });
    byLevel.set(t.level, list);
    if (t.parentId) {
      const siblings = children.get(t.parentId) ?? [];
      siblings.push({ t, keys });
      children.set(t.parentId, siblings);
    }
  }

  const labels = new Map<string, string>();
  function label(id: string): string {
    const cached = labels.get(id);
    if (cached !== undefined) return cached;
    const t = byId.get(id);
    if (!t) return id;
    const ancestors: string[] = [];
    const seen = new Set<string>([t.id]);
    let p = t.parentId ? byId.get(t.parentId) : undefined;
    while (p && !seen.has(p.id)) {
      seen.add(p.id);
      ancestors.push(p.name);
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
    const text = ancestors.length > 0 ? `${t.name} (${ancestors.join(', ')})` : t.name;
    labels.set(id, text);
    return text;
  }

  const atLevel = (list: TerritoryRecord[] | undefined, level: number | null | undefined) =>
    (list ?? []).filter((t) => level == null || t.level === level);

  function scan(
    name: string,
    candidates: readonly { t: TerritoryRecord; keys: string[] }[],
    level: number | null | undefined,
    into: Map<string, Proposal>,
  ): void {
    for (const { t, keys } of candidates) {
      if (level != null && t.level !== level) continue;
      let best = 0;
      for (const k of keys) {
        if (jaroWinklerBound(name.length, k.length) >= PROPOSAL_THRESHOLD)
          best = Math.max(best, jaroWinkler(name, k));
      }
      if (best >= PROPOSAL_THRESHOLD) addProposal(into, { id: t.id, label: label(t.id), score: best });
    }
  }

  const levelScans = new Map<string, Proposal[]>();

  /** Close spellings among the parent's children first; the whole level (or all) when none. */
  function proposals(name: string, query: TerritoryQuery): Proposal[] {
    const found = new Map<string, Proposal>();
    if (query.parentId) scan(name, children.get(query.parentId) ?? [], query.level, found);
    if (found.size === 0) {
      // The same unknown spelling comes back under many parents: scan each level once per name.
      const key = `${query.level ?? '*'}\u0000${name}`;
      let levelWide = levelScans.get(key);
      if (!levelWide) {
        const into = new Map<string, Proposal>();
        const levels = query.level != null ? [query.level] : [...byLevel.keys()];
        for (const level of levels) scan(name, byLevel.get(level) ?? [], null, into);
        levelWide = [...into.values()];
        levelScans.set(key, levelWide);
      }
      for (const p of levelWide) addProposal(found, p);
    }
    // Homonyms share a name: all of them are candidates, whatever the spelling threshold.
    for (const t of nameAtLevel.get(`${query.level ?? '*'}\u0000${name}`) ?? []) {
      addProposal(found, { id: t.id, label: label(t.id), score: 1 });
    }
    return topProposals(found);
  }

  function compute(query: TerritoryQuery): TerritoryMatch {
    if (query.pcode) {
      const t = byPcode.get(pcodeKey(query.pcode));
      if (t && (query.level == null || t.level === query.level)) return { territoryId: t.id, how: 'pcode' };
    }
    const name = query.name ? nameKey(query.name) : '';
    if (name === '') return { territoryId: null, proposals: [] };
    if (query.parentId) {
      const inParent = atLevel(nameInParent.get(`${query.parentId}\u0000${name}`), query.level);
      if (inParent.length === 1 && inParent[0]) return { territoryId: inParent[0].id, how: 'name' };
      const aliasIn = atLevel(aliasInParent.get(`${query.parentId}\u0000${name}`), query.level);
      if (inParent.length === 0 && aliasIn.length === 1 && aliasIn[0])
        return { territoryId: aliasIn[0].id, how: 'alias' };
    }
    const levelKey = query.level != null ? String(query.level) : '*';
    const named = nameAtLevel.get(`${levelKey}\u0000${name}`) ?? [];
    if (named.length === 1 && named[0]) return { territoryId: named[0].id, how: 'name' };
    if (named.length === 0) {
      const aliased = aliasAtLevel.get(`${levelKey}\u0000${name}`) ?? [];
      if (aliased.length === 1 && aliased[0]) return { territoryId: aliased[0].id, how: 'alias' };
    }
    return { territoryId: null, proposals: proposals(name, query) };
  }

  const cache = new Map<string, TerritoryMatch>();
  return {
    match(query) {
      const key = `${query.pcode ?? ''}\u0000${query.name ?? ''}\u0000${query.parentId ?? ''}\u0000${query.level ?? ''}`;
      let result = cache.get(key);
      if (!result) {
        result = compute(query);
        cache.set(key, result);
      }
      return result;
    },
    byId: (id) => byId.get(id),
    label,
  };
}

// ── Organisations ─────────────────────────────────────────────────────────

export interface OrganisationRecord {
  id: string;
  name: string;
  acronym: string | null;
  aliases: readonly string[];
}
export type OrganisationMatch =
  | { organisationId: string; how: 'acronym' | 'name' | 'alias' }
  | { organisationId: null; proposals: Proposal[] };
export interface OrganisationMatcher {
  match(value: string): OrganisationMatch;
}

const NAME_STOPWORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'pour',
  'of',
  'the',
  'and',
  'for',
  'en',
  'au',
  'aux',
  'a',
]);

/** "Action contre la Faim" → "acf" (small words skipped). */
function initials(name: string): string {
  return nameKey(name)
    .split(' ')
    .filter((w) => w !== '' && !NAME_STOPWORDS.has(w))
    .map((w) => w[0])
    .join('');
}

/**
 * Matches an organisation cell: acronym exactly (accents, case and punctuation ignored: "ACF-E"
 * = "ACFE" = "acfe"), then the full name (folded), then a known alias (folded, or compact like
 * acronyms). A value that several organisations share is ambiguous. Otherwise proposals (top 5,
 * never applied): close spellings of names and acronyms (similarity ≥ 0.75), acronyms that are
 * a prefix of the value or the reverse ("ACF-E" → ACF), names whose initials are the value's
 * ("ACF-E" → Action contre la Faim), names containing the value (at least three letters).
 */
export function createOrganisationMatcher(orgs: readonly OrganisationRecord[]): OrganisationMatcher {
  const byAcronym = new Map<string, OrganisationRecord[]>();
  const byName = new Map<string, OrganisationRecord[]>();
  const byAlias = new Map<string, OrganisationRecord[]>();
  const push = (map: Map<string, OrganisationRecord[]>, key: string, o: OrganisationRecord) => {
    if (key === '') return;
    const list = map.get(key);
    if (!list) map.set(key, [o]);
    else if (!list.includes(o)) list.push(o);
  };
  const prepared = orgs.map((o) => {
    const acronym = o.acronym ? compactKey(o.acronym) : '';
    push(byAcronym, acronym, o);
    push(byName, nameKey(o.name), o);
    for (const alias of o.aliases) {
      push(byAlias, nameKey(alias), o);
      push(byAlias, `#${compactKey(alias)}`, o);
    }
    return {
      o,
      acronym,
      name: nameKey(o.name),
      initials: initials(o.name),
      label: o.acronym ? `${o.name} (${o.acronym})` : o.name,
    };
  });

  function unique(list: OrganisationRecord[] | undefined): OrganisationRecord | null {
    return list && list.length === 1 && list[0] ? list[0] : null;
  }

  function compute(value: string): OrganisationMatch {
    const name = nameKey(value);
    const compact = compactKey(value);
    if (name === '') return { organisationId: null, proposals: [] };
    const acr = unique(byAcronym.get(compact));
    if (acr) return { organisationId: acr.id, how: 'acronym' };
    const named = unique(byName.get(name));
    if (named) return { organisationId: named.id, how: 'name' };
    const aliased = unique(byAlias.get(name)) ?? unique(byAlias.get(`#${compact}`));
    if (aliased) return { organisationId: aliased.id, how: 'alias' };

    const found = new Map<string, Proposal>();
    for (const p of prepared) {
      let score = Math.max(jaroWinkler(name, p.name), p.acronym ? jaroWinkler(compact, p.acronym) : 0);
      if (score < PROPOSAL_THRESHOLD) score = 0;
      if (
        p.acronym.length >= 2 &&
        compact.length >= 2 &&
        (compact.startsWith(p.acronym) || p.acronym.startsWith(compact))
      ) {
        score = Math.max(score, 0.85);
      }
      if (
        p.initials.length >= 2 &&
        compact.length >= 2 &&
        (compact.startsWith(p.initials) || p.initials === compact)
      ) {
        score = Math.max(score, 0.8);
      }
      if (name.length >= 3 && ` ${p.name} `.includes(` ${name} `)) score = Math.max(score, 0.8);
      // Several organisations with this very acronym or name: each is a proposal.
      if (p.acronym === compact || p.name === name) score = Math.max(score, 0.95);
      if (score > 0) addProposal(found, { id: p.o.id, label: p.label, score });
    }
    return { organisationId: null, proposals: topProposals(found) };
  }

  const cache = new Map<string, OrganisationMatch>();
  return {
    match(value) {
      let result = cache.get(value);
      if (!result) {
        result = compute(value);
        cache.set(value, result);
      }
      return result;
    },
  };
}
