import { Badge, type BadgeProps, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecommendationStatus } from '../../../../shared/domain/vocabularies';

// One colour per status, the same in the register, the follow-up screen and the timelines, so
// that a secretary reads a column of badges at a glance: grey not started, blue under way,
// green done, orange half-done or postponed, red not done, struck-through grey abandoned.
const COLORS: Record<RecommendationStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'green',
  partially_done: 'yellow',
  not_done: 'red',
  postponed: 'orange',
  abandoned: 'dark',
};

export function statusColor(status: RecommendationStatus): string {
  return COLORS[status];
}

/** "En cours", "Réalisée"… as a coloured badge. */
export function RecommendationStatusBadge({
  status,
  size = 'sm',
}: {
  status: RecommendationStatus;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      size={size}
      tt="none"
      style={status === 'abandoned' ? { textDecoration: 'line-through' } : undefined}
    >
      {t(`vocab.recommendationStatus.${status}`)}
    </Badge>
  );
}

/** The "avancement" of one item: a thin bar and "40 %". */
export function ProgressCell({
  progress,
  status,
  width = 80,
}: {
  progress: number;
  status: RecommendationStatus;
  width?: number;
}) {
  const { t } = useTranslation();
  const value = Math.min(100, Math.max(0, progress));
  const text = t('recommendations.progressValue', { value });
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={value} color={COLORS[status]} w={width} size="sm" aria-label={text} />
      <Text span size="xs" style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    </Group>
  );
}

/** The red "En retard" mark next to a due date that has passed on an open item. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" size="xs" tt="none">
      {t('recommendations.overdue')}
    </Badge>
  );
}
