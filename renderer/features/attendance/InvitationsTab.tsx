import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/domain/dates';
import type { Invitee } from '../../../shared/rpc/meetings';
import { errorMessage, notifyError, notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { Link } from '../../app/navigation';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { ConfirmAction } from '../../components/ConfirmAction';
import { EmptyState } from '../../components/EmptyState';
import { GenerateInvitees } from './GenerateInvitees';
import { InviteeModal } from './InviteeModal';
import { canEditInvitees, canRegenerate, roleLabel } from './labels';

/**
 * Who is invited to a meeting: the seats of the body's composition as at the meeting's date
 * (frozen when drawn up), plus extra invitees added by hand.
 */
export function InvitationsTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const meeting = useRpc('meetings.get', { id: meetingId });
  const invitees = useRpc('invitees.list', { meetingId });
  const regenerate = useRpcMutation('invitees.generate');
  const remove = useRpcMutation('invitees.remove');
  const [adding, setAdding] = useState(false);

  const list = invitees.data ?? [];
  const voting = useMemo(() => list.filter((i) => i.voting).length, [list]);

  if (meeting.isLoading || invitees.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  const failure = meeting.error ?? invitees.error;
  if (failure || !meeting.data) {
    return <Alert color="red">{failure ? errorMessage(failure, t) : t('common.error.loadFailed')}</Alert>;
  }
  const m = meeting.data;
  const date = formatDate(m.startDate, lang);
  const open = canRegenerate(m.status);
  const editable = canEditInvitees(m.status);

  const removeButton = (invitee: Invitee) =>
    invitee.isExtra ? (
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        aria-label={t('attendance.invitations.removeExtra', { name: invitee.name })}
        loading={remove.isPending && remove.variables?.id === invitee.id}
        onClick={() =>
          remove.mutate(
            { id: invitee.id },
            {
              onSuccess: () => notifySaved(t, t('attendance.invitations.removed')),
              onError: (error) => notifyError(error, t),
            },
          )
        }
      >
        {t('attendance.common.remove')}
      </Button>
    ) : (
      <ConfirmAction
        size="compact-xs"
        variant="subtle"
        label={t('attendance.common.remove')}
        title={t('attendance.invitations.removeTitle')}
        message={t('attendance.invitations.removeSeatMessage', { name: invitee.name })}
        onConfirm={async () => {
          await remove.mutateAsync({ id: invitee.id });
          notifySaved(t, t('attendance.invitations.removed'));
        }}
      />
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ flex: 1, minWidth: 280 }}>
          <Title order={4}>{t('attendance.invitations.title')}</Title>
          <Text size="sm" c="dimmed">
            {open ? t('attendance.invitations.snapshotNote') : t('attendance.invitations.lockedNote')}
          </Text>
        </Stack>
        {list.length > 0 ? (
          <Group gap="xs">
            {open ? (
              <ConfirmAction
                label={t('attendance.invitations.regenerate')}
                title={t('attendance.invitations.regenerateTitle')}
                message={t('attendance.invitations.regenerateMessage', { date })}
                color="orange"
                variant="default"
                onConfirm={async () => {
                  await regenerate.mutateAsync({ meetingId });
                  notifySaved(t, t('attendance.invitations.regenerated'));
                }}
              />
            ) : null}
            {editable ? (
              <Button onClick={() => setAdding(true)}>{t('attendance.invitations.add')}</Button>
            ) : null}
          </Group>
        ) : null}
      </Group>

      {list.length === 0 ? (
        <EmptyState
          title={t('attendance.invitations.emptyTitle')}
          text={t('attendance.invitations.emptyText')}
          action={
            <Stack gap="xs" align="center">
              {/* A first list may be drawn up even afterwards, for a meeting recorded late. */}
              {m.status !== 'cancelled' ? (
                <GenerateInvitees meetingId={meetingId} date={m.startDate} auto={m.status === 'draft'} />
              ) : null}
              {editable ? (
                <Button variant="light" onClick={() => setAdding(true)}>
                  {t('attendance.invitations.add')}
                </Button>
              ) : null}
            </Stack>
          }
        />
      ) : (
        <>
          <Text size="sm" fw={600}>
            {t('attendance.invitations.summary', { count: list.length, voting })}
          </Text>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" aria-label={t('attendance.invitations.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('attendance.invitations.role')}</Table.Th>
                  <Table.Th>{t('attendance.common.name')}</Table.Th>
                  <Table.Th>{t('attendance.common.function')}</Table.Th>
                  <Table.Th>{t('attendance.common.organisation')}</Table.Th>
                  <Table.Th>{t('attendance.invitations.vote')}</Table.Th>
                  <Table.Th>{t('attendance.common.email')}</Table.Th>
                  {editable ? <Table.Th>{t('attendance.common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((invitee) => (
                  <Table.Tr key={invitee.id} data-invitee-id={invitee.id}>
                    <Table.Td>
                      {invitee.role ? (
                        <Text size="sm" fw={600}>
                          {roleLabel(t, lang, invitee.role, invitee.rank)}
                        </Text>
                      ) : null}
                      {invitee.isExtra ? (
                        <Badge variant="light" color="grape" size="sm">
                          {t('attendance.invitations.extra')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {invitee.person ? (
                        <Link to={`/people/${invitee.person.id}`} size="sm">
                          {invitee.name}
                        </Link>
                      ) : (
                        <Text size="sm">{invitee.name}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{invitee.function ?? t('attendance.common.none')}</Text>
                    </Table.Td>
                    <Table.Td>
                      {invitee.organisation ? (
                        <Link to={`/organisations/${invitee.organisation.id}`} size="sm">
                          {invitee.organisationLabel ?? invitee.organisation.label}
                        </Link>
                      ) : (
                        <Text size="sm" c={invitee.organisationLabel ? undefined : 'dimmed'}>
                          {invitee.organisationLabel ?? t('attendance.common.none')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={invitee.voting ? 'teal' : 'gray'}
                        size="sm"
                        style={{ overflow: 'visible' }}
                        styles={{ label: { overflow: 'visible' } }}
                      >
                        {invitee.voting
                          ? t('attendance.invitations.voting')
                          : t('attendance.invitations.consultative')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {invitee.email ? (
                        <Text size="sm" component="a" href={`mailto:${invitee.email}`} c="blue">
                          {invitee.email}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('attendance.common.none')}
                        </Text>
                      )}
                    </Table.Td>
                    {editable ? <Table.Td>{removeButton(invitee)}</Table.Td> : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}

      {adding ? <InviteeModal meetingId={meetingId} onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}
