// The header recogniser: which of Concerto's 3W fields a partner's column holds, from its HXL tag
// (#org+name), its French or English header ("Nom Organisation", "Date de début (jj/mm/aaaa)"),
// or a close spelling ("Terrtoire"). Also finds the table in a sheet (title rows above, one or
// two header rows, an HXL row) and keys a layout so a corrected mapping is remembered.
// Pure: no I/O; cells are the trimmed texts the spreadsheet reader returns.

import { foldForSearch } from '../domain/text';
import type { ThreeWField } from './fields';

export type Confidence = 'hxl' | 'exact' | 'fuzzy' | 'none';
export interface ColumnRecognition {
  field: ThreeWField | null;
  confidence: Confidence;
}
export interface Layout {
  /** 0-based index of the (first) header row. */
  headerRowIndex: number;
  headerRows: 1 | 2;
  hxlRowIndex: number | null;
  firstDataRowIndex: number;
}

// ── HXL ────────────────────────────────────────────────────────────────────

const HXL = /^#([a-z][a-z0-9_]*)((?:\s*\+\s*[a-z][a-z0-9_]*)*)$/i;

/**
 * "#org +impl +name" → { tag: 'org', attributes: ['impl', 'name'] } — lower case, WITHOUT the
 * "#" and "+" marks, spaces around them tolerated. null when the cell is not a hashtag.
 */
export function parseHxl(cell: string): { tag: string; attributes: string[] } | null {
  const m = HXL.exec(cell.trim());
  if (!m?.[1]) return null;
  const attributes = (m[2] ?? '')
    .split('+')
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '');
  return { tag: m[1].toLowerCase(), attributes };
}

/** A row of HXL hashtags: more than half of its non-empty cells are tags. */
export function isHxlRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length === 0) return false;
  return filled.filter((c) => parseHxl(c) !== null).length * 2 > filled.length;
}

function fieldFromHxl(cell: string): ThreeWField | null {
  const hxl = parseHxl(cell);
  if (!hxl) return null;
  const a = new Set(hxl.attributes);
  const has = (...names: string[]) => names.some((n) => a.has(n));
  const level = /^adm([1-3])$/.exec(hxl.tag)?.[1];
  if (level) {
    const code = has('code', 'pcode', 'id');
    return `adm${level}${code ? 'Pcode' : 'Name'}` as ThreeWField;
  }
  const people = (prefix: 'targeted' | 'reached'): ThreeWField | null => {
    if (has('type')) return 'targetGroup';
    if (has('f', 'female', 'women', 'girls')) return `${prefix}Women`;
    if (has('m', 'male', 'men', 'boys')) return `${prefix}Men`;
    // An age group alone (+children) is a part of the total, not the total.
    if (has('children', 'adults', 'elderly', 'infants', 'adolescents', 'youth')) return null;
    return `${prefix}Total`;
  };
  switch (hxl.tag) {
    case 'org':
      if (has('funding', 'donor', 'funder')) return 'donor';
      if (has('acronym', 'abbrev', 'short')) return 'organisationAcronym';
      if (has('type', 'kind')) return 'organisationKind';
      if (has('role')) return 'role';
      return 'organisationName';
    case 'sector':
    case 'cluster':
      return has('domain', 'sub', 'subsector') ? 'domain' : 'sector';
    case 'subsector':
      return 'domain';
    case 'activity':
      return 'activity';
    case 'status':
      return 'status';
    case 'date':
      if (has('start', 'begin')) return 'startDate';
      if (has('end')) return 'endDate';
      return 'reportingDate';
    case 'targeted':
      return people('targeted');
    case 'reached':
      return people('reached');
    case 'value':
      return has('currency') ? 'currency' : 'budget';
    case 'currency':
      return 'currency';
    case 'contact':
      return 'contact';
    case 'beneficiary':
      return 'targetGroup';
    case 'population':
      return has('type') ? 'targetGroup' : null;
    default:
      return null;
  }
}

// ── Header normalisation ──────────────────────────────────────────────────

const INSTRUCTION =
  /\b(choisir|choisissez|selectionner|selectionnez|select|choose|pick|liste|list|deroulante?|dropdown|jj|aaaa|yyyy|dd|format|saisir|saisissez|entrer|entrez|enter|indiquer|indiquez|preciser|precisez|obligatoire|required|mandatory|optionnel|optional|facultatif|ex|exemple|example|eg|voir|see|utiliser|utilisez|use|cf|remplir|fill)\b/;

/**
 * Comparable form of a header: accents and case folded, instructions removed ("(Choisir dans
 * la liste déroulante)", "(jj/mm/aaaa)", ": sélectionner…"), `_fr`/`_en` suffixes removed,
 * underscores, dots and other punctuation made spaces, spaces collapsed. Parentheses that are
 * not instructions keep their words: "Budget (USD)" → "budget usd".
 */
export function normaliseHeader(text: string): string {
  let s = text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Suffixes before folding turns "_" into a space.
  s = s.replace(/[_\s.-](fr|en|fra|eng)$/i, '');
  s = s.replace(/\(([^)]*)\)?/g, (_all, inner: string) =>
    INSTRUCTION.test(foldForSearch(inner)) ? ' ' : ` ${inner} `,
  );
  // "Statut : choisir…", "Date - format jj/mm/aaaa", "Région * obligatoire".
  s = s.replace(/\s*(?::|\s[-–—*]\s|\*)\s*(.*)$/, (all, rest: string) =>
    INSTRUCTION.test(foldForSearch(rest)) ? '' : ` ${all.replace(/^\s*[:*]/, ' ')} `,
  );
  s = s.replace(/[_\s.-](fr|en|fra|eng)$/i, '');
  return foldForSearch(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ── Dictionary ────────────────────────────────────────────────────────────

const STOPWORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'of',
  'the',
  'en',
  'et',
  'and',
  'a',
  'au',
  'aux',
  'par',
  'pour',
  'in',
  'for',
  'by',
  'sur',
  'n',
  'no',
  'nb',
  'nbr',
  'nombre',
  'number',
  'num',
  'svp',
]);

function wordsOf(normalised: string): string[] {
  return normalised.split(' ').filter((w) => w !== '' && !STOPWORDS.has(w));
}
function bagOf(normalised: string): string {
  return [...wordsOf(normalised)].sort().join(' ');
}

const ADMIN_WORDS: Record<string, 1 | 2 | 3> = {
  region: 1,
  regions: 1,
  cercle: 2,
  cercles: 2,
  departement: 2,
  departements: 2,
  prefecture: 2,
  province: 2,
  territoire: 2,
  commune: 3,
  communes: 3,
  arrondissement: 3,
  'sous prefecture': 3,
};

const DICTIONARY: Record<ThreeWField, readonly string[]> = {
  organisationName: [
    'Nom Organisation',
    "Nom de l'organisation",
    'Organisation',
    'Organisations',
    'Organisation name',
    'Organization name',
    'Organization',
    'Org',
    'Partenaire',
    'Partenaires',
    'Nom du partenaire',
    'Partenaire de mise en œuvre',
    "Partenaire d'exécution",
    'Partenaire opérationnel',
    'Implementing partner',
    'Implementing organisation',
    'Implementing organization',
    'Organisation de mise en œuvre',
    'Acteur',
    'Acteurs',
    'Structure',
    'Nom de la structure',
    'Intervenant',
    'Intervenants',
    'Partner',
    'Partner name',
    'Organisation partenaire',
    "Nom complet de l'organisation",
    'Nom ONG',
    "Nom de l'ONG",
    'Agence',
    "Nom de l'acteur",
  ],
  organisationAcronym: [
    'Acronyme',
    'Accronyme',
    'Acronymes',
    'Sigle',
    'Organisation Acronyme',
    'Organisation Accronyme',
    'Acronyme organisation',
    "Acronyme de l'organisation",
    "Sigle de l'organisation",
    'Acronym',
    'Organisation acronym',
    'Organization acronym',
    'Abréviation',
    'Org acronym',
    'Sigle partenaire',
    'Acronyme partenaire',
    'Partner acronym',
  ],
  organisationKind: [
    'Type Organisation',
    "Type d'organisation",
    "Type de l'organisation",
    'Type de structure',
    'Catégorie organisation',
    "Catégorie d'organisation",
    'Organisation type',
    'Organization type',
    'Type of organisation',
    'Type of organization',
    "Type d'acteur",
    'Type partenaire',
    'Type de partenaire',
    'Partner type',
    'Org type',
  ],
  role: [
    'Rôle',
    "Rôle de l'organisation",
    'Rôle du partenaire',
    'Role in project',
    'Organisation role',
    "Type d'implication",
    'Modalité de mise en œuvre',
  ],
  donor: [
    'Bailleur',
    'Bailleurs',
    'Bailleur de fonds',
    'Bailleurs de fonds',
    'Donateur',
    'Donor',
    'Donors',
    'Funding',
    'Funding organisation',
    'Source de financement',
    'Sources de financement',
    'Financement',
    'Source of funding',
    'Partenaire financier',
    'PTF',
    'Funded by',
    'Financé par',
    'Organisation de financement',
    'Bailleur principal',
  ],
  sector: [
    'Secteur',
    'Secteurs',
    'Cluster',
    'Clusters',
    'Secteur Cluster',
    'Sector',
    'Sectors',
    'Sector cluster',
    "Secteur d'intervention",
    'Groupe sectoriel',
    'Secteur / Cluster',
  ],
  domain: [
    'Domaine',
    'Domaines',
    "Domaine d'intervention",
    "Domaines d'intervention",
    'Sous secteur',
    'Sous-secteur',
    'Subsector',
    'Sub sector',
    'Thématique',
    'Thème',
    'Theme',
    'Area',
  ],
  activity: [
    'Activité',
    'Activités',
    'Activity',
    'Activities',
    "Description de l'activité",
    "Type d'activité",
    'Activity type',
    "Intitulé de l'activité",
    'Intervention',
    'Interventions',
    'Projet',
    'Project',
    'Nom du projet',
    'Project name',
    'Titre du projet',
    'Activity description',
    'Activités menées',
    'Activités réalisées',
    'Activité principale',
    'Sous activité',
  ],
  targetGroup: [
    'Groupe cible',
    'Groupes cibles',
    'Target group',
    'Target groups',
    'Population cible',
    'Populations cibles',
    'Type de bénéficiaires',
    'Type de bénéficiaire',
    'Beneficiary type',
    'Catégorie de bénéficiaires',
    'Population type',
    'Type de population',
    'Type of beneficiaries',
    'Catégorie de population',
  ],
  adm1Name: ['admin1', 'adm1', 'admin1name', 'admin1 name', 'adm1 name', 'nom admin1', 'admin1 nom'],
  adm1Pcode: [
    'admin1pcode',
    'admin1pcod',
    'admin1 pcode',
    'adm1 pcode',
    'adm1 code',
    'admin1 code',
    'adm1pcode',
  ],
  adm2Name: ['admin2', 'adm2', 'admin2name', 'admin2 name', 'adm2 name', 'nom admin2', 'admin2 nom'],
  adm2Pcode: [
    'admin2pcode',
    'admin2pcod',
    'admin2 pcode',
    'adm2 pcode',
    'adm2 code',
    'admin2 code',
    'adm2pcode',
  ],
  adm3Name: ['admin3', 'adm3', 'admin3name', 'admin3 name', 'adm3 name', 'nom admin3', 'admin3 nom'],
  adm3Pcode: [
    'admin3pcode',
    'admin3pcod',
    'admin3 pcode',
    'adm3 pcode',
    'adm3 code',
    'admin3 code',
    'adm3pcode',
  ],
  status: [
    'Statut',
    'Status',
    'État',
    "État d'avancement",
    "Etat de l'activité",
    "Statut de l'activité",
    'Activity status',
    'Statut du projet',
    'Project status',
    'Situation',
    "Niveau d'avancement",
  ],
  startDate: [
    'Date de début',
    'Date début',
    'Début',
    'Start date',
    'Start',
    'Date of start',
    'Date démarrage',
    'Date de démarrage',
    'Démarrage',
    "Date de début de l'activité",
    'Date début projet',
    'Starting date',
  ],
  endDate: [
    'Date de fin',
    'Date fin',
    'Fin',
    'End date',
    'End',
    'Date de clôture',
    "Date d'achèvement",
    'Date fin prévue',
    'Date de fin prévue',
    "Date de fin de l'activité",
    'Ending date',
    'Completion date',
  ],
  targetedWomen: ['Femmes ciblées', 'Targeted women', 'Women targeted'],
  targetedMen: ['Hommes ciblés', 'Targeted men', 'Men targeted'],
  targetedTotal: [
    'Bénéficiaires ciblés',
    'Personnes ciblées',
    'Total ciblé',
    'Targeted',
    'People targeted',
    'Total targeted',
    'Targeted total',
    'Bénéficiaires prévus',
    'Personnes à atteindre',
    'Ciblés',
  ],
  reachedWomen: ['Femmes atteintes', 'Women reached', 'Reached women'],
  reachedMen: ['Hommes atteints', 'Men reached', 'Reached men'],
  reachedTotal: [
    'Bénéficiaires atteints',
    'Personnes atteintes',
    'Total atteint',
    'Reached',
    'People reached',
    'Total reached',
    'Reached total',
    'Bénéficiaires touchés',
    'Personnes touchées',
    'Atteints',
    'Bénéficiaires servis',
    'Personnes assistées',
  ],
  budget: [
    'Budget',
    'Budget (USD)',
    'Budget USD',
    'Budget total',
    'Montant',
    'Montant USD',
    'Coût',
    'Coût total',
    'Montant du financement',
    'Funding amount',
    'Budget amount',
    'Amount',
    'Budget FCFA',
    'Budget XOF',
    'Montant FCFA',
    'Montant XOF',
    'Budget ($)',
    'Valeur',
    'Montant total',
  ],
  currency: ['Devise', 'Monnaie', 'Currency'],
  contact: [
    'Point focal',
    'Points focaux',
    'Contact',
    'Contacts',
    'Personne contact',
    'Personne de contact',
    'Nom du point focal',
    'Email',
    'E-mail',
    'Courriel',
    'Téléphone',
    'Telephone',
    'Phone',
    'Focal point',
    'Contact person',
    'Email point focal',
    'Contact point focal',
    'Adresse email',
    'Contact du point focal',
  ],
  reportingDate: [
    'Date de mise à jour',
    'Date mise à jour',
    'Mise à jour',
    'Date de rapportage',
    'Date du rapport',
    'Date de rapport',
    'Reporting date',
    'Date reported',
    'Last updated',
    'Updated',
    'Date de saisie',
    'Date de remplissage',
    'Mois de rapportage',
    'Période de rapportage',
    'Reporting month',
    'Date of update',
    'Date MAJ',
    'Dernière mise à jour',
  ],
};

// Administrative headers are generated from the level words: "Région", "Nom Région",
// "Code Région", "Cercle P-code", "Pcode Commune"…
for (const [word, level] of Object.entries(ADMIN_WORDS)) {
  const nameList = DICTIONARY[`adm${level}Name`] as string[];
  const codeList = DICTIONARY[`adm${level}Pcode`] as string[];
  nameList.push(word, `nom ${word}`, `${word} name`, `${word} nom`);
  codeList.push(`pcode ${word}`, `code ${word}`, `${word} pcod`, `p code ${word}`, `${word} code pcode`);
}

interface Entry {
  field: ThreeWField;
  words: string[];
}
const EXACT = new Map<string, ThreeWField>();
const BAGS = new Map<string, ThreeWField>();
const ENTRIES: Entry[] = [];
const ENTRIES_BY_COUNT = new Map<number, Entry[]>();
for (const [field, headers] of Object.entries(DICTIONARY) as [ThreeWField, readonly string[]][]) {
  for (const h of headers) {
    const n = normaliseHeader(h);
    if (n === '') continue;
    if (!EXACT.has(n)) EXACT.set(n, field);
    const bag = bagOf(n);
    if (bag !== '' && !BAGS.has(bag)) BAGS.set(bag, field);
    const entry = { field, words: wordsOf(n) };
    ENTRIES.push(entry);
    const sameCount = ENTRIES_BY_COUNT.get(entry.words.length) ?? [];
    sameCount.push(entry);
    ENTRIES_BY_COUNT.set(entry.words.length, sameCount);
  }
}

// ── People counts: "Bénéficiaires ciblés Femmes", "Personnes atteintes / Hommes" ──

type Family = 'targeted' | 'reached';
function familyOf(words: readonly string[]): Family | null {
  for (const w of words) {
    if (/^(cibl|target|prevu|planifi|attendu|a atteindre)/.test(w)) return 'targeted';
    if (/^(attein|reach|touche|servi|assist|realis|beneficiaires atteint)/.test(w)) return 'reached';
  }
  return null;
}
function sexOf(words: readonly string[]): 'Women' | 'Men' | 'Total' | null {
  const women = words.some((w) => /^(femmes?|f|female|females|women|woman|filles?|feminin)$/.test(w));
  const men = words.some((w) => /^(hommes?|h|m|male|males|men|man|garcons?|masculin)$/.test(w));
  if (women && men) return 'Total';
  if (women) return 'Women';
  if (men) return 'Men';
  if (words.some((w) => /^(total|tot|totaux|ensemble|all|sum)$/.test(w))) return 'Total';
  return null;
}
const PEOPLE = /^(benef|person|people|individu|pers$|population|ind$)/;

function peopleField(normalised: string): ThreeWField | null {
  const words = normalised.split(' ');
  const family = familyOf(words);
  if (!family) return null;
  const sex = sexOf(words);
  const people = words.some((w) => PEOPLE.test(w));
  if (sex === null) return people ? `${family}Total` : null;
  return `${family}${sex}`;
}

// ── Fuzzy ─────────────────────────────────────────────────────────────────

/** Optimal-string-alignment Damerau-Levenshtein distance, abandoned beyond `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? 0;
}

/** Allowed typing errors for a dictionary word: none up to 3 letters, 1 up to 6, 2 beyond. */
function tolerance(word: string): number {
  if (word.length <= 3) return 0;
  return word.length <= 6 ? 1 : 2;
}
function wordDistance(headerWord: string, entryWord: string): number | null {
  if (headerWord === entryWord) return 0;
  const tol = tolerance(entryWord);
  if (tol === 0) return null;
  const d = editDistance(headerWord, entryWord, tol);
  return d <= tol ? d : null;
}

/** Best unique field among candidates; a tie between different fields is no answer. */
function bestOf(candidates: { field: ThreeWField; rank: number }[]): ThreeWField | null {
  let best: { field: ThreeWField; rank: number } | null = null;
  let tie = false;
  for (const c of candidates) {
    if (!best || c.rank < best.rank) {
      best = c;
      tie = false;
    } else if (c.rank === best.rank && c.field !== best.field) tie = true;
  }
  return best && !tie ? best.field : null;
}

/** More content words than this is a sentence, not a header. */
const MAX_HEADER_WORDS = 8;

function fuzzyField(normalised: string): ThreeWField | null {
  const words = wordsOf(normalised);
  if (words.length === 0 || words.length > MAX_HEADER_WORDS) return null;
  // 1. Same words, each within its tolerance ("Terrtoire", "Organisation Acronyem").
  const same: { field: ThreeWField; rank: number }[] = [];
  for (const e of ENTRIES_BY_COUNT.get(words.length) ?? []) {
    let total = 0;
    let ok = true;
    const used = new Set<number>();
    for (const ew of e.words) {
      let bestIdx = -1;
      let bestD = Number.POSITIVE_INFINITY;
      words.forEach((hw, idx) => {
        if (used.has(idx)) return;
        const d = wordDistance(hw, ew);
        if (d !== null && d < bestD) {
          bestD = d;
          bestIdx = idx;
        }
      });
      if (bestIdx < 0) {
        ok = false;
        break;
      }
      used.add(bestIdx);
      total += bestD;
    }
    if (ok) same.push({ field: e.field, rank: total });
  }
  const fromSame = bestOf(same);
  if (fromSame) return fromSame;
  if (same.length > 0) return null;
  // 2. Main words: the header contains all the words of a known header, plus others
  // ("Nom complet de l'organisation partenaire"). The known header with most words wins.
  // Only for header-sized texts, and the known words must be at least half of the header's:
  // a sentence that happens to contain "commune" is a value, not a header.
  if (words.length > MAX_HEADER_WORDS) return null;
  const contained: { field: ThreeWField; rank: number }[] = [];
  for (const e of ENTRIES) {
    if (e.words.length >= words.length || e.words.length * 2 < words.length) continue;
    if (e.words.length === 1 && (e.words[0]?.length ?? 0) < 5) continue;
    const all = e.words.every((ew) => words.some((hw) => wordDistance(hw, ew) !== null));
    if (all) contained.push({ field: e.field, rank: -e.words.length });
  }
  return bestOf(contained);
}

// ── Recognition ───────────────────────────────────────────────────────────

function recogniseText(normalised: string): ColumnRecognition {
  // Figures and dates are values, never headers.
  if (normalised === '' || !/\p{L}/u.test(normalised)) return { field: null, confidence: 'none' };
  const exact = EXACT.get(normalised) ?? BAGS.get(bagOf(normalised));
  if (exact) return { field: exact, confidence: 'exact' };
  const people = peopleField(normalised);
  if (people) return { field: people, confidence: 'exact' };
  const fuzzy = fuzzyField(normalised);
  if (fuzzy) return { field: fuzzy, confidence: 'fuzzy' };
  return { field: null, confidence: 'none' };
}

/**
 * The field a column holds. The HXL tag decides when it is known; then the header, exactly
 * (accents, case, word order, instructions ignored); then a close spelling or the header's main
 * words (→ 'fuzzy', to be confirmed by the user). Two-row headers come as "Parent / Child"
 * (see headerTexts): the child is also tried alone and with its parent's words.
 *
 * Decisions: "Territoire" and "Cercle", "Département", "Préfecture", "Province" are level 2,
 * "Commune", "Arrondissement", "Sous-préfecture" level 3, "Région" level 1 (the common case in
 * the countries served; Bénin's département/commune are one level higher — remap with the
 * country if needed). "Village"/"Localité" are not fields. #org+prog and #org+impl both give
 * organisationName; several columns may propose the same field, the caller keeps one.
 */
export function recogniseColumn(header: string, hxl: string | null): ColumnRecognition {
  const key = `${hxl ?? ''}\u0000${header}`;
  const cached = recognised.get(key);
  if (cached) return { ...cached };
  const result = recogniseUncached(header, hxl);
  // Layout detection and sheet scoring ask about the same cells again and again.
  if (recognised.size >= RECOGNISED_CACHE_SIZE) recognised.clear();
  recognised.set(key, result);
  return { ...result };
}

const RECOGNISED_CACHE_SIZE = 5000;
const recognised = new Map<string, ColumnRecognition>();

function recogniseUncached(header: string, hxl: string | null): ColumnRecognition {
  if (hxl) {
    const field = fieldFromHxl(hxl);
    if (field) return { field, confidence: 'hxl' };
  }
  const parts = header
    .split(/\s+\/\s+/)
    .map(normaliseHeader)
    .filter((p) => p !== '');
  if (parts.length === 0) return { field: null, confidence: 'none' };
  const whole = recogniseText(parts.join(' '));
  if (whole.confidence === 'exact' || parts.length === 1) return whole;
  // "Localisation / Région", "Période / Date de début": the child alone.
  const child = recogniseText(parts[parts.length - 1] ?? '');
  if (child.confidence === 'exact') return child;
  return whole.field ? whole : child;
}

// ── Layout ────────────────────────────────────────────────────────────────

function filled(row: readonly string[] | undefined): string[] {
  return (row ?? []).filter((c) => c.trim() !== '');
}
function isNumericOrDate(cell: string): boolean {
  const t = cell.trim();
  return /^[-+]?[\d\s.,/%:]+$/.test(t) && /\d/.test(t);
}
function recognisedCount(row: readonly string[]): { exact: number; any: number } {
  let exact = 0;
  let any = 0;
  for (const c of filled(row)) {
    const r = recogniseColumn(c, null);
    if (r.field === null) continue;
    any++;
    if (r.confidence === 'exact') exact++;
  }
  return { exact, any };
}

/** Header row: at least two recognised headers and most of its cells text. */
function looksLikeHeader(row: readonly string[]): boolean {
  const cells = filled(row);
  if (cells.length < 2) return false;
  const text = cells.filter((c) => !isNumericOrDate(c)).length;
  const { exact, any } = recognisedCount(row);
  return exact >= 1 && any >= 2 && any * 3 >= cells.length && text * 4 >= cells.length * 3;
}

/**
 * A second header row: no figures, and either it fills cells the first row left blank inside a
 * merged group ("Personnes ciblées" over "Femmes | Hommes | Total"), or most of it are sex/total
 * words.
 */
function looksLikeSubHeader(top: readonly string[], sub: readonly string[] | undefined): boolean {
  if (!sub || isHxlRow(sub)) return false;
  const cells = filled(sub);
  if (cells.length === 0 || cells.some(isNumericOrDate)) return false;
  let mergedGap = false;
  let seenTop = false;
  const width = Math.max(top.length, sub.length);
  for (let c = 0; c < width; c++) {
    const t = (top[c] ?? '').trim();
    const s = (sub[c] ?? '').trim();
    if (t !== '') seenTop = true;
    else if (seenTop && s !== '') mergedGap = true;
  }
  const subWords = cells.filter((c) => sexOf(normaliseHeader(c).split(' ')) !== null).length;
  if (mergedGap) {
    // Data rows can also fill a column without a header; sub-headers are mostly known words.
    const known = cells.filter(
      (c) => recogniseColumn(c, null).field !== null || sexOf(normaliseHeader(c).split(' ')) !== null,
    ).length;
    return known * 2 >= cells.length || cells.length <= filled(top).length;
  }
  return subWords >= 2 && subWords * 2 >= cells.length;
}

const SCAN_ROWS = 40;

/**
 * Where the table is: title rows skipped, the header row (first row with at least two recognised
 * headers, one of them exactly, and mostly text; failing that the first row with two filled text cells), an optional
 * second header row of sub-headers under merged cells, an optional HXL row after the headers
 * (or an HXL row alone as header), then the first data row (blank rows skipped).
 */
export function detectLayout(rows: readonly (readonly string[])[]): Layout {
  const limit = Math.min(rows.length, SCAN_ROWS);
  let header = -1;
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    if (isHxlRow(row)) {
      header = i;
      break;
    }
    if (looksLikeHeader(row)) {
      header = i;
      break;
    }
  }
  if (header < 0) {
    for (let i = 0; i < limit; i++) {
      const cells = filled(rows[i]);
      if (cells.length >= 2 && cells.filter((c) => !isNumericOrDate(c)).length * 2 > cells.length) {
        header = i;
        break;
      }
    }
  }
  if (header < 0) header = 0;
  let next = header + 1;
  let headerRows: 1 | 2 = 1;
  let hxlRowIndex: number | null = null;
  if (isHxlRow(rows[header] ?? [])) {
    hxlRowIndex = header;
  } else {
    if (looksLikeSubHeader(rows[header] ?? [], rows[next])) {
      headerRows = 2;
      next++;
    }
    if (isHxlRow(rows[next] ?? [])) {
      hxlRowIndex = next;
      next++;
    }
  }
  while (next < rows.length && filled(rows[next]).length === 0) next++;
  return { headerRowIndex: header, headerRows, hxlRowIndex, firstDataRowIndex: next };
}

/**
 * The header text of each column: with two header rows "Parent / Child", a merged parent
 * carried right across the blank cells it spans (only from a parent that has a child under
 * it: a parent with nothing below is a vertically merged cell). The HXL row is not included.
 */
export function headerTexts(rows: readonly (readonly string[])[], layout: Layout): string[] {
  const top = rows[layout.headerRowIndex] ?? [];
  const isHxlHeader = layout.hxlRowIndex === layout.headerRowIndex;
  const sub = layout.headerRows === 2 ? (rows[layout.headerRowIndex + 1] ?? []) : [];
  const hxl = layout.hxlRowIndex !== null ? (rows[layout.hxlRowIndex] ?? []) : [];
  const width = Math.max(top.length, sub.length, hxl.length);
  const out: string[] = [];
  let carried = '';
  for (let c = 0; c < width; c++) {
    const t = isHxlHeader ? '' : (top[c] ?? '').trim();
    const s = (sub[c] ?? '').trim();
    let parent = t;
    if (t !== '') carried = s !== '' ? t : '';
    else if (s !== '') parent = carried;
    else carried = '';
    out.push(parent !== '' && s !== '' ? `${parent} / ${s}` : parent || s);
  }
  return out;
}

// ── Sheet choice and layout memory ────────────────────────────────────────

const GOOD_NAMES =
  /\b(3w|4w|5w|matrice|matrix|data|donnees|qui fait quoi|who does what|3w operationnelle|base)\b/;
const BAD_NAMES =
  /\b(liste|listes|list|lists|instruction|instructions|readme|read me|lisez moi|guide|lookup|parametre|parametres|menu|dropdown|codes|pcodes|reference|references|legende|notice|aide|help)\b/;

/**
 * How likely a sheet holds the 3W rows (higher is better; ≤ 0 means no): 10 per recognised
 * column (4 when only a close spelling), up to 30 for data rows, +25 for a name like "3W", "MATRICE", "Data", "Données";
 * −60 for lists, instructions, readme sheets; hidden sheets (options.hidden) −80.
 */
export function scoreSheet(
  name: string,
  rows: readonly (readonly string[])[],
  options: { hidden?: boolean } = {},
): number {
  let score = 0;
  if (rows.length > 0) {
    const layout = detectLayout(rows);
    const headers = headerTexts(rows, layout);
    const hxl = layout.hxlRowIndex !== null ? (rows[layout.hxlRowIndex] ?? []) : [];
    let recognised = 0;
    headers.forEach((h, c) => {
      const r = recogniseColumn(h, hxl[c] ?? null);
      if (r.field === null) return;
      recognised++;
      // A close spelling counts less: free text yields some by chance.
      score += r.confidence === 'fuzzy' ? 4 : 10;
    });
    let dataRows = 0;
    for (let i = layout.firstDataRowIndex; i < rows.length && dataRows < 300; i++) {
      if (filled(rows[i]).length >= 2) dataRows++;
    }
    score += recognised > 0 ? Math.min(30, dataRows / 10) : 0;
  }
  const n = normaliseHeader(name);
  if (GOOD_NAMES.test(n)) score += 25;
  if (BAD_NAMES.test(n)) score -= 60;
  if (options.hidden) score -= 80;
  return score;
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Stable key of a layout: the normalised headers in column order (trailing empty columns
 * ignored), hashed with two FNV-1a 32-bit passes → 16 hex characters. Same headers spelled with
 * other accents, case or spaces give the same key; another column order gives another key.
 */
export function layoutSignature(headers: readonly string[]): string {
  const normalised = headers.map(normaliseHeader);
  while (normalised.length > 0 && normalised[normalised.length - 1] === '') normalised.pop();
  const text = normalised.join('\u001f');
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x050c5d1f);
}
