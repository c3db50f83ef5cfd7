import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/rpc';
import { useLanguage } from '../../../app/i18n';
import { formatPercent } from '../../planning/calendarMath';

export type Rate = OutputOf<'recommendations.rate'>;

/** Green from 80 %, orange from half, red below: the same thresholds as the dashboard. */
export function implementationColor(rate: number): string {
  if (rate >= 0.8) return 'green';
  if (rate >= 0.5) return 'orange';
  return 'red';
}

/**
 * "Taux de mise en œuvre : 12 réalisées sur 20 échues (60 %) — 5 en retard". Réalisées among
 * the échues (due date passed), as the domain defines the rate; nothing due yet says so.
 */
export function useRateSentence(): (rate: Rate) => string {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (rate) => {
    const overdue =
      rate.overdue > 0
        ? t('recommendations.rate.overdue', { count: rate.overdue })
        : t('recommendations.rate.noOverdue');
    if (rate.rate === null || rate.due === 0) return t('recommendations.rate.noneDue', { overdue });
    return t('recommendations.rate.sentence', {
      done: t('recommendations.rate.done', { count: rate.done }),
      due: t('recommendations.rate.due', { count: rate.due }),
      rate: formatPercent(rate.rate, lang),
      overdue,
    });
  };
}

/** The rate as a short bar and "60 %" (a dash when nothing is due yet), for tables. */
export function RateCell({ rate, width = 100 }: { rate: Rate; width?: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (rate.rate === null) {
    return (
      <Text span c="dimmed" size="sm" title={t('recommendations.rate.nothingDue')}>
        —
      </Text>
    );
  }
  const text = formatPercent(rate.rate, lang);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={rate.rate * 100} color={implementationColor(rate.rate)} w={width} aria-label={text} />
      <Text span size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    </Group>
  );
}

/** The summary bar above a list of recommendations: the sentence, a bar, and the open count. */
export function ImplementationRate({ rate, loading }: { rate: Rate | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  const sentence = useRateSentence();
  return (
    <Paper withBorder p="sm" bg="gray.0" aria-label={t('recommendations.rate.label')} role="status">
      {rate ? (
        <Stack gap={6}>
          <Text fw={500}>{sentence(rate)}</Text>
          {rate.rate !== null ? (
            <Progress
              value={rate.rate * 100}
              color={implementationColor(rate.rate)}
              size="sm"
              aria-hidden
              maw={480}
            />
          ) : null}
          <Text size="xs" c="dimmed">
            {t('recommendations.rate.totals', { count: rate.total, open: rate.open })}
          </Text>
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">
          {loading ? t('common.loading') : t('recommendations.rate.unavailable')}
        </Text>
      )}
    </Paper>
  );
}
