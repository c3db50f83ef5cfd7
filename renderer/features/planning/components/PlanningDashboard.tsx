import { Alert, Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '../../../../shared/rpc/meetings';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { hrefOf, Link } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { MeetingStatusBadge } from '../../meetings/components/MeetingStatusBadge';
import { formatDateSpanShort } from '../../meetings/components/meetingLabels';
import { byRate } from '../regularity';
import { preparePath } from './PlannedSessionModal';
import { RateBar } from './RateBar';

/** Bodies shown in "Régularité par instance": the few that need attention, not the whole registry. */
const LOWEST = 6;
const MAX_ROWS = 12;

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={3} fz="lg">
            {title}
          </Title>
          {hint ? (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          ) : null}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

function Rows({ children }: { children: ReactNode[] }) {
  return (
    <Stack gap={0}>
      {children.map((child, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are rebuilt as a whole, never reordered
          key={index}
          style={{
            padding: '8px 0',
            borderTop: index > 0 ? '1px solid var(--mantine-color-gray-2)' : undefined,
          }}
        >
          {child}
        </div>
      ))}
    </Stack>
  );
}

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
      <Section title={t('planning.dashboard.dueSoon')}>
        {dueSoon.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planning.dashboard.dueSoonEmpty')}
          </Text>
        ) : (
          <>
            <Rows>
              {dueSoon.slice(0, MAX_ROWS).map((entry) => (
                <SessionRow key={entry.meetingId ?? `${entry.body.id}:${entry.date}`} entry={entry} />
              ))}
            </Rows>
            <More count={dueSoon.length - MAX_ROWS} />
          </>
        )}
      </Section>

      <Section title={t('planning.dashboard.overdue')} hint={t('planning.dashboard.overdueHint')}>
        {overdue.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planning.dashboard.overdueEmpty')}
          </Text>
        ) : (
          <>
            <Rows>
              {overdue.slice(0, MAX_ROWS).map((entry) => (
                <SessionRow key={entry.meetingId ?? `${entry.body.id}:${entry.date}`} entry={entry} overdue />
              ))}
            </Rows>
            <More count={overdue.length - MAX_ROWS} />
          </>
        )}
      </Section>

      <Section
        title={t('planning.dashboard.regularity', { year })}
        hint={t('planning.dashboard.regularityHint')}
      >
        {lowest.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planning.dashboard.regularityEmpty')}
          </Text>
        ) : (
          <Rows>
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
          </Rows>
        )}
        <Anchor href={hrefOf(`/regularity?year=${year}`)} size="sm">
          {t('planning.dashboard.regularityAll')}
        </Anchor>
      </Section>

      <Section title={t('planning.dashboard.absences')} hint={t('planning.dashboard.absencesHint')}>
        {chronicAbsences.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planning.dashboard.absencesEmpty')}
          </Text>
        ) : (
          <Rows>
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
          </Rows>
        )}
      </Section>
    </SimpleGrid>
  );
}
