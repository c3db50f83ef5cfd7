import { Alert, Badge, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/domain/dates';
import { isMeetingEditable } from '../../../../shared/domain/meetingStatus';
import type { Meeting } from '../../../../shared/rpc/meetings';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { useRpc } from '../../../app/rpc';
import { DemoBadge } from '../../../components/DemoBadge';
import { HistoryPanel } from '../../../components/HistoryPanel';
import { PageHeader } from '../../../components/PageHeader';
import { AgendaEditor } from '../../agenda/AgendaEditor';
import { AttendanceTab } from '../../attendance/AttendanceTab';
import { InvitationsTab } from '../../attendance/InvitationsTab';
import { DocumentsPanel } from '../../documents/DocumentsPanel';
import { FollowUpTab } from '../../followup/FollowUpTab';
import { MinutesTab } from '../../minutes/MinutesTab';
import { WorkingGroupsTab } from '../../minutes/WorkingGroupsTab';
import { MeetingActions } from '../components/MeetingActions';
import { MeetingFacts } from '../components/MeetingFacts';
import { MeetingStatusBadge } from '../components/MeetingStatusBadge';
import { meetingHeading } from '../components/meetingLabels';

/** Kinds of meeting that work in tables (groupes de travail) as a rule. */
const WORKSHOP_KINDS = new Set<Meeting['kind']>(['workshop', 'validation', 'pre_validation']);

/** "Reportée (initialement le 12 mars 2026) : motif" / "Annulée : motif", or nothing. */
function StatusNotice({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const reason = meeting.statusReason?.trim() || null;
  if (meeting.status === 'postponed') {
    const date = meeting.postponedFrom ? formatDate(meeting.postponedFrom, lang) : null;
    let text: string;
    if (date && reason) text = t('meetings.detail.postponed', { date, reason });
    else if (date) text = t('meetings.detail.postponedNoReason', { date });
    else
      text = reason ? t('meetings.detail.postponedNoDate', { reason }) : t('vocab.meetingStatus.postponed');
    return <Alert color="orange">{text}</Alert>;
  }
  if (meeting.status === 'cancelled') {
    return (
      <Alert color="red">
        {reason ? t('meetings.detail.cancelled', { reason }) : t('meetings.detail.cancelledNoReason')}
      </Alert>
    );
  }
  return null;
}

/** One meeting: what, when, where; its status moves; its agenda, invitations, attendance and history. */
export function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useRpc('meetings.get', { id });
  const bodyId = query.data?.body.id ?? '';
  // The heading uses the body's acronym ("GTGPS — Session ordinaire n°3"), as letters do.
  const body = useRpc('bodies.get', { id: bodyId }, { enabled: !!bodyId });
  const groups = useRpc('workingGroups.list', { meetingId: id });
  const [tab, setTab] = useState<string | null>('agenda');

  const back = { to: '/meetings', label: t('meetings.detail.backToList') };
  if (query.isLoading) return <Loader size="sm" aria-label={t('meetings.detail.loading')} />;
  if (query.error || !query.data) {
    return (
      <Stack gap="md">
        <PageHeader title={t('meetings.detail.notFound')} back={back} />
        <Alert color="red">{errorMessage(query.error, t)}</Alert>
      </Stack>
    );
  }
  const meeting = query.data;
  const trashed = meeting.deletedAt !== null;
  const shortName = body.data ? (body.data.acronym ?? body.data.name) : meeting.body.label;
  const readOnly = trashed || !isMeetingEditable(meeting.status);
  const withGroups = WORKSHOP_KINDS.has(meeting.kind) || (groups.data?.length ?? 0) > 0;

  const subtitle = (
    <Stack gap={4} mt={4}>
      {meeting.title ? (
        <Text size="md" c="var(--mantine-color-text)" fw={500}>
          {meeting.title}
        </Text>
      ) : null}
      <Group gap="xs">
        <MeetingStatusBadge status={meeting.status} size="md" />
        <Badge variant="light" color="blue">
          {t(`vocab.meetingKind.${meeting.kind}`)}
        </Badge>
        {meeting.isDemo ? <DemoBadge /> : null}
        {trashed ? (
          <Badge color="red" variant="light">
            {t('meetings.detail.inTrash')}
          </Badge>
        ) : null}
      </Group>
    </Stack>
  );

  return (
    <Stack gap="md">
      <Stack gap={0}>
        <PageHeader title={meetingHeading(t, meeting, shortName)} subtitle={subtitle} back={back} />
        {/* Up to eight buttons: on a row of their own, so that the title keeps its width. */}
        <Group gap="xs" mt={-8}>
          <MeetingActions meeting={meeting} />
        </Group>
      </Stack>
      {trashed ? <Alert color="red">{t('meetings.detail.trashedNotice')}</Alert> : null}
      <StatusNotice meeting={meeting} />
      <MeetingFacts meeting={meeting} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="agenda">{t('meetings.detail.tabAgenda')}</Tabs.Tab>
          <Tabs.Tab value="invitations">{t('meetings.detail.tabInvitations')}</Tabs.Tab>
          <Tabs.Tab value="attendance">{t('meetings.detail.tabAttendance')}</Tabs.Tab>
          <Tabs.Tab value="followUp">{t('followUp.tab')}</Tabs.Tab>
          <Tabs.Tab value="minutes">{t('minutes.tab')}</Tabs.Tab>
          {withGroups ? <Tabs.Tab value="groups">{t('minutes.groups.tab')}</Tabs.Tab> : null}
          <Tabs.Tab value="documents">{t('documents.tab')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('meetings.detail.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agenda" pt="md">
          <AgendaEditor meeting={meeting} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsTab meetingId={meeting.id} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendanceTab meetingId={meeting.id} />
        </Tabs.Panel>
        <Tabs.Panel value="followUp" pt="md">
          <FollowUpTab meetingId={meeting.id} />
        </Tabs.Panel>
        <Tabs.Panel value="minutes" pt="md">
          <MinutesTab meetingId={meeting.id} />
        </Tabs.Panel>
        {withGroups ? (
          <Tabs.Panel value="groups" pt="md">
            <WorkingGroupsTab meetingId={meeting.id} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="documents" pt="md">
          <DocumentsPanel meetingId={meeting.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel entityType="meeting" entityId={meeting.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
