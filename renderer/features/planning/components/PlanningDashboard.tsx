import { Alert, Anchor, Button, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '../../../../shared/rpc/meetings';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { hrefOf, Link } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { DashboardRows, DashboardSection } from '../../../components/DashboardSection';
import { MeetingStatusBadge } from '../../meetings/components/MeetingStatusBadge';
import { formatDateSpanShort } from '../../meetings/components/meetingLabels';
import { byRate } from '../regularity';
import { preparePath } from './PlannedSessionModal';
import { RateBar } from './RateBar';

/** Bodies shown in "Régularité par instance": the few that need attention, not the whole registry. */
const LOWEST = 6;
const MAX_ROWS = 12;

function SessionRow({ entry, overdue }: { entry: CalendarEntry; overdue?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} c={overdue ? 'orange.8' : undefined}>
          {formatDateSpanShort(entry.date, entry.endDate, lang)}
        </Text>
        <Link to={`/bodies/${entry.body.id}`} size="sm">
          {entry.body.label}
        </Link>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <MeetingStatusBadge status={entry.status} />
        {entry.meetingId ? (
          <Button size="xs" variant="light" component="a" href={hrefOf(`/meetings/${entry.meetingId}`)}>
            {t('planning.dashboard.open')}
          </Button>
        ) : (
          <Button
            size="xs"
            variant="light"
            color={overdue ? 'orange' : undefined}
            component="a"
            href={hrefOf(preparePath(entry))}
          >
            {t('planning.dashboard.prepare')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

function More({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Anchor href={hrefOf('/calendar')} size="sm">
      {t('planning.dashboard.moreInCalendar', { count })}
    </Anchor>
  );
}

/** The home page's planning block: what is due, what is late, who meets too little, who never comes. */
export function PlanningDashboard() {
  const { t } = useTranslation();
  const dashboard = useRpc('planning.dashboard', {});

  if (dashboard.isLoading) return <Loader size="sm" aria-label={t('planning.dashboard.loading')} />;
  if (dashboard.error || !dashboard.data) {
    return <Alert color="red">{errorMessage(dashboard.error, t)}</Alert>;
  }
  const { dueSoon, regularity, chronicAbsences, year } = dashboard.data;
  // The most recently missed first: that is the one still worth catching up.
  const overdue = [...dashboard.data.overdue].sort((a, b) => b.date.localeCompare(a.date));
  const lowest = [...regularity]
    .filter((r) => r.rate !== null)
    .sort(byRate)
    .slice(0, LOWEST);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <DashboardSection title={t('planning.dashboard.dueSoon')}>
        {dueSoon.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planning.dashboard.dueSoonEmpty')}
          </Text>
        ) : (
          <>
            <DashboardRows>
              {dueSoon.slice(0, MAX_ROWS).map((entry) => (
                <SessionRow key={entry.meetingId ?? `${entry.body.id}:${entry.date}`} entry={entry} />
              ))}
            </DashboardRows>
            <More count={dueSoon.length - MAX_ROWS} />
          </>
        )}
      </DashboardSection>

      <DashboardSection title={t('planning.dashboard.overdue')} hint={t('planning.dashboard.overdueHint')}>
        {overdue.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planning.dashboard.overdueEmpty')}
          </Text>
        ) : (
          <>
            <DashboardRows>
              {overdue.slice(0, MAX_ROWS).map((entry) => (
                <SessionRow key={entry.meetingId ?? `${entry.body.id}:${entry.date}`} entry={entry} overdue />
              ))}
            </DashboardRows>
            <More count={overdue.length - MAX_ROWS} />
          </>
        )}
      </DashboardSection>

      <DashboardSection
        title={t('planning.dashboard.regularity', { year })}
        hint={t('planning.dashboard.regularityHint')}
      >
        {lowest.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planning.dashboard.regularityEmpty')}
          </Text>
        ) : (
          <DashboardRows>
            {lowest.map((row) => (
              <Group key={row.body.id} justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Link to={`/bodies/${row.body.id}`} size="sm">
                    {row.body.label}
                  </Link>
                  <Text size="xs" c="dimmed">
                    {t('planning.dashboard.heldOf', {
                      count: row.held,
                      planned: t('planning.bodyTab.plannedCount', { count: row.planned }),
                    })}
                  </Text>
                </Stack>
                <RateBar rate={row.rate} width={90} />
              </Group>
            ))}
          </DashboardRows>
        )}
        <Anchor href={hrefOf(`/regularity?year=${year}`)} size="sm">
          {t('planning.dashboard.regularityAll')}
        </Anchor>
      </DashboardSection>

      <DashboardSection title={t('planning.dashboard.absences')} hint={t('planning.dashboard.absencesHint')}>
        {chronicAbsences.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planning.dashboard.absencesEmpty')}
          </Text>
        ) : (
          <DashboardRows>
            {chronicAbsences.slice(0, MAX_ROWS).map((a) => (
              <Group key={a.seatId} justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {a.function}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[a.holder?.label ?? t('planning.dashboard.vacant'), a.organisation?.label]
                      .filter(Boolean)
                      .join(' — ')}
                  </Text>
                  <Link to={`/bodies/${a.body.id}`} size="xs">
                    {a.body.label}
                  </Link>
                </Stack>
                <Text size="sm" c="orange.8" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {t('planning.dashboard.absenceCount', { count: a.consecutiveAbsences })}
                </Text>
              </Group>
            ))}
          </DashboardRows>
        )}
      </DashboardSection>
    </SimpleGrid>
  );
}
