import { isIsoDate } from '../../../shared/domain/dates';
import { isUuid } from '../../../shared/domain/ids';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../../../shared/domain/vocabularies';
import type { InputOf } from '../../../shared/rpc';

// The register's filter as the screens hold it, and as it travels in the address
// ('#/recommendations?bodyId=…&status=in_progress,done'), so that a body's or an organisation's
// page can open the register already filtered, and coming back finds it as it was left.

export interface RegisterFilterValue {
  bodyIds: string[];
  statuses: RecommendationStatus[];
  organisationId: string | null;
  territoryId: string | null;
  theme: string;
  dueFrom: string | null;
  dueTo: string | null;
  overdue: boolean;
  text: string;
}

export const NO_REGISTER_FILTER: RegisterFilterValue = {
  bodyIds: [],
  statuses: [],
  organisationId: null,
  territoryId: null,
  theme: '',
  dueFrom: null,
  dueTo: null,
  overdue: false,
  text: '',
};

export type RegisterSort = InputOf<'recommendations.list'>['sort'] & string;
export type SortDirection = 'asc' | 'desc';
export const REGISTER_SORTS: readonly RegisterSort[] = ['reference', 'due_date', 'status', 'body', 'updated'];

export type RateInput = InputOf<'recommendations.rate'>;

export function isRecommendationStatus(value: string): value is RecommendationStatus {
  return (RECOMMENDATION_STATUSES as readonly string[]).includes(value);
}

/** The filter as recommendations.list / recommendations.rate take it: absent keys mean "all". */
export function registerFilterInput(value: RegisterFilterValue): RateInput {
  const theme = value.theme.trim();
  const text = value.text.trim();
  return {
    ...(value.bodyIds.length > 0 ? { bodyIds: value.bodyIds } : {}),
    ...(value.statuses.length > 0 ? { statuses: value.statuses } : {}),
    ...(value.organisationId ? { organisationId: value.organisationId } : {}),
    ...(value.territoryId ? { territoryId: value.territoryId } : {}),
    ...(theme ? { theme } : {}),
    ...(value.dueFrom ? { dueFrom: value.dueFrom } : {}),
    ...(value.dueTo ? { dueTo: value.dueTo } : {}),
    ...(value.overdue ? { overdue: true } : {}),
    ...(text ? { text } : {}),
  };
}

export function isRegisterFiltered(value: RegisterFilterValue): boolean {
  return Object.keys(registerFilterInput(value)).length > 0;
}

function list(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Reads the filter from the address; anything malformed is ignored rather than refused. */
export function registerFilterFromQuery(query: URLSearchParams): RegisterFilterValue {
  const ids = (key: string) => [...new Set(query.getAll(key).flatMap(list))].filter(isUuid);
  const id = (key: string) => {
    const value = query.get(key);
    return value && isUuid(value) ? value : null;
  };
  const date = (key: string) => {
    const value = query.get(key);
    return value && isIsoDate(value) ? value : null;
  };
  return {
    bodyIds: ids('bodyId'),
    statuses: [...new Set(query.getAll('status').flatMap(list))].filter(isRecommendationStatus),
    organisationId: id('organisationId'),
    territoryId: id('territoryId'),
    theme: (query.get('theme') ?? '').slice(0, 300),
    dueFrom: date('dueFrom'),
    dueTo: date('dueTo'),
    overdue: query.get('overdue') === '1' || query.get('overdue') === 'true',
    text: (query.get('q') ?? '').slice(0, 300),
  };
}

/** The filter as query parameters (null removes a parameter). */
export function registerFilterToQuery(value: RegisterFilterValue): Record<string, string | null> {
  return {
    bodyId: value.bodyIds.length > 0 ? value.bodyIds.join(',') : null,
    status: value.statuses.length > 0 ? value.statuses.join(',') : null,
    organisationId: value.organisationId,
    territoryId: value.territoryId,
    theme: value.theme.trim() || null,
    dueFrom: value.dueFrom,
    dueTo: value.dueTo,
    overdue: value.overdue ? '1' : null,
    q: value.text.trim() || null,
  };
}

/** '/recommendations?bodyId=…': the register opened on one body or one organisation. */
export function registerPath(filter: Partial<RegisterFilterValue>): string {
  const params = new URLSearchParams();
  for (const [key, v] of Object.entries(registerFilterToQuery({ ...NO_REGISTER_FILTER, ...filter }))) {
    if (v !== null) params.set(key, v);
  }
  const text = params.toString();
  return text ? `/recommendations?${text}` : '/recommendations';
}

export function sortFromQuery(query: URLSearchParams): { sort: RegisterSort; direction: SortDirection } {
  const sort = query.get('sort');
  const direction = query.get('dir') === 'desc' ? 'desc' : 'asc';
  return {
    sort: REGISTER_SORTS.find((s) => s === sort) ?? 'reference',
    direction,
  };
}
