import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { hrefOf, Link, navigate } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { formatLongDate } from '../../../components/format';
import { todayIso } from '../../bodies/components/dates';
import { MeetingStatusBadge } from '../../meetings/components/MeetingStatusBadge';
import { formatDateSpanShort, meetingNumber } from '../../meetings/components/meetingLabels';
import { formatPercent } from '../calendarMath';
import { yearOptions } from '../regularity';
import { preparePath } from './PlannedSessionModal';
import { RateBar } from './RateBar';

/** A body's sessions: how regular it was in a year, what was due, and every meeting it held. */
export function BodyMeetingsTab({ bodyId, readOnly = false }: { bodyId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const today = todayIso();
  const currentYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(currentYear);

  const regularity = useRpc('planning.regularity', { year, bodyIds: [bodyId] });
  const calendar = useRpc('planning.calendar', {
    bodyIds: [bodyId],
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const meetings = useRpc('meetings.list', { bodyId });

  const row = regularity.data?.find((r) => r.body.id === bodyId) ?? null;
  const sessions = useMemo(
    () => [...(calendar.data ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
    [calendar.data],
  );
  const meetingRows = useMemo(
    () => [...(meetings.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate)),
    [meetings.data],
  );
  const newHref = hrefOf(`/meetings/new?bodyId=${encodeURIComponent(bodyId)}`);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label={t('planning.bodyTab.year')}
          data={yearOptions(currentYear, year)}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={120}
        />
        {!readOnly ? (
          <Button component="a" href={newHref}>
            {t('planning.meetings.new')}
          </Button>
        ) : null}
      </Group>

      <Paper withBorder p="md">
        {regularity.isLoading ? (
          <Loader size="sm" aria-label={t('planning.bodyTab.loading')} />
        ) : regularity.error ? (
          <Alert color="red">{errorMessage(regularity.error, t)}</Alert>
        ) : row && row.rate !== null ? (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text fw={500}>
              {t('planning.bodyTab.rateLine', {
                year,
                count: row.held,
                planned: t('planning.bodyTab.plannedCount', { count: row.planned }),
                rate: formatPercent(row.rate, lang),
              })}
            </Text>
            <RateBar rate={row.rate} width={160} />
          </Group>
        ) : (
          <Text>{t('planning.bodyTab.asNeeded', { year, count: row?.held ?? 0 })}</Text>
        )}
      </Paper>

      <Stack gap="xs">
        <Title order={4}>{t('planning.bodyTab.sessionsTitle', { year })}</Title>
        {calendar.isLoading ? (
          <Loader size="sm" aria-label={t('planning.bodyTab.loading')} />
        ) : calendar.error ? (
          <Alert color="red">{errorMessage(calendar.error, t)}</Alert>
        ) : sessions.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('planning.bodyTab.noSessions', { year })}
          </Text>
        ) : (
          <Table aria-label={t('planning.bodyTab.sessionsTitle', { year })} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planning.bodyTab.columns.date')}</Table.Th>
                <Table.Th>{t('planning.bodyTab.columns.kind')}</Table.Th>
                <Table.Th>{t('planning.bodyTab.columns.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((s) => (
                <Table.Tr key={s.meetingId ?? s.date}>
                  <Table.Td>
                    {formatDateSpanShort(s.date, s.endDate, lang)}
                    {s.body.id !== bodyId ? (
                      <Text size="xs" c="dimmed">
                        {t('planning.bodyTab.hostedBy', { body: s.body.label })}
                      </Text>
                    ) : null}
                    {s.plannedDate && s.plannedDate !== s.date ? (
                      <Text size="xs" c="dimmed">
                        {t('planning.bodyTab.plannedOn', { date: formatLongDate(s.plannedDate, lang) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {s.kind
                      ? [t(`vocab.meetingKind.${s.kind}`), meetingNumber(s.number, lang)]
                          .filter(Boolean)
                          .join(' ')
                      : t('planning.bodyTab.plannedSession')}
                  </Table.Td>
                  <Table.Td>
                    <MeetingStatusBadge status={s.status} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {s.meetingId ? (
                      <Anchor href={hrefOf(`/meetings/${s.meetingId}`)} size="sm">
                        {t('planning.bodyTab.open')}
                      </Anchor>
                    ) : !readOnly ? (
                      <Button
                        size="xs"
                        variant="light"
                        color={s.date < today ? 'orange' : undefined}
                        onClick={() => navigate(preparePath(s))}
                      >
                        {t('planning.bodyTab.prepare')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={4}>{t('planning.bodyTab.meetingsTitle')}</Title>
        {meetings.isLoading ? (
          <Loader size="sm" aria-label={t('planning.bodyTab.loading')} />
        ) : meetings.error ? (
          <Alert color="red">{errorMessage(meetings.error, t)}</Alert>
        ) : meetingRows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('planning.bodyTab.noMeetings')}
          </Text>
        ) : (
          <Table aria-label={t('planning.bodyTab.meetingsTitle')} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planning.meetings.columns.date')}</Table.Th>
                <Table.Th>{t('planning.meetings.columns.kind')}</Table.Th>
                <Table.Th ta="right">{t('planning.meetings.columns.number')}</Table.Th>
                <Table.Th>{t('planning.meetings.columns.status')}</Table.Th>
                <Table.Th>{t('planning.meetings.columns.place')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetingRows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Link to={`/meetings/${m.id}`}>{formatDateSpanShort(m.startDate, m.endDate, lang)}</Link>
                    {m.title ? (
                      <Text size="xs" c="dimmed">
                        {m.title}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{t(`vocab.meetingKind.${m.kind}`)}</Table.Td>
                  <Table.Td ta="right">{m.number ?? '—'}</Table.Td>
                  <Table.Td>
                    <MeetingStatusBadge status={m.status} />
                  </Table.Td>
                  <Table.Td>{m.place ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
