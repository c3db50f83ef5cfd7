import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { describeQuorumRule } from '../../../shared/domain/quorum';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../shared/domain/vocabularies';
import type { AttendanceRecordSchema, Invitee } from '../../../shared/rpc/meetings';
import { errorMessage, notifyError, notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { Link } from '../../app/navigation';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { ConfirmAction } from '../../components/ConfirmAction';
import { EmptyState } from '../../components/EmptyState';
import { type AttendanceCount, CountModal } from './CountModal';
import { GenerateInvitees } from './GenerateInvitees';
import { ImportParticipants } from './ImportParticipants';
import { canTakeAttendance, roleLabel } from './labels';
import { RepresentativeModal } from './RepresentativeModal';
import { StatsPanel } from './StatsPanel';
import { WalkInModal } from './WalkInModal';

type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;

type Dialog =
  | { kind: 'representative'; invitee: Invitee; record: AttendanceRecord | null }
  | { kind: 'walkIn' }
  | { kind: 'count'; count?: AttendanceCount }
  | null;

function isStatus(value: string): value is AttendanceStatus {
  return (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

/**
 * The attendance sheet of a meeting: each invitee present, absent, excused or represented;
 * participants who came uninvited; head counts per structure for large workshops; and, always
 * in view, the quorum and the figures the secretariat reports.
 */
export function AttendanceTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const attendance = useRpc('attendance.get', { meetingId });
  const meeting = useRpc('meetings.get', { id: meetingId });
  const bodyId = meeting.data?.body.id ?? '';
  // The rule is described from the body itself, in the interface language.
  const body = useRpc('bodies.get', { id: bodyId }, { enabled: !!bodyId });
  const mark = useRpcMutation('attendance.mark');
  const removeRecord = useRpcMutation('attendance.removeRecord');
  const removeCount = useRpcMutation('attendance.removeCount');
  const [dialog, setDialog] = useState<Dialog>(null);

  if (attendance.isLoading || meeting.isLoading) {
    return <Loader size="sm" aria-label={t('common.loading')} />;
  }
  const failure = attendance.error ?? meeting.error;
  if (failure || !attendance.data || !meeting.data) {
    return <Alert color="red">{failure ? errorMessage(failure, t) : t('common.error.loadFailed')}</Alert>;
  }
  const { invitees, records, counts, stats } = attendance.data;
  const m = meeting.data;
  const ruleText = body.data ? describeQuorumRule(body.data.quorumRule, lang) : stats.quorum.rule;
  const recordOf = new Map<string, AttendanceRecord>();
  for (const r of records) if (r.inviteeId) recordOf.set(r.inviteeId, r);
  const walkIns = records.filter((r) => r.walkIn);
  // A postponed, cancelled or closed meeting's sheet is shown as it stands, not edited.
  const open = canTakeAttendance(m.status);

  const setStatus = (invitee: Invitee, status: AttendanceStatus) => {
    if (status === 'represented') {
      setDialog({ kind: 'representative', invitee, record: recordOf.get(invitee.id) ?? null });
      return;
    }
    mark.mutate({ meetingId, inviteeId: invitee.id, status }, { onError: (error) => notifyError(error, t) });
  };

  /** While a mark is saved (and the sheet refreshed) the control already shows the choice. */
  const shownStatus = (invitee: Invitee): string => {
    if (mark.isPending && mark.variables?.inviteeId === invitee.id) return mark.variables.status;
    return recordOf.get(invitee.id)?.status ?? '';
  };

  const representation = (record: AttendanceRecord | undefined) => {
    if (record?.status !== 'represented' || !record.representativeName) return null;
    return record.representativeFunction
      ? t('attendance.sheet.representedByWithFunction', {
          name: record.representativeName,
          function: record.representativeFunction,
        })
      : t('attendance.sheet.representedBy', { name: record.representativeName });
  };

  const walkInName = (r: AttendanceRecord) => r.person?.label ?? r.name ?? t('attendance.common.none');

  return (
    <Stack gap="lg">
      <StatsPanel stats={stats} ruleText={ruleText} />
      {open ? null : (
        <Alert color="gray" variant="light">
          {t(
            `attendance.sheet.locked.${m.status === 'postponed' || m.status === 'cancelled' ? m.status : 'closed'}`,
          )}
        </Alert>
      )}

      <Stack gap="sm" component="section" aria-label={t('attendance.sheet.title')}>
        <Group justify="space-between" align="center" wrap="wrap">
          <Title order={4}>{t('attendance.sheet.title')}</Title>
          {open ? <ImportParticipants meetingId={meetingId} /> : null}
        </Group>
        {invitees.length === 0 ? (
          <EmptyState
            title={t('attendance.sheet.noInviteesTitle')}
            text={t('attendance.sheet.noInviteesText')}
            action={
              m.status !== 'cancelled' ? (
                <GenerateInvitees meetingId={meetingId} date={m.startDate} auto={false} />
              ) : undefined
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs" aria-label={t('attendance.sheet.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('attendance.sheet.invitee')}</Table.Th>
                  <Table.Th>{t('attendance.sheet.status')}</Table.Th>
                  <Table.Th>{t('attendance.sheet.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitees.map((invitee) => {
                  const record = recordOf.get(invitee.id);
                  const represented = representation(record);
                  const fn = invitee.function;
                  const org = invitee.organisationLabel ?? invitee.organisation?.label ?? null;
                  return (
                    <Table.Tr key={invitee.id} data-invitee-id={invitee.id}>
                      <Table.Td>
                        <Group gap={6} wrap="wrap">
                          {invitee.person ? (
                            <Link to={`/people/${invitee.person.id}`} size="sm" fw={600}>
                              {invitee.name}
                            </Link>
                          ) : (
                            <Text size="sm" fw={600}>
                              {invitee.name}
                            </Text>
                          )}
                          {invitee.role ? (
                            <Badge variant="light" color={invitee.voting ? 'teal' : 'gray'} size="xs">
                              {roleLabel(t, lang, invitee.role, invitee.rank)}
                            </Badge>
                          ) : null}
                          {invitee.isExtra ? (
                            <Badge variant="light" color="grape" size="xs">
                              {t('attendance.invitations.extra')}
                            </Badge>
                          ) : null}
                        </Group>
                        {fn || org ? (
                          <Text size="xs" c="dimmed">
                            {[fn, org].filter(Boolean).join(' — ')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <SegmentedControl
                          size="xs"
                          readOnly={!open}
                          aria-label={invitee.name}
                          value={shownStatus(invitee)}
                          onChange={(value) => {
                            if (isStatus(value)) setStatus(invitee, value);
                          }}
                          data={ATTENDANCE_STATUSES.map((s) => ({
                            value: s,
                            label: t(`vocab.attendanceStatus.${s}`),
                          }))}
                        />
                      </Table.Td>
                      <Table.Td>
                        {represented ? (
                          <Group gap={6} wrap="wrap">
                            <Text size="sm">{represented}</Text>
                            {open ? (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                onClick={() =>
                                  setDialog({ kind: 'representative', invitee, record: record ?? null })
                                }
                              >
                                {t('attendance.sheet.editRepresentative')}
                              </Button>
                            ) : null}
                          </Group>
                        ) : record ? null : (
                          <Text size="sm" c="dimmed" fs="italic">
                            {t('attendance.sheet.unmarked')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-label={t('attendance.walkIns.title')}>
        <Group justify="space-between" align="center" wrap="wrap">
          <Title order={4}>{t('attendance.walkIns.title')}</Title>
          {open ? (
            <Button variant="light" onClick={() => setDialog({ kind: 'walkIn' })}>
              {t('attendance.walkIns.add')}
            </Button>
          ) : null}
        </Group>
        {walkIns.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('attendance.walkIns.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" aria-label={t('attendance.walkIns.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('attendance.common.name')}</Table.Th>
                  <Table.Th>{t('attendance.common.function')}</Table.Th>
                  <Table.Th>{t('attendance.common.structure')}</Table.Th>
                  <Table.Th>{t('attendance.common.sex')}</Table.Th>
                  <Table.Th>{t('attendance.walkIns.contact')}</Table.Th>
                  {open ? <Table.Th>{t('attendance.common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {walkIns.map((r) => (
                  <Table.Tr key={r.id} data-record-id={r.id}>
                    <Table.Td>
                      {r.person ? (
                        <Link to={`/people/${r.person.id}`} size="sm">
                          {walkInName(r)}
                        </Link>
                      ) : (
                        <Text size="sm">{walkInName(r)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.function ?? t('attendance.common.none')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {r.organisation?.label ?? r.organisationLabel ?? t('attendance.common.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.sex ? t(`vocab.sex.${r.sex}`) : t('attendance.common.none')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {[r.email, r.phone].filter(Boolean).join(' · ') || t('attendance.common.none')}
                      </Text>
                    </Table.Td>
                    {open ? (
                      <Table.Td>
                        <ConfirmAction
                          size="compact-xs"
                          variant="subtle"
                          label={t('attendance.common.remove')}
                          title={t('attendance.walkIns.removeTitle')}
                          message={t('attendance.walkIns.removeMessage', { name: walkInName(r) })}
                          onConfirm={async () => {
                            await removeRecord.mutateAsync({ id: r.id });
                            notifySaved(t, t('attendance.walkIns.removed'));
                          }}
                        />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-label={t('attendance.counts.title')}>
        <Group justify="space-between" align="center" wrap="wrap">
          <Stack gap={2}>
            <Title order={4}>{t('attendance.counts.title')}</Title>
            <Text size="xs" c="dimmed">
              {t('attendance.counts.hint')}
            </Text>
          </Stack>
          {open ? (
            <Button variant="light" onClick={() => setDialog({ kind: 'count' })}>
              {t('attendance.counts.add')}
            </Button>
          ) : null}
        </Group>
        {counts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('attendance.counts.empty')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-label={t('attendance.counts.tableLabel')} maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('attendance.common.structure')}</Table.Th>
                <Table.Th ta="right">{t('attendance.counts.count')}</Table.Th>
                <Table.Th ta="right">{t('attendance.counts.women')}</Table.Th>
                {open ? <Table.Th>{t('attendance.common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.map((c) => (
                <Table.Tr key={c.id} data-count-id={c.id}>
                  <Table.Td>
                    <Text size="sm">{c.label}</Text>
                    {c.organisation && c.organisation.label !== c.label ? (
                      <Text size="xs" c="dimmed">
                        {c.organisation.label}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={600}>
                      {c.count}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{c.women ?? t('attendance.common.none')}</Text>
                  </Table.Td>
                  {open ? (
                    <Table.Td>
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t('attendance.counts.editLabel', { label: c.label })}
                          onClick={() => setDialog({ kind: 'count', count: c })}
                        >
                          {t('attendance.common.edit')}
                        </Button>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="red"
                          aria-label={t('attendance.counts.removeLabel', { label: c.label })}
                          loading={removeCount.isPending && removeCount.variables?.id === c.id}
                          onClick={() =>
                            removeCount.mutate(
                              { id: c.id },
                              {
                                onSuccess: () => notifySaved(t, t('attendance.counts.removed')),
                                onError: (error) => notifyError(error, t),
                              },
                            )
                          }
                        >
                          <span aria-hidden>×</span>
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      {dialog?.kind === 'representative' ? (
        <RepresentativeModal
          meetingId={meetingId}
          inviteeId={dialog.invitee.id}
          inviteeName={dialog.invitee.name}
          {...(dialog.record?.status === 'represented'
            ? {
                initial: {
                  name: dialog.record.representativeName,
                  function: dialog.record.representativeFunction,
                  sex: dialog.record.representativeSex,
                },
              }
            : {})}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'walkIn' ? (
        <WalkInModal meetingId={meetingId} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'count' ? (
        <CountModal
          meetingId={meetingId}
          {...(dialog.count ? { count: dialog.count } : {})}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Stack>
  );
}
