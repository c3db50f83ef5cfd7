import { Alert, Group, Loader, Timeline as MantineTimeline, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/rpc';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { formatDateTime, formatLongDate } from '../../../components/format';
import { RecommendationStatusBadge, statusColor } from './RecommendationStatusBadge';

export type RecommendationUpdate = OutputOf<'recommendations.updates'>[number];

/** One update: date, status, progress, then what was said and done, where and by whom. */
function UpdateItem({ update, compact }: { update: RecommendationUpdate; compact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {formatLongDate(update.date, lang)}
        </Text>
        <RecommendationStatusBadge status={update.status} size="xs" />
        <Text size="sm">{t('recommendations.progressValue', { value: update.progress })}</Text>
      </Group>
      {update.comment ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {update.comment}
        </Text>
      ) : null}
      {update.actionsTaken ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={compact ? 2 : undefined}>
          <Text span fw={600} inherit>
            {t('recommendations.timeline.actions')}
          </Text>{' '}
          {update.actionsTaken}
        </Text>
      ) : null}
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed">
          {t(`vocab.updateSource.${update.source}`)}
        </Text>
        {update.meeting ? (
          <Text size="xs" c="dimmed">
            ·{' '}
            <Link to={`/meetings/${update.meeting.id}`} size="xs">
              {update.meeting.label}
            </Link>
          </Text>
        ) : null}
        {compact ? null : (
          <Text size="xs" c="dimmed" title={formatDateTime(update.createdAt, lang)}>
            · {update.actor || t('history.unknownActor')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** Every follow-up update of one recommendation, newest first. */
export function Timeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const updates = useRpc('recommendations.updates', { id });
  if (updates.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (updates.error) return <Alert color="red">{errorMessage(updates.error, t)}</Alert>;
  const items = updates.data ?? [];
  if (items.length === 0) return <Text c="dimmed">{t('recommendations.timeline.empty')}</Text>;
  return (
    <MantineTimeline
      bulletSize={14}
      lineWidth={2}
      active={items.length}
      aria-label={t('recommendations.timeline.label')}
    >
      {items.map((update) => (
        <MantineTimeline.Item key={update.id} color={statusColor(update.status)}>
          <UpdateItem update={update} />
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}

/** The latest update of one item, for the compact timeline of a body or an organisation. */
function LatestUpdate({ id }: { id: string }) {
  const updates = useRpc('recommendations.updates', { id });
  const latest = updates.data?.[0];
  if (!latest) return null;
  return <UpdateItem update={latest} compact />;
}

/**
 * What moved lately among the recommendations of a body or an organisation: the most recently
 * updated items, each with its latest update.
 */
export function RecentTimeline({
  filter,
  limit = 5,
}: {
  filter: { bodyIds?: string[]; organisationId?: string };
  limit?: number;
}) {
  const { t } = useTranslation();
  const recent = useRpc('recommendations.list', { ...filter, sort: 'updated', direction: 'desc', limit });
  if (recent.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (recent.error) return <Alert color="red">{errorMessage(recent.error, t)}</Alert>;
  const rows = recent.data?.rows ?? [];
  if (rows.length === 0) return <Text c="dimmed">{t('recommendations.timeline.noRecent')}</Text>;
  return (
    <MantineTimeline
      bulletSize={12}
      lineWidth={2}
      active={rows.length}
      aria-label={t('recommendations.timeline.recent')}
    >
      {rows.map((row) => (
        <MantineTimeline.Item
          key={row.id}
          color={statusColor(row.status)}
          title={
            <Link to={`/recommendations/${row.id}`} size="sm" fw={600}>
              {row.reference}
            </Link>
          }
        >
          <Text size="xs" c="dimmed" lineClamp={1}>
            {row.text}
          </Text>
          <LatestUpdate id={row.id} />
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}
