import type { Generated } from 'kysely';

// Row types of the tables as they stand after the latest migration. JSON columns are text;
// repositories parse them at the edge.

interface Timestamps {
  created_at: string;
  updated_at: string;
}
interface Trashable extends Timestamps {
  deleted_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface TerritoriesTable extends Trashable {
  id: string;
  country_code: string;
  pcode: string | null;
  name: string;
  level: number;
  parent_id: string | null;
  aliases: string;
  source: 'reference' | 'user';
}

export interface OrganisationsTable extends Trashable {
  id: string;
  name: string;
  acronym: string | null;
  aliases: string;
  kind: string;
  parent_id: string | null;
  country_code: string | null;
  domains: string;
  target_groups: string;
  zone_ids: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: string | null;
  notes: string | null;
  is_demo: Generated<number>;
}

export interface PeopleTable extends Trashable {
  id: string;
  first_name: string;
  last_name: string;
  title: string | null;
  function: string | null;
  organisation_id: string | null;
  email: string | null;
  phone: string | null;
  sex: 'female' | 'male' | null;
  notes: string | null;
  is_demo: Generated<number>;
}

export interface BodiesTable extends Trashable {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
  level: string;
  country_code: string | null;
  territory_id: string | null;
  parent_id: string | null;
  legal_basis_kind: string | null;
  legal_basis_number: string | null;
  legal_basis_date: string | null;
  legal_basis_signatory: string | null;
  legal_basis_title: string | null;
  mandate: string | null;
  secretariat_organisation_id: string | null;
  periodicity: string;
  quorum_rule: string;
  funding_source: string | null;
  established_on: string | null;
  status: 'active' | 'closed';
  closed_on: string | null;
  closed_reason: string | null;
  is_demo: Generated<number>;
}

export interface BodyLinksTable extends Timestamps {
  id: string;
  from_body_id: string;
  to_body_id: string;
  kind: 'reports_to' | 'feeds';
}

export interface SeatsTable extends Trashable {
  id: string;
  body_id: string;
  organisation_id: string | null;
  function: string;
  role: string;
  rank: number | null;
  voting: number;
  position: number;
  notes: string | null;
}

export interface SeatHoldersTable extends Trashable {
  id: string;
  seat_id: string;
  person_id: string;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
}

export interface HistoryTable {
  id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  actor: string;
  at: string;
  changes: string;
  summary: string | null;
}

export interface SearchIndexTable {
  kind: string;
  ref_id: string;
  name: string;
  acronym: string;
  aliases: string;
  extra: string;
}

export interface MeetingsTable extends Trashable {
  id: string;
  body_id: string;
  number: number | null;
  title: string | null;
  kind: string;
  status: 'draft' | 'convened' | 'held' | 'closed' | 'postponed' | 'cancelled';
  planned_date: string | null;
  start_date: string;
  end_date: string;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  online_url: string | null;
  funding_source: string | null;
  convened_on: string | null;
  postponed_from: string | null;
  status_reason: string | null;
  is_demo: Generated<number>;
}

export interface MeetingCohostsTable {
  meeting_id: string;
  body_id: string;
}

export interface AgendaEntriesTable extends Timestamps {
  id: string;
  meeting_id: string;
  day: string;
  position: number;
  entry_type: 'part' | 'item';
  kind: string | null;
  title: string;
  start_time: string | null;
  end_time: string | null;
  responsible: string;
  documents: string;
}

export interface InviteesTable extends Timestamps {
  id: string;
  meeting_id: string;
  seat_id: string | null;
  person_id: string | null;
  organisation_id: string | null;
  name: string;
  function: string | null;
  organisation_label: string | null;
  role: string | null;
  rank: number | null;
  voting: number;
  sex: 'female' | 'male' | null;
  email: string | null;
  is_extra: number;
  position: number;
}

export interface AttendanceTable extends Timestamps {
  id: string;
  meeting_id: string;
  invitee_id: string | null;
  status: 'present' | 'absent' | 'excused' | 'represented';
  person_id: string | null;
  name: string | null;
  function: string | null;
  organisation_id: string | null;
  organisation_label: string | null;
  sex: 'female' | 'male' | null;
  email: string | null;
  phone: string | null;
  representative_name: string | null;
  representative_function: string | null;
  representative_sex: 'female' | 'male' | null;
}

export interface AttendanceCountsTable extends Timestamps {
  id: string;
  meeting_id: string;
  organisation_id: string | null;
  label: string;
  count: number;
  women: number | null;
}

export interface MinutesTable extends Timestamps {
  id: string;
  meeting_id: string;
  rapporteur_person_id: string | null;
  status: 'draft' | 'review' | 'validated' | 'adopted';
  content: string;
  plain_text: string;
  revision: number;
  last_save_id: string | null;
  validated_on: string | null;
  adopted_on: string | null;
  adopted_at_meeting_id: string | null;
}

export interface MinutesVersionsTable {
  id: string;
  minutes_id: string;
  revision: number;
  status: string;
  kind: 'autosave' | 'status' | 'restore';
  content: string;
  plain_text: string;
  actor: string;
  saved_at: string;
}

export interface WorkingGroupsTable extends Timestamps {
  id: string;
  meeting_id: string;
  position: number;
  theme: string;
  facilitator: string | null;
  co_facilitator: string | null;
  rapporteur: string | null;
  key_points: string;
  recommendations: string;
  plenary_additions: string;
}

export interface RecommendationsTable extends Trashable {
  id: string;
  body_id: string;
  reference: string;
  kind: 'recommendation' | 'decision' | 'commitment' | 'action_point';
  text: string;
  theme: string | null;
  origin_kind: 'meeting' | 'agenda_item' | 'working_group' | 'plenary' | 'direct';
  origin_meeting_id: string | null;
  origin_agenda_entry_id: string | null;
  origin_working_group_id: string | null;
  lead_organisation_id: string | null;
  person_id: string | null;
  target_level: string | null;
  target_territory_id: string | null;
  due_date: string | null;
  priority: 'high' | 'normal' | 'low';
  status: string;
  progress: number;
  actions_taken: string | null;
  transmitted_from_id: string | null;
  is_demo: Generated<number>;
}

export interface RecommendationAssociatesTable {
  recommendation_id: string;
  organisation_id: string;
}

export interface RecommendationUpdatesTable {
  id: string;
  recommendation_id: string;
  date: string;
  status: string;
  progress: number;
  comment: string | null;
  actions_taken: string | null;
  source: 'meeting' | 'follow_up_sheet' | 'manual' | 'transmission';
  meeting_id: string | null;
  actor: string;
  created_at: string;
  /** Set when the update came from a returned follow-up matrix (undone with its batch). */
  import_batch_id: string | null;
}

export interface FollowUpSnapshotsTable {
  meeting_id: string;
  recommendation_id: string;
  position: number;
  status: string;
  progress: number;
  due_date: string | null;
  captured_at: string;
}

export interface RoadmapsTable extends Trashable {
  id: string;
  name: string;
  description: string | null;
  body_id: string | null;
  meeting_id: string | null;
}

export interface RoadmapItemsTable {
  roadmap_id: string;
  recommendation_id: string;
  position: number;
}

export interface RecommendationsFtsTable {
  ref_id: string;
  reference: string;
  text: string;
  theme: string;
  actions_taken: string;
}

export interface ExportLogTable extends Timestamps {
  id: string;
  kind: 'document' | 'spreadsheet' | 'bundle' | 'email' | 'archive';
  label: string;
  file_name: string;
  format: 'docx' | 'pdf' | 'xlsx' | 'zip' | 'eml' | 'concerto';
  bytes: number;
  sha256: string;
  folder: string;
  path: string;
  /** 1 when written to Concerto's exports folder (the only files the hosts may open). */
  in_exports: number;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON array of strings. */
  recipients: string;
  actor: string;
}

export interface AssetsTable extends Timestamps {
  key: string;
  mime: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

export interface ImportBatchesTable extends Timestamps {
  id: string;
  kind: '3w' | 'follow_up';
  file_name: string;
  sha256: string;
  source: 'disk' | 'usb' | 'email';
  staged_path: string | null;
  sheet: string | null;
  header_rows: number | null;
  /** JSON: column index → field. */
  mapping: string;
  layout_signature: string | null;
  /** JSON: { created, updated, unchanged, rejected }. */
  counts: string;
  /** JSON array of rejected rows with their reasons. */
  rejected: string;
  organisation_id: string | null;
  actor: string;
  undone_at: string | null;
  undone_by: string | null;
}

export interface ImportChangesTable {
  batch_id: string;
  seq: number;
  /** 'intervention', 'recommendation', 'recommendation_update', 'organisation_alias', 'territory_alias'… */
  entity: string;
  entity_id: string;
  action: 'create' | 'update';
  /** JSON of the row before an update (null for a create). */
  before: string | null;
}

export interface ImportLayoutsTable extends Timestamps {
  signature: string;
  kind: '3w' | 'follow_up';
  mapping: string;
  header_rows: number;
  hxl_row: number;
}

export interface SynonymsTable extends Timestamps {
  kind: 'sector' | 'organisation_kind' | 'intervention_status' | 'intervention_role';
  /** Folded for matching (foldForSearch). */
  term: string;
  value: string;
}

export interface InterventionsTable extends Trashable {
  id: string;
  organisation_id: string;
  role: 'implementation' | 'funding' | 'programming';
  donor_organisation_id: string | null;
  donor_label: string | null;
  sector: string | null;
  domain: string | null;
  activity: string;
  target_group: string | null;
  territory_id: string | null;
  /** The level-1 and level-2 ancestors (or self) of territory_id: coverage groups on them. */
  adm1_id: string | null;
  adm2_id: string | null;
  // adm1_num, adm2_num and organisation_num (migration 0006), the entity_numbers of adm1_id,
  // adm2_id and organisation_id, are left out on purpose: kept by triggers, read only by the
  // coverage SQL.
  place_label: string | null;
  status: 'planned' | 'ongoing' | 'completed' | 'suspended' | null;
  start_date: string | null;
  end_date: string | null;
  targeted_women: number | null;
  targeted_men: number | null;
  targeted_total: number | null;
  reached_women: number | null;
  reached_men: number | null;
  reached_total: number | null;
  budget: number | null;
  currency: string | null;
  contact: string | null;
  reported_on: string | null;
  /** organisation + activity + place + period, folded: what makes a re-imported row "the same". */
  natural_key: string;
  batch_id: string | null;
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
}

export interface ConventionsTable extends Trashable {
  id: string;
  organisation_id: string;
  kind: 'convention' | 'memorandum' | 'approval' | 'framework_agreement' | 'tripartite' | 'other';
  reference: string | null;
  title: string | null;
  signed_on: string | null;
  duration_months: number | null;
  end_date: string | null;
  renewal_terms: string | null;
  /** JSON array of the CONVENTION_ELEMENTS present. */
  elements: string;
  midterm_evaluation_due: string | null;
  final_evaluation_due: string | null;
  status: 'in_force' | 'expired' | 'renewing' | 'revoked';
  revoked_on: string | null;
  revocation_reason: string | null;
  notes: string | null;
}

/** A small stable number for each territory and organisation, which coverage groups on. */
export interface EntityNumbersTable {
  num: Generated<number>;
  id: string;
}

export interface Database {
  settings: SettingsTable;
  territories: TerritoriesTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  bodies: BodiesTable;
  body_links: BodyLinksTable;
  seats: SeatsTable;
  seat_holders: SeatHoldersTable;
  history: HistoryTable;
  search_index: SearchIndexTable;
  meetings: MeetingsTable;
  meeting_cohosts: MeetingCohostsTable;
  agenda_entries: AgendaEntriesTable;
  invitees: InviteesTable;
  attendance: AttendanceTable;
  attendance_counts: AttendanceCountsTable;
  minutes: MinutesTable;
  minutes_versions: MinutesVersionsTable;
  working_groups: WorkingGroupsTable;
  recommendations: RecommendationsTable;
  recommendation_associates: RecommendationAssociatesTable;
  recommendation_updates: RecommendationUpdatesTable;
  follow_up_snapshots: FollowUpSnapshotsTable;
  roadmaps: RoadmapsTable;
  roadmap_items: RoadmapItemsTable;
  recommendations_fts: RecommendationsFtsTable;
  export_log: ExportLogTable;
  assets: AssetsTable;
  import_batches: ImportBatchesTable;
  import_changes: ImportChangesTable;
  import_layouts: ImportLayoutsTable;
  synonyms: SynonymsTable;
  interventions: InterventionsTable;
  conventions: ConventionsTable;
  entity_numbers: EntityNumbersTable;
}
