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
}
