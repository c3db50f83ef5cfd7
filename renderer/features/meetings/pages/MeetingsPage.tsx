import { Alert, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_STATUSES, type MeetingStatus } from '../../../../shared/domain/vocabularies';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { hrefOf, Link } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { BodyPicker } from '../../../components/BodyPicker';
import { DemoBadge } from '../../../components/DemoBadge';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { DateField } from '../../bodies/components/DateField';
import { MeetingStatusBadge } from '../components/MeetingStatusBadge';
import { formatDateSpanShort } from '../components/meetingLabels';

function isStatus(v: string | null): v is MeetingStatus {
  return v !== null && (MEETING_STATUSES as readonly string[]).includes(v);
}

/** Every meeting recorded, most recent first, filtered by body, status and period. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [status, setStatus] = useState<MeetingStatus | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);

  const filtered = !!bodyId || !!status || !!from || !!to;
  const list = useRpc(
    'meetings.list',
    {
      ...(bodyId ? { bodyId } : {}),
      ...(status ? { status } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const rows = useMemo(
    () =>
      [...(list.data ?? [])].sort(
        (a, b) => b.startDate.localeCompare(a.startDate) || (b.number ?? 0) - (a.number ?? 0),
      ),
    [list.data],
  );
  const reset = () => {
    setBodyId(null);
    setStatus(null);
    setFrom(null);
    setTo(null);
  };

  const newHref = hrefOf(bodyId ? `/meetings/new?bodyId=${encodeURIComponent(bodyId)}` : '/meetings/new');
  const newButton = (
    <Button component="a" href={newHref}>
      {t('planning.meetings.new')}
    </Button>
  );

  let content: ReactNode;
  if (list.error) {
    content = <Alert color="red">{errorMessage(list.error, t)}</Alert>;
  } else if (list.isLoading) {
    content = <Loader size="sm" aria-label={t('planning.meetings.loading')} />;
  } else if (rows.length === 0) {
    content = filtered ? (
      <EmptyState
        title={t('planning.meetings.noMatchTitle')}
        text={t('planning.meetings.noMatchText')}
        action={
          <Button variant="light" onClick={reset}>
            {t('planning.filters.reset')}
          </Button>
        }
      />
    ) : (
      <EmptyState
        title={t('planning.meetings.emptyTitle')}
        text={t('planning.meetings.emptyText')}
        action={newButton}
      />
    );
  } else {
    content = (
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('planning.meetings.count', { count: rows.length })}
        </Text>
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('planning.meetings.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planning.meetings.columns.date')}</Table.Th>
                <Table.Th>{t('planning.meetings.columns.body')}</Table.Th>
                <Table.Th>{t('planning.meetings.columns.kind')}</Table.Th>
                <Table.Th ta="right">{t('planning.meetings.columns.number')}</Table.Th>
                <Table.Th>{t('planning.meetings.columns.status')}</Table.Th>
                <Table.Th>{t('planning.meetings.columns.place')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Link to={`/meetings/${m.id}`}>{formatDateSpanShort(m.startDate, m.endDate, lang)}</Link>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm">{m.body.label}</Text>
                      {m.title ? (
                        <Text size="xs" c="dimmed">
                          {m.title}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{t(`vocab.meetingKind.${m.kind}`)}</Table.Td>
                  <Table.Td ta="right">{m.number ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <MeetingStatusBadge status={m.status} />
                      {m.isDemo ? <DemoBadge /> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{m.place ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={t('planning.meetings.title')}
        subtitle={t('planning.meetings.subtitle')}
        actions={newButton}
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <div style={{ width: 320 }}>
          <BodyPicker
            label={t('planning.meetings.filters.body')}
            placeholder={t('planning.filters.allBodies')}
            value={bodyId}
            onChange={setBodyId}
          />
        </div>
        <Select
          label={t('planning.meetings.filters.status')}
          placeholder={t('planning.meetings.filters.allStatuses')}
          data={MEETING_STATUSES.map((s) => ({ value: s, label: t(`vocab.meetingStatus.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(isStatus(v) ? v : null)}
          clearable
          w={180}
        />
        <DateField label={t('planning.meetings.filters.from')} value={from} onChange={setFrom} maw={170} />
        <DateField label={t('planning.meetings.filters.to')} value={to} onChange={setTo} maw={170} />
        {filtered ? (
          <Button variant="subtle" onClick={reset}>
            {t('planning.filters.reset')}
          </Button>
        ) : null}
      </Group>
      {content}
    </Stack>
  );
}
