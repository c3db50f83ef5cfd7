// Default synonyms for the closed vocabularies a partner's 3W matrix spells in its own words:
// "EHA", "WASH" and "Eau, hygiène et assainissement" are all the sector `wash`. Keys are folded
// with foldForSearch (accents, case, apostrophes and hyphens neutralised) so a lookup only folds
// the cell once; values are vocabulary codes of shared/domain/vocabularies.ts. The user's own
// synonyms (table `synonyms`, same folded keys) override these.

import { foldForSearch } from '../domain/text';
import type {
  InterventionRole,
  InterventionStatus,
  OrganisationKind,
  Sector,
  SynonymKind,
} from '../domain/vocabularies';

const SECTOR_TERMS: Record<Sector, readonly string[]> = {
  wash: [
    'wash',
    'eha',
    'eau hygiène assainissement',
    'eau hygiène et assainissement',
    'eau, hygiène et assainissement',
    'eau et assainissement',
    'eau assainissement hygiène',
    'eau potable hygiène et assainissement',
    'water sanitation hygiene',
    'water, sanitation and hygiene',
    'water sanitation and hygiene',
    'hygiène et assainissement',
    'eau',
    'ehah',
  ],
  food_security: [
    'food_security',
    'sécurité alimentaire',
    'securite alimentaire',
    'sa',
    'secal',
    'sécal',
    'food security',
    'fsl',
    'food security and livelihoods',
    'sécurité alimentaire et moyens d’existence',
    'sécurité alimentaire et moyens de subsistance',
    'sécurité alimentaire et nutrition',
    'sécurité alimentaire et moyens d existence',
    'sam',
    'agriculture',
    'moyens d’existence',
    'moyens de subsistance',
    'livelihoods',
  ],
  health: ['health', 'santé', 'sante', 'santé publique', 'public health'],
  nutrition: ['nutrition', 'nut'],
  education: [
    'education',
    'éducation',
    'enseignement',
    'éducation en situation d’urgence',
    'esu',
    'education in emergencies',
    'eie',
  ],
  protection: ['protection', 'prot', 'protection générale', 'general protection'],
  child_protection: [
    'child_protection',
    'protection de l’enfance',
    'protection de l’enfant',
    'protection des enfants',
    'pe',
    'child protection',
    'cp',
    'aor pe',
    'aor protection de l’enfance',
  ],
  gbv: [
    'gbv',
    'vbg',
    'violences basées sur le genre',
    'violence basée sur le genre',
    'violences basées sur le genre (vbg)',
    'gender based violence',
    'gender-based violence',
    'aor vbg',
    'autonomisation de la femme',
    'autonomisation de la femme vbg',
  ],
  shelter_nfi: [
    'shelter_nfi',
    'abris',
    'abri',
    'nfi',
    'abris/nfi',
    'abris nfi',
    'abris et nfi',
    'abris et biens non alimentaires',
    'abris et articles non alimentaires',
    'biens non alimentaires',
    'articles non alimentaires',
    'ana',
    'abris ana',
    'abris/ana',
    'shelter',
    'shelter nfi',
    'shelter and nfi',
    'shelter/nfi',
    'es nfi',
    'es/nfi',
  ],
  early_recovery: [
    'early_recovery',
    'relèvement précoce',
    'relevement precoce',
    'rp',
    'early recovery',
    'relèvement',
  ],
  logistics: ['logistics', 'logistique', 'log', 'logs'],
  camp_management: [
    'camp_management',
    'cccm',
    'coordination et gestion des camps',
    'gestion des camps',
    'gestion et coordination des camps',
    'camp coordination and camp management',
    'camp management',
    'cgc',
  ],
  social_protection: [
    'social_protection',
    'protection sociale',
    'filets sociaux',
    'filets de sécurité sociale',
    'filets sociaux de sécurité',
    'social protection',
    'social safety nets',
    'safety nets',
    'transferts monétaires',
    'cash transfers',
    'cash',
  ],
  microfinance: [
    'microfinance',
    'micro finance',
    'micro-finance',
    'microcrédit',
    'microcredit',
    'finance inclusive',
  ],
  coordination: ['coordination', 'coord', 'coordination générale', 'inter cluster', 'intercluster', 'occ'],
  other: ['other', 'autre', 'autres', 'multisectoriel', 'multi sectoriel', 'multisector', 'multi-sector'],
};

const ORGANISATION_KIND_TERMS: Partial<Record<OrganisationKind, readonly string[]>> = {
  national_ngo: [
    'national_ngo',
    'ong nat',
    'ong nationale',
    'ongn',
    'ong n',
    'osc',
    'organisation de la société civile',
    'société civile',
    'nngo',
    'national ngo',
    'ong locale',
    'ong',
    'association',
    'local ngo',
    'cso',
  ],
  international_ngo: [
    'international_ngo',
    'ong int',
    'ong internationale',
    'ongi',
    'ong i',
    'ingo',
    'international ngo',
    'ong inter',
  ],
  un_agency: [
    'un_agency',
    'agence un',
    'agence onu',
    'agence des nations unies',
    'nations unies',
    'un',
    'onu',
    'snu',
    'système des nations unies',
    'un agency',
    'united nations',
  ],
  decentralised_service: [
    'decentralised_service',
    'service étatique',
    'services étatiques',
    'service technique',
    'service technique déconcentré',
    'services techniques déconcentrés',
    'std',
    'gouvernement',
    'état',
    'etatique',
    'government',
    'gov',
    'gouv',
    'structure étatique',
  ],
  ministry: ['ministry', 'ministère', 'ministere', 'département ministériel'],
  local_authority: [
    'local_authority',
    'collectivité',
    'collectivité territoriale',
    'mairie',
    'commune',
    'local authority',
  ],
  bilateral_partner: [
    'bilateral_partner',
    'bailleur',
    'bailleur bilatéral',
    'ptf',
    'ptf bilatéral',
    'partenaire bilatéral',
    'coopération bilatérale',
    'donor',
    'bilateral',
    'bilateral donor',
  ],
  multilateral_partner: [
    'multilateral_partner',
    'multilatéral',
    'ptf multilatéral',
    'partenaire multilatéral',
    'bailleur multilatéral',
    'institution financière internationale',
    'multilateral',
  ],
  red_cross_movement: [
    'red_cross_movement',
    'croix rouge',
    'croix-rouge',
    'mouvement croix rouge',
    'mouvement de la croix rouge',
    'mouvement croix-rouge et croissant-rouge',
    'cicr',
    'icrc',
    'ficr',
    'ifrc',
    'red cross',
    'red cross movement',
    'rcrc',
  ],
  private_sector: ['private_sector', 'secteur privé', 'privé', 'private sector', 'private', 'entreprise'],
  research_institute: [
    'research_institute',
    'institut de recherche',
    'recherche',
    'université',
    'research',
    'academic',
  ],
  umbrella_organisation: [
    'umbrella_organisation',
    'faîtière',
    'organisation faîtière',
    'réseau',
    'plateforme',
    'network',
    'umbrella',
  ],
  other: ['other', 'autre', 'autres'],
};

const STATUS_TERMS: Record<InterventionStatus, readonly string[]> = {
  planned: [
    'planned',
    'planifié',
    'planifiée',
    'planifiés',
    'planifiées',
    'prévu',
    'prévue',
    'prévus',
    'prévues',
    'pipeline',
    'en préparation',
    'à venir',
    'a démarrer',
    'non démarré',
    'non démarrée',
    'not started',
    'programmé',
    'programmée',
  ],
  ongoing: [
    'ongoing',
    'en cours',
    'actif',
    'active',
    'actifs',
    'actives',
    'en exécution',
    'in progress',
    'on going',
    'encours',
    'démarré',
    'démarrée',
  ],
  completed: [
    'completed',
    'terminé',
    'terminée',
    'terminés',
    'terminées',
    'achevé',
    'achevée',
    'clôturé',
    'clôturée',
    'complete',
    'closed',
    'fini',
    'finie',
    'réalisé',
    'réalisée',
    'finished',
    'done',
  ],
  suspended: [
    'suspended',
    'suspendu',
    'suspendue',
    'en pause',
    'paused',
    'on hold',
    'interrompu',
    'interrompue',
    'arrêté',
    'arrêtée',
  ],
};

const ROLE_TERMS: Record<InterventionRole, readonly string[]> = {
  implementation: [
    'implementation',
    'mise en œuvre',
    'mise en oeuvre',
    'mo',
    'mise en place',
    'exécution',
    'implementing',
    'implementing partner',
    'partenaire de mise en œuvre',
    'partenaire d’exécution',
    'partenaire opérationnel',
    'opérationnel',
    'ip',
  ],
  funding: [
    'funding',
    'financement',
    'bailleur',
    'bailleur de fonds',
    'donor',
    'funder',
    'financier',
    'partenaire financier',
    'ptf',
  ],
  programming: [
    'programming',
    'programmation',
    'agence de programmation',
    'programme',
    'appealing',
    'appealing organisation',
    'agence récipiendaire',
  ],
};

function foldAll(terms: Partial<Record<string, readonly string[]>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, list] of Object.entries(terms)) {
    for (const term of list ?? []) {
      const key = foldForSearch(term);
      // First declaration wins: the lists above put the most specific meaning first.
      if (key !== '' && !(key in out)) out[key] = code;
    }
  }
  return out;
}

/** Folded term → vocabulary code, per synonym kind. */
export const DEFAULT_SYNONYMS: Record<SynonymKind, Record<string, string>> = {
  sector: foldAll(SECTOR_TERMS),
  organisation_kind: foldAll(ORGANISATION_KIND_TERMS),
  intervention_status: foldAll(STATUS_TERMS),
  intervention_role: foldAll(ROLE_TERMS),
};

/** The fallback key: words in parentheses removed, punctuation made spaces ("Santé (Health)" → "sante"). */
function looseKey(folded: string): string {
  return folded
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function find(table: Readonly<Record<string, string>>, key: string): string | null {
  return Object.hasOwn(table, key) ? (table[key] ?? null) : null;
}

/**
 * The vocabulary code a cell means, or null. User synonyms (folded term → code) override the
 * defaults. Tried in order: the folded text, then the text without parenthesised words and
 * punctuation ("EHA (WASH)", "Santé / Health" fall back to "eha", "sante health").
 */
export function lookupSynonym(
  kind: SynonymKind,
  text: string,
  userSynonyms?: Readonly<Record<string, string>>,
): string | null {
  const folded = foldForSearch(text);
  if (folded === '') return null;
  const defaults = DEFAULT_SYNONYMS[kind];
  const keys = [folded];
  const loose = looseKey(folded);
  if (loose !== '' && loose !== folded) keys.push(loose);
  for (const key of keys) {
    if (userSynonyms) {
      const user = find(userSynonyms, key);
      if (user !== null) return user;
    }
    const found = find(defaults, key);
    if (found !== null) return found;
  }
  // "Ministère de la Santé" in a type column names a ministry whatever else it says.
  if (kind === 'organisation_kind' && /\bministere\b/.test(folded)) return 'ministry';
  return null;
}
