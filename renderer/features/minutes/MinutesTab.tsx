import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/domain/dates';
import { allowedMinutesActions, isMinutesEditable, type MinutesAction } from '../../../shared/domain/minutes';
import type { MinutesStatus } from '../../../shared/domain/vocabularies';
import type { Meeting } from '../../../shared/rpc/meetings';
import type { Minutes } from '../../../shared/rpc/recommendations';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { Link } from '../../app/navigation';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { ConfirmAction } from '../../components/ConfirmAction';
import { EmptyState } from '../../components/EmptyState';
import { DateField } from '../bodies/components/DateField';
import { meetingKindTitle } from '../meetings/components/meetingLabels';
import { contentOf, flushMinutes, minutesAutosave } from './autosave';
import { MinutesEditor } from './MinutesEditor';
import { VersionsDrawer } from './VersionsDrawer';

const STATUS_COLOUR: Record<MinutesStatus, string> = {
  draft: 'gray',
  review: 'yellow',
  validated: 'blue',
  adopted: 'teal',
};

/** "Compte rendu à adopter lors de cette séance : GTGPS — Ordinaire n°2 du 12 décembre 2025". */
function PendingAdoption({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const pending = useRpc('minutes.pendingAdoption', { meetingId });
  if (!pending.data || pending.data.length === 0) return null;
  return (
    <Stack gap="xs">
      {pending.data.map((p) => (
        <Alert key={p.meeting.id} color={p.status === 'adopted' ? 'teal' : 'blue'}>
          {p.status === 'adopted' ? t('minutes.pending.adopted') : t('minutes.pending.toAdopt')}{' '}
          <Link to={`/meetings/${p.meeting.id}`}>{p.meeting.label}</Link>
        </Alert>
      ))}
    </Stack>
  );
}

/** Adoption: recorded at a later session of the same body, chosen here. */
function AdoptModal({
  meeting,
  opened,
  onClose,
  onAdopt,
}: {
  meeting: Meeting;
  opened: boolean;
  onClose: () => void;
  onAdopt: (adoptedAtMeetingId: string, date: string | null) => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const later = useRpc('meetings.list', { bodyId: meeting.body.id }, { enabled: opened });
  const [chosen, setChosen] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const options = useMemo(
    () =>
      (later.data ?? [])
        .filter((m) => m.startDate > meeting.startDate && m.status !== 'cancelled')
        .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
        .map((m) => ({
          value: m.id,
          label: t('minutes.adopt.option', {
            date: formatDate(m.startDate, lang),
            label: m.title ?? meetingKindTitle(t, m.kind, m.number),
          }),
        })),
    [later.data, meeting.startDate, t, lang],
  );

  const submit = async () => {
    if (!chosen) {
      setErrors({ adoptedAtMeetingId: t('errors.field.required') });
      return;
    }
    setBusy(true);
    try {
      await onAdopt(chosen, date);
      onClose();
    } catch (error) {
      const fields: Record<string, string> = {};
      const shown = applyServerErrors(
        { setFieldError: (path, message) => (fields[path] = message) },
        error,
        t,
      );
      setErrors(fields);
      if (!shown) notifyError(error, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('minutes.adopt.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('minutes.adopt.text')}</Text>
        {later.isLoading ? <Loader size="sm" aria-label={t('minutes.loading')} /> : null}
        {later.data && options.length === 0 ? (
          <Alert color="orange">{t('minutes.adopt.noLater')}</Alert>
        ) : null}
        {options.length > 0 ? (
          <Select
            label={t('minutes.adopt.session')}
            required
            data={options}
            value={chosen}
            onChange={(value) => {
              setChosen(value);
              setErrors({});
            }}
            error={errors.adoptedAtMeetingId}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <DateField
          label={t('minutes.adopt.date')}
          description={t('minutes.adopt.dateHint')}
          value={date}
          onChange={setDate}
          error={errors.date}
          name="adoptedOn"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.actions.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={options.length === 0}>
            {t('minutes.actions.adopt')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function StatusLine({ minutes }: { minutes: Minutes }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Group gap="sm" wrap="wrap">
      <Badge color={STATUS_COLOUR[minutes.status]} variant="light" size="lg">
        {t(`vocab.minutesStatus.${minutes.status}`)}
      </Badge>
      {minutes.validatedOn && minutes.status === 'validated' ? (
        <Text size="sm">{t('minutes.validatedOn', { date: formatDate(minutes.validatedOn, lang) })}</Text>
      ) : null}
      {minutes.status === 'adopted' && minutes.adoptedOn ? (
        <Text size="sm">
          {t('minutes.adoptedOn', { date: formatDate(minutes.adoptedOn, lang) })}
          {minutes.adoptedAt ? (
            <>
              {' '}
              {t('minutes.adoptedAt')}{' '}
              <Link to={`/meetings/${minutes.adoptedAt.id}`}>{minutes.adoptedAt.label}</Link>
            </>
          ) : null}
        </Text>
      ) : null}
    </Group>
  );
}

/**
 * The compte rendu of one meeting: opened from the agenda (a section per item), typed with an
 * autosave, moved through brouillon → en relecture → validé → adopté, and every kept version at
 * hand. Also says which earlier minutes this session is to adopt.
 */
export function MinutesTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const meetingQuery = useRpc('meetings.get', { id: meetingId });
  const minutesQuery = useRpc('minutes.get', { meetingId });
  const open = useRpcMutation('minutes.open');
  const transition = useRpcMutation('minutes.transition');
  const [adopting, setAdopting] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [busy, setBusy] = useState<MinutesAction | null>(null);

  if (meetingQuery.isLoading || minutesQuery.isLoading) {
    return <Loader size="sm" aria-label={t('minutes.loading')} />;
  }
  const error = meetingQuery.error ?? minutesQuery.error;
  if (error || !meetingQuery.data) return <Alert color="red">{errorMessage(error, t)}</Alert>;

  const meeting = meetingQuery.data;
  const minutes = minutesQuery.data ?? null;
  const trashed = meeting.deletedAt !== null;
  const cancelled = meeting.status === 'cancelled';

  const apply = (result: Minutes) => {
    client.setQueryData(['minutes.get', { meetingId }], result);
  };

  if (!minutes) {
    return (
      <Stack gap="md">
        <PendingAdoption meetingId={meetingId} />
        {cancelled ? (
          <Alert color="red" title={t('minutes.cancelled.title')}>
            {meeting.statusReason
              ? t('minutes.cancelled.textReason', { reason: meeting.statusReason })
              : t('minutes.cancelled.text')}
          </Alert>
        ) : (
          <EmptyState
            title={t('minutes.empty.title')}
            text={trashed ? t('minutes.empty.trashed') : t('minutes.empty.text')}
            action={
              trashed ? null : (
                <Button
                  loading={open.isPending}
                  onClick={async () => {
                    try {
                      apply(await open.mutateAsync({ meetingId }));
                    } catch (e) {
                      notifyError(e, t);
                    }
                  }}
                >
                  {t('minutes.empty.open')}
                </Button>
              )
            }
          />
        )}
      </Stack>
    );
  }

  const editable = isMinutesEditable(minutes.status) && !trashed && !cancelled;
  const actions = trashed ? [] : allowedMinutesActions(minutes.status);

  /** Saves what is being typed, then moves the minutes: the validated text is the last one typed. */
  const run = async (
    action: MinutesAction,
    extra: { adoptedAtMeetingId?: string; date?: string | null } = {},
  ) => {
    setBusy(action);
    try {
      const saved = await flushMinutes(meetingId);
      if (!saved) throw new Error(t('minutes.actions.unsaved'));
      const result = await transition.mutateAsync({ meetingId, action, ...extra });
      apply(result);
      notifySaved(t, t(`minutes.actions.done.${action}`));
    } finally {
      setBusy(null);
    }
  };
  const runNotified = (action: MinutesAction) => () =>
    void run(action).catch((e: unknown) => notifyError(e, t));

  return (
    <Stack gap="md">
      <PendingAdoption meetingId={meetingId} />
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <StatusLine minutes={minutes} />
        <Group gap="xs" wrap="wrap">
          {actions.includes('submit_review') ? (
            <Button
              size="sm"
              variant="light"
              loading={busy === 'submit_review'}
              onClick={runNotified('submit_review')}
            >
              {t('minutes.actions.submit_review')}
            </Button>
          ) : null}
          {actions.includes('validate') ? (
            <Button size="sm" loading={busy === 'validate'} onClick={runNotified('validate')}>
              {t('minutes.actions.validate')}
            </Button>
          ) : null}
          {actions.includes('adopt') ? (
            <Button size="sm" onClick={() => setAdopting(true)}>
              {t('minutes.actions.adoptOpen')}
            </Button>
          ) : null}
          {actions.includes('reopen') ? (
            <ConfirmAction
              label={t('minutes.actions.reopen')}
              title={t('minutes.actions.reopenTitle')}
              message={t('minutes.actions.reopenMessage')}
              color="orange"
              onConfirm={() => run('reopen')}
            />
          ) : null}
          <Button size="sm" variant="default" onClick={() => setVersionsOpen(true)}>
            {t('minutes.versions.button')}
          </Button>
        </Group>
      </Group>

      {minutes.status === 'validated' && !trashed ? (
        <Alert color="blue">{t('minutes.readOnly.validated')}</Alert>
      ) : null}
      {minutes.status === 'adopted' ? <Alert color="teal">{t('minutes.readOnly.adopted')}</Alert> : null}
      {trashed ? <Alert color="gray">{t('minutes.readOnly.trashed')}</Alert> : null}
      {cancelled ? <Alert color="red">{t('minutes.readOnly.cancelled')}</Alert> : null}

      <MinutesEditor
        meetingId={meetingId}
        bodyId={meeting.body.id}
        minutes={minutes}
        editable={editable}
        canRecommend={!trashed}
      />

      <AdoptModal
        meeting={meeting}
        opened={adopting}
        onClose={() => setAdopting(false)}
        onAdopt={(adoptedAtMeetingId, date) => run('adopt', { adoptedAtMeetingId, date })}
      />
      <VersionsDrawer
        meetingId={meetingId}
        opened={versionsOpen}
        onClose={() => setVersionsOpen(false)}
        canRestore={editable}
        onRestored={(restored) => {
          apply(restored);
          // The editors start again from the restored text.
          minutesAutosave(meetingId).load(contentOf(restored), restored.revision, restored.updatedAt);
        }}
      />
    </Stack>
  );
}
