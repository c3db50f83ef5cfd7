import { foldForSearch } from '../../../../shared/domain/text';
import {
  type InterventionRole,
  type InterventionStatus,
  ORGANISATION_KINDS,
  type OrganisationKind,
  type Sector,
} from '../../../../shared/domain/vocabularies';
import { translateFr } from '../../../../shared/i18n/translate';
import type { ThreeWField } from '../../../../shared/partners/fields';
import { createOrganisationMatcher, createTerritoryMatcher } from '../../../../shared/partners/matchers';
import { lookupSynonym } from '../../../../shared/partners/synonyms';
import {
  cleanText,
  parseCount,
  parseDate,
  parseNumber,
  splitOrganisations,
} from '../../../../shared/partners/values';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Decision } from '../../../../shared/rpc/partners';
import type { BackendContext } from '../../context';
import type { InterventionsTable } from '../../db/schema';
import { parseJson } from '../../json';
import { columnLetter } from '../../spreadsheets';
import { loadSynonyms } from '../partners/synonyms';
import { readSettings } from '../settings/repository';
import type { Understanding } from './analyse';
import { type ImportJob, yieldToEvents } from './jobs';

// Resolving a partner's rows into interventions: organisations (several in one cell give one
// intervention each), sector, status and role through the synonym lists, places by P-code then
// by name within the parent, dates and counts read the French way. The user's decisions
// settle what the matchers could not; whatever is still unknown is listed with close matches
// (proposed, never imposed) and its rows are rejected with a reason naming the cell. Each
// candidate is then classified against what is already stored under the same natural key
// (organisation + activity + place + period): create, update, unchanged, or reject.
// Matchers and lookups are built once per call and every distinct value is resolved once:
// a 50,000-row file holds a few hundred distinct places and organisations.

export type PreviewInput = ParsedInputOf<'imports.preview'>;
export type Outcome = 'create' | 'update' | 'unchanged' | 'reject';

export interface RowReason {
  sheet: string;
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface Unresolved {
  kind: 'place' | 'organisation' | 'sector' | 'status';
  value: string;
  parentId: string | null;
  parentLabel: string | null;
  rows: number;
  proposals: { id: string; label: string; score: number }[];
}

/** The columns of an intervention that an import writes (provenance apart). */
export type InterventionValues = Omit<
  InterventionsTable,
  | 'id'
  | 'batch_id'
  | 'source_file'
  | 'source_sheet'
  | 'source_row'
  | 'created_at'
  | 'updated_at'
  | 'deleted_at'
>;
export type StoredIntervention = InterventionsTable;

/** Compared to tell an update from an unchanged row (the key columns are equal by definition). */
export const COMPARED_COLUMNS = [
  'role',
  'donor_organisation_id',
  'donor_label',
  'sector',
  'domain',
  'activity',
  'target_group',
  'territory_id',
  'place_label',
  'status',
  'start_date',
  'end_date',
  'targeted_women',
  'targeted_men',
  'targeted_total',
  'reached_women',
  'reached_men',
  'reached_total',
  'budget',
  'currency',
  'contact',
  'reported_on',
] as const satisfies readonly (keyof InterventionValues)[];

export interface NewOrganisation {
  /** Folded decision value: what the candidates point to until the organisation exists. */
  key: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  /** The decision's value, kept as an alias when it is neither the name nor the acronym. */
  value: string;
}

export interface Candidate {
  /** Index of the row in the sheet (0-based); row numbers shown are index + 1. */
  rowIndex: number;
  outcome: Outcome;
  reasons: RowReason[];
  /** For create/update/unchanged. organisation_id is '' while it is a new organisation (newOrganisation). */
  values: InterventionValues | null;
  newOrganisation: string | null;
  existing: StoredIntervention | null;
  display: { organisation: string; activity: string; sector: string | null; place: string; period: string };
}

export interface AliasDecision {
  entity: 'organisation' | 'territory';
  id: string;
  alias: string;
}

export interface SynonymDecision {
  kind: 'sector' | 'intervention_status';
  term: string;
  value: string;
}

export interface Plan {
  understood: Understanding;
  candidates: Candidate[];
  counts: Record<Outcome, number>;
  unresolved: Unresolved[];
  newOrganisations: NewOrganisation[];
  aliases: AliasDecision[];
  synonyms: SynonymDecision[];
  countryCode: string | null;
}

export type Progress = (phase: 'read' | 'match' | 'write', done: number, total: number) => void;

const CHUNK = 2_000;
const MAX_TEXT = 2_000;

const PLACE_LEVELS = [
  { level: 1, name: 'adm1Name', pcode: 'adm1Pcode' },
  { level: 2, name: 'adm2Name', pcode: 'adm2Pcode' },
  { level: 3, name: 'adm3Name', pcode: 'adm3Pcode' },
] as const satisfies readonly { level: number; name: ThreeWField; pcode: ThreeWField }[];

interface TerritoryInfo {
  id: string;
  name: string;
  pcode: string | null;
  level: number;
  parentId: string | null;
  aliases: string[];
}

interface OrganisationInfo {
  id: string;
  name: string;
  acronym: string | null;
  aliases: string[];
}

type PlaceResult =
  | { ok: true; territoryId: string | null; label: string | null }
  | { ok: false; reason: RowReason; unresolvedKey: string | null };

type OrganisationResult =
  | { ok: true; id: string; label: string; newOrganisation: string | null }
  | { ok: false; message: string; value: string; unresolvedKey: string | null };

const SECTOR_LABEL = (sector: string) => translateFr(`vocab.sector.${sector}`);

function formatDay(iso: string | null): string {
  if (!iso) return '…';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function periodLabel(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  if (start && end) return `du ${formatDay(start)} au ${formatDay(end)}`;
  return start ? `à partir du ${formatDay(start)}` : `jusqu’au ${formatDay(end)}`;
}

/** Natural key: organisation + activity + place (territory, or the label as given) + period. */
export function naturalKey(
  organisationId: string,
  activity: string,
  territoryId: string | null,
  placeLabel: string | null,
  start: string | null,
  end: string | null,
): string {
  const place = territoryId ?? `label:${foldForSearch(placeLabel ?? '')}`;
  return [organisationId, foldForSearch(activity), place, start ?? '', end ?? ''].join('|');
}

async function loadTerritories(ctx: BackendContext, countryCode: string | null): Promise<TerritoryInfo[]> {
  let query = ctx.db
    .selectFrom('territories')
    .select(['id', 'name', 'pcode', 'level', 'parent_id', 'aliases'])
    .where('deleted_at', 'is', null);
  if (countryCode) query = query.where('country_code', '=', countryCode);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    pcode: r.pcode,
    level: r.level,
    parentId: r.parent_id,
    aliases: parseJson<string[]>(r.aliases, []),
  }));
}

async function loadOrganisations(ctx: BackendContext): Promise<OrganisationInfo[]> {
  const rows = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym', 'aliases'])
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    acronym: r.acronym,
    aliases: parseJson<string[]>(r.aliases, []),
  }));
}

/** Existing, non-trashed interventions of these organisations, by natural key: one query per 500. */
async function loadExisting(
  ctx: BackendContext,
  organisationIds: readonly string[],
): Promise<Map<string, StoredIntervention>> {
  const byKey = new Map<string, StoredIntervention>();
  for (let i = 0; i < organisationIds.length; i += 500) {
    const ids = organisationIds.slice(i, i + 500);
    const rows = await ctx.db
      .selectFrom('interventions')
      .selectAll()
      .where('organisation_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute();
    for (const row of rows) if (!byKey.has(row.natural_key)) byKey.set(row.natural_key, row);
  }
  return byKey;
}

function sameValues(a: InterventionValues, b: StoredIntervention): boolean {
  for (const column of COMPARED_COLUMNS) if ((a[column] ?? null) !== (b[column] ?? null)) return false;
  return true;
}

/** The level-1 and level-2 ancestors of a territory (itself at its level). */
export function admAncestors(
  territories: ReadonlyMap<string, { level: number; parentId: string | null }>,
  territoryId: string | null,
): { adm1: string | null; adm2: string | null } {
  let adm1: string | null = null;
  let adm2: string | null = null;
  let id = territoryId;
  for (let guard = 0; id && guard < 10; guard++) {
    const t = territories.get(id);
    if (!t) break;
    if (t.level === 1) adm1 = id;
    if (t.level === 2) adm2 = id;
    id = t.parentId;
  }
  return { adm1, adm2 };
}

/** Builds the import plan for the staged file and the user's decisions. Nothing is written. */
export async function planImport(
  ctx: BackendContext,
  understood: Understanding,
  decisions: readonly Decision[],
  job: ImportJob,
  progress: Progress,
): Promise<Plan> {
  const { sheet, layout, fields } = understood;
  const sheetName = sheet.name;
  const rows = sheet.rows;

  const settings = await readSettings(ctx.db);
  const countryCode = settings.countryCode;
  const [territories, organisations, sectorSynonyms, statusSynonyms, roleSynonyms, kindSynonyms] =
    await Promise.all([
      loadTerritories(ctx, countryCode),
      loadOrganisations(ctx),
      loadSynonyms(ctx.db, 'sector'),
      loadSynonyms(ctx.db, 'intervention_status'),
      loadSynonyms(ctx.db, 'intervention_role'),
      loadSynonyms(ctx.db, 'organisation_kind'),
    ]);
  const territoryById = new Map(territories.map((t) => [t.id, t]));
  const organisationById = new Map(organisations.map((o) => [o.id, o]));
  const territoryMatcher = createTerritoryMatcher(territories);
  const organisationMatcher = createOrganisationMatcher(organisations);

  // Decisions, by folded value (and parent for places).
  const placeDecisions = new Map<string, string | null>();
  const organisationDecisions = new Map<string, { id: string | null; create: boolean; value: string }>();
  const sectorDecisions = new Map<string, Sector>();
  const statusDecisions = new Map<string, InterventionStatus>();
  for (const d of decisions) {
    const folded = foldForSearch(d.value);
    if (d.kind === 'place') placeDecisions.set(`${folded}|${d.parentId ?? ''}`, d.territoryId);
    else if (d.kind === 'organisation')
      organisationDecisions.set(folded, { id: d.organisationId, create: d.create, value: d.value });
    else if (d.kind === 'sector') sectorDecisions.set(folded, d.sector);
    else statusDecisions.set(folded, d.status);
  }

  const unresolved = new Map<string, Unresolved>();
  /** Rows counted once per unresolved value even when a row names it twice. */
  const countedRows = new Map<string, number>();
  const noteUnresolved = (key: string, rowIndex: number) => {
    const entry = unresolved.get(key);
    if (!entry || countedRows.get(key) === rowIndex) return;
    countedRows.set(key, rowIndex);
    entry.rows++;
  };

  const col = (field: ThreeWField): number | undefined => fields.get(field);
  const letter = (field: ThreeWField): string | null => {
    const c = col(field);
    return c === undefined ? null : columnLetter(c);
  };
  const cell = (row: readonly string[], field: ThreeWField): string => {
    const c = col(field);
    return c === undefined ? '' : cleanText(row[c] ?? '');
  };
  const reason = (
    rowIndex: number,
    field: ThreeWField | null,
    value: string | null,
    message: string,
  ): RowReason => ({
    sheet: sheetName,
    row: rowIndex + 1,
    column: field ? letter(field) : null,
    value,
    message,
  });

  // ── Places ───────────────────────────────────────────────────────────────
  const placeCache = new Map<string, PlaceResult>();
  const resolvePlace = (row: readonly string[], rowIndex: number): PlaceResult => {
    const given = PLACE_LEVELS.map((l) => ({
      ...l,
      nameText: cell(row, l.name),
      pcodeText: cell(row, l.pcode),
    }));
    const cacheKey = given.map((g) => `${g.nameText}\u001f${g.pcodeText}`).join('\u001e');
    const cached = placeCache.get(cacheKey);
    if (cached) {
      if (!cached.ok) {
        if (cached.unresolvedKey) noteUnresolved(cached.unresolvedKey, rowIndex);
        return { ...cached, reason: { ...cached.reason, row: rowIndex + 1 } };
      }
      return cached;
    }
    const result = resolvePlaceUncached(given, rowIndex);
    placeCache.set(cacheKey, result);
    return result;
  };
  const resolvePlaceUncached = (
    given: { level: number; name: ThreeWField; pcode: ThreeWField; nameText: string; pcodeText: string }[],
    rowIndex: number,
  ): PlaceResult => {
    const present = given.filter((g) => g.nameText !== '' || g.pcodeText !== '');
    if (present.length === 0) return { ok: true, territoryId: null, label: null };
    const finest = present[present.length - 1];
    const label = finest ? finest.nameText || finest.pcodeText : null;
    // The finest P-code alone settles the place (its parents follow from the reference).
    for (const g of [...present].reverse()) {
      if (g.pcodeText === '') continue;
      const m = territoryMatcher.match({ pcode: g.pcodeText, name: null, parentId: null, level: g.level });
      if (m.territoryId !== null && g === finest) return { ok: true, territoryId: m.territoryId, label };
    }
    // Otherwise level by level, each name looked for within the place found above it.
    let parentId: string | null = null;
    let found: string | null = null;
    for (const g of present) {
      const m = territoryMatcher.match({
        pcode: g.pcodeText || null,
        name: g.nameText || null,
        parentId,
        level: g.level,
      });
      if (m.territoryId !== null) {
        found = m.territoryId;
        parentId = m.territoryId;
        continue;
      }
      const value = g.nameText || g.pcodeText;
      const field = g.nameText ? g.name : g.pcode;
      const decided = placeDecisions.get(`${foldForSearch(value)}|${parentId ?? ''}`);
      if (decided !== undefined) {
        if (decided === null) {
          return {
            ok: false,
            reason: reason(rowIndex, field, value, `Lieu ignoré à votre demande : « ${value} »`),
            unresolvedKey: null,
          };
        }
        found = decided;
        parentId = decided;
        continue;
      }
      const key = `place|${foldForSearch(value)}|${parentId ?? ''}`;
      if (!unresolved.has(key)) {
        const parent = parentId ? territoryById.get(parentId) : undefined;
        unresolved.set(key, {
          kind: 'place',
          value,
          parentId,
          parentLabel: parent?.name ?? null,
          rows: 0,
          proposals: 'proposals' in m ? m.proposals : [],
        });
      }
      noteUnresolved(key, rowIndex);
      const where = parentId ? ` dans « ${territoryById.get(parentId)?.name ?? ''} »` : '';
      return {
        ok: false,
        reason: reason(rowIndex, field, value, `Lieu inconnu${where} : « ${value} »`),
        unresolvedKey: key,
      };
    }
    return { ok: true, territoryId: found, label };
  };

  // ── Organisations ────────────────────────────────────────────────────────
  const newOrganisations = new Map<string, NewOrganisation>();
  const aliasSet = new Map<string, AliasDecision>();
  const addAlias = (entity: 'organisation' | 'territory', id: string, alias: string) => {
    const key = `${entity}|${id}|${foldForSearch(alias)}`;
    if (!aliasSet.has(key)) aliasSet.set(key, { entity, id, alias });
  };
  const organisationCache = new Map<string, OrganisationResult>();
  const resolveOrganisation = (
    name: string,
    acronym: string,
    kindText: string,
    rowIndex: number,
  ): OrganisationResult => {
    const cacheKey = `${name}\u001f${acronym}`;
    const cached = organisationCache.get(cacheKey);
    if (cached) {
      if (!cached.ok && cached.unresolvedKey) noteUnresolved(cached.unresolvedKey, rowIndex);
      return cached;
    }
    const values = [acronym, name].filter((v) => v !== '');
    let result: OrganisationResult | null = null;
    for (const value of values) {
      const decided = organisationDecisions.get(foldForSearch(value));
      if (!decided) continue;
      if (decided.id) {
        const org = organisationById.get(decided.id);
        if (org) {
          addAlias('organisation', org.id, value);
          result = { ok: true, id: org.id, label: org.acronym ?? org.name, newOrganisation: null };
          break;
        }
      }
      if (decided.create) {
        const key = foldForSearch(value);
        if (!newOrganisations.has(key)) {
          const kind = lookupSynonym('organisation_kind', kindText, kindSynonyms);
          newOrganisations.set(key, {
            key,
            name: (name || acronym).slice(0, 300),
            acronym: acronym && acronym !== name ? acronym.slice(0, 40) : null,
            kind:
              kind && (ORGANISATION_KINDS as readonly string[]).includes(kind)
                ? (kind as OrganisationKind)
                : 'other',
            value,
          });
        }
        result = { ok: true, id: '', label: acronym || name, newOrganisation: key };
        break;
      }
      result = {
        ok: false,
        message: `Organisation écartée à votre demande : « ${value} »`,
        value,
        unresolvedKey: null,
      };
      break;
    }
    if (!result) {
      const proposals = new Map<string, { id: string; label: string; score: number }>();
      for (const value of values) {
        const m = organisationMatcher.match(value);
        if (m.organisationId !== null) {
          const org = organisationById.get(m.organisationId);
          result = {
            ok: true,
            id: m.organisationId,
            label: org ? (org.acronym ?? org.name) : value,
            newOrganisation: null,
          };
          break;
        }
        for (const p of m.proposals) {
          const known = proposals.get(p.id);
          if (!known || known.score < p.score) proposals.set(p.id, p);
        }
      }
      if (!result) {
        const value = acronym || name;
        const key = `organisation|${foldForSearch(value)}`;
        if (!unresolved.has(key)) {
          unresolved.set(key, {
            kind: 'organisation',
            value,
            parentId: null,
            parentLabel: null,
            rows: 0,
            proposals: [...proposals.values()].sort((a, b) => b.score - a.score).slice(0, 5),
          });
        }
        noteUnresolved(key, rowIndex);
        result = { ok: false, message: `Organisation inconnue : « ${value} »`, value, unresolvedKey: key };
      }
    }
    organisationCache.set(cacheKey, result);
    return result;
  };

  /** The organisations a row names: names and acronyms paired when both list as many. */
  const organisationsOf = (row: readonly string[]): { name: string; acronym: string }[] => {
    const names = splitOrganisations(cell(row, 'organisationName'));
    const acronyms = splitOrganisations(cell(row, 'organisationAcronym'));
    if (names.length === acronyms.length)
      return names.map((name, i) => ({ name, acronym: acronyms[i] ?? '' }));
    if (acronyms.length === 0) return names.map((name) => ({ name, acronym: '' }));
    if (names.length === 0) return acronyms.map((acronym) => ({ name: '', acronym }));
    return names.length > acronyms.length
      ? names.map((name) => ({ name, acronym: '' }))
      : acronyms.map((acronym) => ({ name: '', acronym }));
  };

  // ── Vocabularies ─────────────────────────────────────────────────────────
  const vocabulary = <T extends string>(
    kind: 'sector' | 'status',
    text: string,
    rowIndex: number,
    lookup: (t: string) => string | null,
    decided: Map<string, T>,
  ): { ok: true; value: T | null } | { ok: false } => {
    if (text === '') return { ok: true, value: null };
    const found = lookup(text);
    if (found) return { ok: true, value: found as T };
    const d = decided.get(foldForSearch(text));
    if (d) return { ok: true, value: d };
    const key = `${kind}|${foldForSearch(text)}`;
    if (!unresolved.has(key)) {
      unresolved.set(key, { kind, value: text, parentId: null, parentLabel: null, rows: 0, proposals: [] });
    }
    noteUnresolved(key, rowIndex);
    return { ok: false };
  };
  const synonymDecisions: SynonymDecision[] = [];
  for (const d of decisions) {
    if (d.kind === 'sector')
      synonymDecisions.push({ kind: 'sector', term: foldForSearch(d.value), value: d.sector });
    if (d.kind === 'status')
      synonymDecisions.push({ kind: 'intervention_status', term: foldForSearch(d.value), value: d.status });
  }
  const sectorCache = new Map<string, Sector | null>();
  const lookupSector = (t: string) => {
    let v = sectorCache.get(t);
    if (v === undefined) {
      v = lookupSynonym('sector', t, sectorSynonyms) as Sector | null;
      sectorCache.set(t, v);
    }
    return v;
  };

  // ── Rows ─────────────────────────────────────────────────────────────────
  interface Draft {
    rowIndex: number;
    reasons: RowReason[];
    rejected: boolean;
    values: InterventionValues | null;
    newOrganisation: string | null;
    display: Candidate['display'];
  }
  const drafts: Draft[] = [];
  const total = Math.max(0, rows.length - layout.firstDataRowIndex);
  const mappedColumns = [...fields.values()];

  for (let r = layout.firstDataRowIndex; r < rows.length; r++) {
    const done = r - layout.firstDataRowIndex;
    if (done > 0 && done % CHUNK === 0) {
      progress('match', done, total);
      await yieldToEvents();
      job.check();
    }
    const row = rows[r];
    if (!row || mappedColumns.every((c) => (row[c] ?? '') === '')) continue;
    const rejects: RowReason[] = [];
    const warnings: RowReason[] = [];

    // Place.
    const place = resolvePlace(row, r);
    if (!place.ok) rejects.push(place.reason);
    const territoryId = place.ok ? place.territoryId : null;
    const placeLabel = place.ok ? place.label : null;

    // Sector, status, role.
    const sectorText = cell(row, 'sector');
    const sector = vocabulary<Sector>('sector', sectorText, r, lookupSector, sectorDecisions);
    if (!sector.ok) rejects.push(reason(r, 'sector', sectorText, `Secteur inconnu : « ${sectorText} »`));
    const statusText = cell(row, 'status');
    const status = vocabulary<InterventionStatus>(
      'status',
      statusText,
      r,
      (t) => lookupSynonym('intervention_status', t, statusSynonyms),
      statusDecisions,
    );
    if (!status.ok) rejects.push(reason(r, 'status', statusText, `Statut inconnu : « ${statusText} »`));
    const roleText = cell(row, 'role');
    const role = (
      roleText ? lookupSynonym('intervention_role', roleText, roleSynonyms) : null
    ) as InterventionRole | null;
    if (roleText && !role) {
      warnings.push(
        reason(r, 'role', roleText, `Rôle non reconnu : « ${roleText} » (mise en œuvre retenue)`),
      );
    }

    // Activity.
    const domain = cell(row, 'domain') || null;
    const activityText = cell(row, 'activity');
    const activity = (
      activityText ||
      domain ||
      (sector.ok && sector.value ? SECTOR_LABEL(sector.value) : '') ||
      sectorText
    ).slice(0, MAX_TEXT);
    if (activity === '')
      rejects.push(
        reason(r, 'activity', null, 'Ni activité ni secteur : la ligne ne dit pas ce qui est fait'),
      );

    // Dates.
    const date = (field: ThreeWField, what: string): string | null => {
      const text = cell(row, field);
      if (text === '') return null;
      const iso = parseDate(text);
      if (!iso) rejects.push(reason(r, field, text, `${what} illisible : « ${text} »`));
      return iso;
    };
    const start = date('startDate', 'Date de début');
    const end = date('endDate', 'Date de fin');
    const reportedOn = date('reportingDate', 'Date de rapportage');
    if (start && end && end < start) {
      rejects.push(
        reason(
          r,
          'endDate',
          cell(row, 'endDate'),
          `La date de fin (${formatDay(end)}) précède la date de début (${formatDay(start)})`,
        ),
      );
    }

    // Counts and budget.
    const count = (field: ThreeWField, what: string): number | null => {
      const text = cell(row, field);
      if (text === '') return null;
      const n = parseCount(text);
      if (n !== null) return n;
      const asNumber = parseNumber(text);
      rejects.push(
        reason(
          r,
          field,
          text,
          asNumber !== null && asNumber < 0
            ? `${what} négatif : « ${text} »`
            : `${what} illisible : « ${text} »`,
        ),
      );
      return null;
    };
    const targetedWomen = count('targetedWomen', 'Nombre de femmes ciblées');
    const targetedMen = count('targetedMen', 'Nombre d’hommes ciblés');
    let targetedTotal = count('targetedTotal', 'Nombre de personnes ciblées');
    const reachedWomen = count('reachedWomen', 'Nombre de femmes atteintes');
    const reachedMen = count('reachedMen', 'Nombre d’hommes atteints');
    let reachedTotal = count('reachedTotal', 'Nombre de personnes atteintes');
    const checkTotal = (
      women: number | null,
      men: number | null,
      totalValue: number | null,
      field: ThreeWField,
      what: string,
    ) => {
      if (women === null || men === null) return totalValue;
      if (totalValue === null) return cell(row, field) === '' ? women + men : null;
      if (women + men > totalValue) {
        warnings.push(
          reason(
            r,
            field,
            String(totalValue),
            `${what} : femmes + hommes (${women + men}) dépassent le total (${totalValue})`,
          ),
        );
      }
      return totalValue;
    };
    targetedTotal = checkTotal(
      targetedWomen,
      targetedMen,
      targetedTotal,
      'targetedTotal',
      'Personnes ciblées',
    );
    reachedTotal = checkTotal(reachedWomen, reachedMen, reachedTotal, 'reachedTotal', 'Personnes atteintes');
    const budgetText = cell(row, 'budget');
    let budget: number | null = null;
    if (budgetText !== '') {
      budget = parseNumber(budgetText);
      if (budget === null)
        rejects.push(reason(r, 'budget', budgetText, `Budget illisible : « ${budgetText} »`));
      else if (budget < 0) {
        rejects.push(reason(r, 'budget', budgetText, `Budget négatif : « ${budgetText} »`));
        budget = null;
      }
    }

    // Donor: an organisation when known, its label in any case.
    const donorText = cell(row, 'donor');
    let donorId: string | null = null;
    if (donorText !== '') {
      const m = organisationMatcher.match(donorText);
      donorId = m.organisationId;
    }

    // Organisations: one candidate each.
    const pieces = organisationsOf(row);
    const kindText = cell(row, 'organisationKind');
    const targetGroup = cell(row, 'targetGroup').slice(0, MAX_TEXT) || null;
    const placeDisplay = (territoryId ? territoryById.get(territoryId)?.name : null) ?? placeLabel ?? '';
    const display = (organisation: string): Candidate['display'] => ({
      organisation,
      activity,
      sector: sector.ok && sector.value ? sector.value : sectorText || null,
      place: placeDisplay,
      period: periodLabel(start, end),
    });
    if (pieces.length === 0) {
      const field: ThreeWField =
        col('organisationName') !== undefined ? 'organisationName' : 'organisationAcronym';
      drafts.push({
        rowIndex: r,
        reasons: [reason(r, field, null, 'Organisation manquante'), ...rejects],
        rejected: true,
        values: null,
        newOrganisation: null,
        display: display(''),
      });
      continue;
    }
    for (const piece of pieces) {
      const org = resolveOrganisation(piece.name, piece.acronym, kindText, r);
      const own = [...rejects];
      if (!org.ok) {
        const field: ThreeWField =
          piece.acronym && col('organisationAcronym') !== undefined
            ? 'organisationAcronym'
            : 'organisationName';
        own.unshift(reason(r, field, org.value, org.message));
      }
      if (own.length > 0 || !org.ok) {
        drafts.push({
          rowIndex: r,
          reasons: [...own, ...warnings],
          rejected: true,
          values: null,
          newOrganisation: null,
          display: display(piece.acronym || piece.name),
        });
        continue;
      }
      const adm = admAncestors(territoryById, territoryId);
      const organisationId = org.id;
      drafts.push({
        rowIndex: r,
        reasons: warnings,
        rejected: false,
        newOrganisation: org.newOrganisation,
        display: display(org.label),
        values: {
          organisation_id: organisationId,
          role: role ?? 'implementation',
          donor_organisation_id: donorId,
          donor_label: donorText.slice(0, 300) || null,
          sector: sector.ok ? sector.value : null,
          domain: domain ? domain.slice(0, MAX_TEXT) : null,
          activity,
          target_group: targetGroup,
          territory_id: territoryId,
          adm1_id: adm.adm1,
          adm2_id: adm.adm2,
          place_label: placeLabel ? placeLabel.slice(0, 300) : null,
          status: status.ok ? status.value : null,
          start_date: start,
          end_date: end,
          targeted_women: targetedWomen,
          targeted_men: targetedMen,
          targeted_total: targetedTotal,
          reached_women: reachedWomen,
          reached_men: reachedMen,
          reached_total: reachedTotal,
          budget,
          currency: cell(row, 'currency').slice(0, 20) || null,
          contact: cell(row, 'contact').slice(0, 500) || null,
          reported_on: reportedOn,
          natural_key: organisationId
            ? naturalKey(organisationId, activity, territoryId, placeLabel, start, end)
            : `new:${org.newOrganisation ?? ''}|${naturalKey('', activity, territoryId, placeLabel, start, end)}`,
        },
      });
    }
  }
  progress('match', total, total);
  job.check();

  // ── Classification ───────────────────────────────────────────────────────
  const organisationIds = [
    ...new Set(
      drafts.flatMap((d) => (d.values && d.values.organisation_id !== '' ? [d.values.organisation_id] : [])),
    ),
  ];
  const existing = await loadExisting(ctx, organisationIds);
  job.check();
  const seen = new Map<string, number>();
  const counts: Record<Outcome, number> = { create: 0, update: 0, unchanged: 0, reject: 0 };
  const candidates: Candidate[] = [];
  for (const d of drafts) {
    let outcome: Outcome = 'reject';
    let stored: StoredIntervention | null = null;
    const reasons = d.reasons;
    if (!d.rejected && d.values) {
      const key = d.values.natural_key;
      const first = seen.get(key);
      if (first !== undefined) {
        reasons.unshift({
          sheet: sheetName,
          row: d.rowIndex + 1,
          column: null,
          value: null,
          message: `Ligne en double : même organisation, activité, lieu et période que la ligne ${first + 1}`,
        });
      } else {
        seen.set(key, d.rowIndex);
        stored = existing.get(key) ?? null;
        outcome = stored ? (sameValues(d.values, stored) ? 'unchanged' : 'update') : 'create';
      }
    }
    counts[outcome]++;
    candidates.push({
      rowIndex: d.rowIndex,
      outcome,
      reasons,
      values: outcome === 'reject' ? null : d.values,
      newOrganisation: outcome === 'reject' ? null : d.newOrganisation,
      existing: stored,
      display: d.display,
    });
  }

  // Aliases from decisions on places (organisation aliases were noted when used).
  for (const d of decisions) {
    if (d.kind === 'place' && d.territoryId && territoryById.has(d.territoryId)) {
      addAlias('territory', d.territoryId, d.value);
    }
  }
  const aliases = [...aliasSet.values()].filter((a) => {
    const folded = foldForSearch(a.alias);
    const known =
      a.entity === 'organisation'
        ? (() => {
            const o = organisationById.get(a.id);
            return o ? [o.name, o.acronym ?? '', ...o.aliases] : [];
          })()
        : (() => {
            const t = territoryById.get(a.id);
            return t ? [t.name, t.pcode ?? '', ...t.aliases] : [];
          })();
    return folded !== '' && !known.some((k) => foldForSearch(k) === folded);
  });

  const used = new Set(candidates.flatMap((c) => (c.newOrganisation ? [c.newOrganisation] : [])));
  return {
    understood,
    candidates,
    counts,
    unresolved: [...unresolved.values()].sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value)),
    newOrganisations: [...newOrganisations.values()].filter((o) => used.has(o.key)),
    aliases,
    synonyms: synonymDecisions,
    countryCode,
  };
}
