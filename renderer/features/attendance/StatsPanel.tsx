import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { compareFr } from '../../../shared/domain/text';
import type { AttendanceStatsSchema } from '../../../shared/rpc/meetings';
import { useLanguage } from '../../app/i18n';
import { categoryLabel, formatPercent } from './labels';

export type AttendanceStats = z.infer<typeof AttendanceStatsSchema>;

function Figure({ label, value, strong }: { label: string; value: number; strong?: boolean }) {
  return (
    <Stack gap={0} role="group" aria-label={label}>
      <Text size={strong ? 'xl' : 'lg'} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/**
 * The figures the secretariat reports after a meeting: whether it could deliberate (quorum), who
 * came, the share of women and the categories of organisations represented.
 */
export function StatsPanel({ stats, ruleText }: { stats: AttendanceStats; ruleText: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = stats.quorum;

  // Without an invitation list there is nothing to count against: say so rather than alarm.
  const pending = stats.invited === 0 && q.required > 0;
  let quorumLine: string;
  if (q.required === 0) {
    quorumLine = t('attendance.quorum.notRequired');
  } else if (pending) {
    quorumLine = t('attendance.quorum.pending');
  } else {
    const seats = t('attendance.quorum.seatsCount', { count: q.votingSeats });
    quorumLine = q.reached
      ? t('attendance.quorum.reached', {
          present: t('attendance.quorum.presentCount', { count: q.present }),
          seats,
          required: q.required,
        })
      : t('attendance.quorum.notReached', { present: q.present, seats: q.votingSeats, required: q.required });
  }
  const quorumText = ruleText
    ? `${quorumLine} — ${t('attendance.quorum.rule', { rule: ruleText })}`
    : quorumLine;

  const categories = [...stats.byCategory]
    .filter((c) => c.count > 0)
    .map((c) => ({ ...c, label: categoryLabel(t, c.kind) }))
    .sort((a, b) => b.count - a.count || compareFr(a.label, b.label));
  const largest = categories.reduce((max, c) => Math.max(max, c.count), 0);

  return (
    <Paper withBorder p="md" radius="sm" aria-label={t('attendance.stats.title')} component="section">
      <Stack gap="sm">
        <Title order={4}>{t('attendance.stats.title')}</Title>
        <Alert
          color={pending ? 'gray' : q.reached ? 'teal' : 'red'}
          variant="light"
          role="status"
          data-quorum={pending ? 'pending' : q.reached ? 'reached' : 'not-reached'}
        >
          <Text size="sm" fw={600} c={pending ? 'gray.8' : q.reached ? 'teal.9' : 'red.9'}>
            {quorumText}
          </Text>
        </Alert>
        <SimpleGrid cols={{ base: 3, sm: 5, md: 9 }} spacing="sm">
          <Figure label={t('attendance.stats.participants')} value={stats.participants} strong />
          <Figure label={t('attendance.stats.invited')} value={stats.invited} />
          <Figure label={t('attendance.stats.present')} value={stats.present} />
          <Figure label={t('attendance.stats.represented')} value={stats.represented} />
          <Figure label={t('attendance.stats.excused')} value={stats.excused} />
          <Figure label={t('attendance.stats.absent')} value={stats.absent} />
          <Figure label={t('attendance.stats.unmarked')} value={stats.unmarked} />
          <Figure label={t('attendance.stats.walkIns')} value={stats.walkIns} />
          <Figure label={t('attendance.stats.counted')} value={stats.counted} />
        </SimpleGrid>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {stats.womenShare === null
              ? t('attendance.stats.womenUnknown')
              : t('attendance.stats.womenShare', { share: formatPercent(stats.womenShare, lang) })}
          </Text>
          {stats.womenShare !== null ? (
            <Text size="xs" c="dimmed">
              ({t('attendance.stats.womenCount', { count: stats.women })})
            </Text>
          ) : null}
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('attendance.stats.byCategory')}
          </Text>
          {categories.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('attendance.stats.byCategoryEmpty')}
            </Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {categories.map((c) => (
                <Group key={c.kind} gap="sm" wrap="nowrap" component="li">
                  <Text size="sm" w={260} style={{ flexShrink: 0 }} truncate="end" title={c.label}>
                    {c.label}
                  </Text>
                  <Progress
                    value={largest > 0 ? (c.count / largest) * 100 : 0}
                    style={{ flex: 1 }}
                    size="lg"
                    aria-label={c.label}
                  />
                  <Text size="sm" fw={600} w={40} ta="right">
                    {c.count}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
