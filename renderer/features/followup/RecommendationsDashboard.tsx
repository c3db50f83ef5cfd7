import { Anchor, Badge, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isOpenStatus } from '../../../shared/domain/recommendationStatus';
import { compareFr } from '../../../shared/domain/text';
import { RECOMMENDATION_STATUSES } from '../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../shared/rpc';
import { useLanguage } from '../../app/i18n';
import { hrefOf, Link } from '../../app/navigation';
import { useRpc } from '../../app/rpc';
import { DashboardRows, DashboardSection } from '../../components/DashboardSection';
import { formatLongDate } from '../../components/format';
import { formatPercent } from '../planning/calendarMath';
import { implementationColor } from '../recommendations/components/ImplementationRate';
import { statusColor } from '../recommendations/components/RecommendationStatusBadge';

type Dashboard = OutputOf<'recommendations.dashboard'>;

/** Rows per block: the few that need attention, not the whole register. */
const TOP = 5;

/** Lowest rate first; at equal rates the body with more items due first, then by name. */
export function lowestRates(rows: Dashboard['rateByBody'], count = TOP): Dashboard['rateByBody'] {
  return rows
    .filter((r) => r.rate.rate !== null)
    .sort(
      (a, b) =>
        (a.rate.rate ?? 0) - (b.rate.rate ?? 0) ||
        b.rate.due - a.rate.due ||
        compareFr(a.body.label, b.body.label),
    )
    .slice(0, count);
}

export function totalOf(byStatus: Record<string, number>): number {
  return Object.values(byStatus).reduce((sum, n) => sum + n, 0);
}

/**
 * The home page's "Recommandations" block: how many in each status, which bodies implement
 * least, who is late, and what moved since each body last met. Nothing at all while the
 * register is empty.
 */
export function RecommendationsDashboard() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dashboard = useRpc('recommendations.dashboard', {});
  const data = dashboard.data;
  // A failed or empty dashboard keeps the home page as it was: the register says more.
  if (!data) return null;
  const total = totalOf(data.byStatus);
  if (total === 0) return null;

  const open = RECOMMENDATION_STATUSES.filter(isOpenStatus).reduce(
    (sum, s) => sum + (data.byStatus[s] ?? 0),
    0,
  );
  const lowest = lowestRates(data.rateByBody);
  const overdue = data.overdueByOrganisation
    .filter((o) => o.overdue > 0)
    .sort(
      (a, b) => b.overdue - a.overdue || compareFr(a.organisation?.label ?? '', b.organisation?.label ?? ''),
    )
    .slice(0, TOP);
  const changes = data.changesSinceLastSession
    .filter((c) => c.updates > 0)
    .sort((a, b) => b.updates - a.updates || compareFr(a.body.label, b.body.label))
    .slice(0, TOP);

  return (
    <Stack gap="sm" component="section" aria-label={t('followUp.dashboard.title')}>
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Stack gap={0}>
          <Title order={3}>{t('followUp.dashboard.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('followUp.dashboard.total', { count: total, open })}
          </Text>
        </Stack>
        <Anchor href={hrefOf('/recommendations')} size="sm">
          {t('followUp.dashboard.openRegister')}
        </Anchor>
      </Group>

      <DashboardSection level={4} title={t('followUp.dashboard.byStatus')}>
        <Group gap="xs" wrap="wrap">
          {RECOMMENDATION_STATUSES.filter((s) => (data.byStatus[s] ?? 0) > 0).map((s) => (
            <Badge key={s} color={statusColor(s)} variant="light" size="lg" tt="none">
              {t('followUp.dashboard.statusCount', {
                label: t(`vocab.recommendationStatus.${s}`),
                count: data.byStatus[s] ?? 0,
              })}
            </Badge>
          ))}
        </Group>
      </DashboardSection>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <DashboardSection
          level={4}
          title={t('followUp.dashboard.rateByBody')}
          hint={t('followUp.dashboard.rateHint')}
        >
          {lowest.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('followUp.dashboard.rateEmpty')}
            </Text>
          ) : (
            <DashboardRows compact>
              {lowest.map(({ body, rate }) => {
                const value = rate.rate ?? 0;
                const text = formatPercent(value, lang);
                return (
                  <Group key={body.id} justify="space-between" wrap="nowrap" gap="sm">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Link to={`/bodies/${body.id}`} size="sm">
                        {body.label}
                      </Link>
                      <Text size="xs" c="dimmed">
                        {t('followUp.dashboard.doneOfDue', { count: rate.done, due: rate.due })}
                      </Text>
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        value={value * 100}
                        color={implementationColor(value)}
                        w={70}
                        size="sm"
                        aria-hidden
                      />
                      <Text span size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {text}
                      </Text>
                    </Group>
                  </Group>
                );
              })}
            </DashboardRows>
          )}
        </DashboardSection>

        <DashboardSection level={4} title={t('followUp.dashboard.overdueByOrganisation')}>
          {overdue.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('followUp.dashboard.overdueEmpty')}
            </Text>
          ) : (
            <DashboardRows compact>
              {overdue.map(({ organisation, overdue: count }) => (
                <Group key={organisation?.id ?? 'none'} justify="space-between" wrap="nowrap" gap="sm">
                  {organisation ? (
                    <Link to={`/organisations/${organisation.id}`} size="sm">
                      {organisation.label}
                    </Link>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('followUp.dashboard.noOrganisation')}
                    </Text>
                  )}
                  <Text size="sm" c="red.7" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {t('followUp.dashboard.overdueCount', { count })}
                  </Text>
                </Group>
              ))}
            </DashboardRows>
          )}
        </DashboardSection>

        <DashboardSection
          level={4}
          title={t('followUp.dashboard.changes')}
          hint={t('followUp.dashboard.changesHint')}
        >
          {changes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('followUp.dashboard.changesEmpty')}
            </Text>
          ) : (
            <DashboardRows compact>
              {changes.map(({ body, since, updates }) => (
                <Group key={body.id} justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Link to={`/bodies/${body.id}`} size="sm">
                      {body.label}
                    </Link>
                    <Text size="xs" c="dimmed">
                      {since
                        ? t('followUp.dashboard.since', { date: formatLongDate(since, lang) })
                        : t('followUp.dashboard.sinceNever')}
                    </Text>
                  </Stack>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {t('followUp.dashboard.updates', { count: updates })}
                  </Text>
                </Group>
              ))}
            </DashboardRows>
          )}
        </DashboardSection>
      </SimpleGrid>
    </Stack>
  );
}
