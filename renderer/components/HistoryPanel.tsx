import { Alert, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EntityType, HistoryEntry } from '../../shared/rpc/history';
import { errorMessage } from '../app/errors';
import { useLanguage } from '../app/i18n';
import { useRpc } from '../app/rpc';
import { formatDateTime, formatLongDate } from './format';

export interface HistoryPanelProps {
  entityType: EntityType;
  entityId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Coded values whose label lives in the vocabulary catalogue, per entity type. */
function vocabularyOf(entityType: EntityType, field: string): string | null {
  if (field === 'countryCode') return 'vocab.country';
  if (field === 'language') return 'vocab.language';
  if (field === 'role') return 'vocab.seatRole';
  if (field === 'sex') return 'vocab.sex';
  if (entityType === 'body') {
    if (field === 'kind') return 'vocab.bodyKind';
    if (field === 'level') return 'vocab.bodyLevel';
    if (field === 'status') return 'vocab.bodyStatus';
    if (field === 'reports_to' || field === 'feeds') return null;
  }
  if (entityType === 'organisation' && field === 'kind') return 'vocab.organisationKind';
  if (entityType === 'meeting') {
    if (field === 'kind') return 'vocab.meetingKind';
    if (field === 'status') return 'vocab.meetingStatus';
  }
  if (field === 'timeZone') return 'vocab.timeZone';
  if (entityType === 'recommendation') {
    if (field === 'status') return 'vocab.recommendationStatus';
    if (field === 'kind') return 'vocab.recommendationKind';
    if (field === 'priority') return 'vocab.recommendationPriority';
    if (field === 'originKind') return 'vocab.recommendationOrigin';
    if (field === 'targetLevel') return 'vocab.bodyLevel';
  }
  if (entityType === 'minutes' && field === 'status') return 'vocab.minutesStatus';
  return null;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function isReference(value: unknown): boolean {
  if (typeof value === 'string') return UUID.test(value);
  return (
    Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && UUID.test(v))
  );
}

/** "legalBasis" → "Legal basis", for fields without a catalogue label. */
function humanise(field: string): string {
  const words = field
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(field: string, t: TFunction): string {
  const key = `history.field.${field}`;
  const text = t(key);
  return text === key ? humanise(field) : text;
}

export function formatValue(
  value: unknown,
  ctx: { entityType: EntityType; field: string; t: TFunction; lang: 'fr' | 'en' },
): string {
  const { t, lang } = ctx;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return value.toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR');
  if (typeof value === 'string') {
    const vocabulary = vocabularyOf(ctx.entityType, ctx.field);
    if (vocabulary) {
      const key = `${vocabulary}.${value}`;
      const text = t(key);
      if (text !== key) return text;
    }
    if (DATE.test(value)) return formatLongDate(value, lang);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((v) => formatValue(v, ctx)).join(', ');
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${fieldLabel(k, t)} : ${formatValue(v, { ...ctx, field: k })}`);
    return parts.length > 0 ? parts.join(' ; ') : '—';
  }
  return String(value);
}

function Change({
  entry,
  field,
  before,
  after,
}: {
  entry: HistoryEntry;
  field: string;
  before: unknown;
  after: unknown;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const label = fieldLabel(field, t);
  // Identifiers mean nothing to a reader: say what changed, the page shows the current link.
  if (isReference(before) || isReference(after)) {
    return (
      <Text size="sm">
        <Text span fw={600} inherit>
          {label}
        </Text>{' '}
        {t('history.referenceChanged')}
      </Text>
    );
  }
  const ctx = { entityType: entry.entityType, field, t, lang };
  return (
    <Text size="sm">
      <Text span fw={600} inherit>
        {label}
      </Text>{' '}
      :{' '}
      <Text span c="dimmed" inherit td={isEmpty(before) ? undefined : 'line-through'}>
        {formatValue(before, ctx)}
      </Text>{' '}
      → {formatValue(after, ctx)}
    </Text>
  );
}

/** The change log of one record, newest first: who did what, when, and which fields moved. */
export function HistoryPanel({ entityType, entityId }: HistoryPanelProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const history = useRpc('history.forEntity', { entityType, entityId });

  if (history.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (history.error) return <Alert color="red">{errorMessage(history.error, t)}</Alert>;
  const entries = history.data ?? [];
  if (entries.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;

  return (
    <Timeline bulletSize={14} lineWidth={2} active={entries.length}>
      {entries.map((entry) => {
        const actionKey = `history.action.${entry.action}`;
        const action = t(actionKey) === actionKey ? entry.action : t(actionKey);
        const changes = Object.entries(entry.changes);
        return (
          <Timeline.Item key={entry.id} title={action}>
            <Stack gap={2}>
              <Group gap={6}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(entry.at, lang)}
                </Text>
                <Text size="xs" c="dimmed">
                  · {entry.actor || t('history.unknownActor')}
                </Text>
              </Group>
              {entry.summary ? <Text size="sm">{entry.summary}</Text> : null}
              {changes.map(([field, [before, after]]) => (
                <Change key={field} entry={entry} field={field} before={before} after={after} />
              ))}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
