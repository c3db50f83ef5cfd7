// Closed vocabularies of the registry. Codes are stable English identifiers stored in the
// database; the labels users see live in the i18n catalogues (`vocab.<list>.<code>`).

export const BODY_KINDS = [
  'national_council',
  'joint_commission',
  'thematic_group',
  'technical_group',
  'sub_group',
  'steering_committee',
  'technical_committee',
  'crocsad',
  'clocsad',
  'ccocsad',
  'cluster',
  'inter_cluster',
  'crisis_committee',
  'sector_review',
  'consultation_framework',
  'workshop',
  'mission',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** Administrative level a body works at. */
export const BODY_LEVELS = ['national', 'regional', 'local', 'communal', 'international'] as const;
export type BodyLevel = (typeof BODY_LEVELS)[number];

export const BODY_LINK_KINDS = ['reports_to', 'feeds'] as const;
export type BodyLinkKind = (typeof BODY_LINK_KINDS)[number];

export const LEGAL_BASIS_KINDS = [
  'law',
  'decree',
  'order',
  'decision',
  'circular',
  'memorandum',
  'terms_of_reference',
  'other',
] as const;
export type LegalBasisKind = (typeof LEGAL_BASIS_KINDS)[number];

/**
 * Seat roles in protocol order: a composition is listed président first, then
 * vice-présidents and rapporteurs by rank, then secrétariat, members, observers…
 */
export const SEAT_ROLES = [
  'president',
  'vice_president',
  'ptf_lead',
  'rapporteur',
  'secretariat',
  'member',
  'focal_point',
  'resource_person',
  'observer',
] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];
/** Roles that carry a rank (1er, 2e, 3e…). */
export const RANKED_ROLES: readonly SeatRole[] = ['vice_president', 'rapporteur'];

export const ORGANISATION_KINDS = [
  'presidency',
  'prime_minister_office',
  'ministry',
  'central_directorate',
  'decentralised_service',
  'local_authority',
  'bilateral_partner',
  'multilateral_partner',
  'un_agency',
  'international_ngo',
  'national_ngo',
  'umbrella_organisation',
  'private_sector',
  'research_institute',
  'red_cross_movement',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const COUNTRIES = ['ML', 'BJ', 'SN', 'BF', 'NE', 'TD', 'CI', 'GN', 'TG', 'CM'] as const;
export type CountryCode = (typeof COUNTRIES)[number];

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MEETING_KINDS = [
  'ordinary',
  'extraordinary',
  'framing',
  'pre_validation',
  'validation',
  'review',
  'workshop',
  'mission',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** brouillon → convoquée → tenue → clôturée; reportée; annulée. */
export const MEETING_STATUSES = ['draft', 'convened', 'held', 'closed', 'postponed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const AGENDA_ITEM_KINDS = [
  'registration',
  'opening',
  'presentation',
  'plenary',
  'questions',
  'group_work',
  'report_back',
  'synthesis',
  'break',
  'meal',
  'recommendations_follow_up',
  'minutes_adoption',
  'agenda_adoption',
  'other_business',
  'closing',
  'other',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused', 'represented'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Secretariats' time zones: agenda times are local times of the secretariat. */
export const TIME_ZONES = [
  'Africa/Bamako',
  'Africa/Porto-Novo',
  'Africa/Dakar',
  'Africa/Ouagadougou',
  'Africa/Niamey',
  'Africa/Ndjamena',
  'Africa/Abidjan',
  'Africa/Conakry',
  'Africa/Lome',
  'Africa/Douala',
] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

/** The secretariat's usual time zone once its country is known (none of them keeps summer time). */
export const COUNTRY_TIME_ZONES: Readonly<Record<CountryCode, TimeZone>> = {
  ML: 'Africa/Bamako',
  BJ: 'Africa/Porto-Novo',
  SN: 'Africa/Dakar',
  BF: 'Africa/Ouagadougou',
  NE: 'Africa/Niamey',
  TD: 'Africa/Ndjamena',
  CI: 'Africa/Abidjan',
  GN: 'Africa/Conakry',
  TG: 'Africa/Lome',
  CM: 'Africa/Douala',
};

export const MINUTES_STATUSES = ['draft', 'review', 'validated', 'adopted'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const RECOMMENDATION_KINDS = ['recommendation', 'decision', 'commitment', 'action_point'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** non démarrée, en cours, réalisée, partiellement réalisée, non réalisée, reportée, abandonnée. */
export const RECOMMENDATION_STATUSES = [
  'not_started',
  'in_progress',
  'done',
  'partially_done',
  'not_done',
  'postponed',
  'abandoned',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const RECOMMENDATION_PRIORITIES = ['high', 'normal', 'low'] as const;
export type RecommendationPriority = (typeof RECOMMENDATION_PRIORITIES)[number];

export const RECOMMENDATION_ORIGINS = [
  'meeting',
  'agenda_item',
  'working_group',
  'plenary',
  'direct',
] as const;
export type RecommendationOrigin = (typeof RECOMMENDATION_ORIGINS)[number];

export const UPDATE_SOURCES = ['meeting', 'follow_up_sheet', 'manual', 'transmission'] as const;
export type UpdateSource = (typeof UPDATE_SOURCES)[number];

// ── Partner matrices (3W), conventions ────────────────────────────────────

/** Sectors / clusters of the 3W matrices (labels and synonyms in shared/partners/synonyms.ts). */
export const SECTORS = [
  'wash',
  'food_security',
  'health',
  'nutrition',
  'education',
  'protection',
  'child_protection',
  'gbv',
  'shelter_nfi',
  'early_recovery',
  'logistics',
  'camp_management',
  'social_protection',
  'microfinance',
  'coordination',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** mise en œuvre, financement, programmation */
export const INTERVENTION_ROLES = ['implementation', 'funding', 'programming'] as const;
export type InterventionRole = (typeof INTERVENTION_ROLES)[number];

/** planifiée, en cours, terminée, suspendue */
export const INTERVENTION_STATUSES = ['planned', 'ongoing', 'completed', 'suspended'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export const IMPORT_SOURCES = ['disk', 'usb', 'email'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const CONVENTION_KINDS = [
  'convention',
  'memorandum',
  'approval',
  'framework_agreement',
  'tripartite',
  'other',
] as const;
export type ConventionKind = (typeof CONVENTION_KINDS)[number];

export const CONVENTION_STATUSES = ['in_force', 'expired', 'renewing', 'revoked'] as const;
export type ConventionStatus = (typeof CONVENTION_STATUSES)[number];

/** The seven elements a convention must contain. */
export const CONVENTION_ELEMENTS = [
  'domains',
  'obligations',
  'monitoring',
  'duration',
  'renewal',
  'support',
  'accountability',
] as const;
export type ConventionElement = (typeof CONVENTION_ELEMENTS)[number];

export const SYNONYM_KINDS = [
  'sector',
  'organisation_kind',
  'intervention_status',
  'intervention_role',
] as const;
export type SynonymKind = (typeof SYNONYM_KINDS)[number];
