import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedMeetingActions, isMeetingEditable } from '../../../../shared/domain/meetingStatus';
import type { Meeting } from '../../../../shared/rpc/meetings';
import { applyServerErrors, notifyError, notifySaved } from '../../../app/errors';
import { hrefOf, navigate } from '../../../app/navigation';
import { call, useRpcMutation } from '../../../app/rpc';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DateField } from '../../bodies/components/DateField';
import { todayIso } from '../../bodies/components/dates';
import { downloadTextFile } from './downloadFile';

type Errors = Record<string, string>;

/** The backend's field messages go next to their fields; any other refusal is notified. */
function showErrors(error: unknown, setErrors: (errors: Errors) => void, t: TFunction): void {
  const next: Errors = {};
  const shown = applyServerErrors({ setFieldError: (p, m) => (next[p] = m) }, error, t);
  setErrors(next);
  if (!shown) notifyError(error, t);
}

/** Convoquer: asks the date of the convocation letter (today by default). */
function ConveneModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const transition = useRpcMutation('meetings.transition');
  const [convenedOn, setConvenedOn] = useState<string | null>(() => todayIso());
  const [errors, setErrors] = useState<Errors>({});

  const submit = async () => {
    try {
      await transition.mutateAsync({ id: meeting.id, action: 'convene', convenedOn: convenedOn ?? '' });
      notifySaved(t, t('meetings.transition.convened'));
      onClose();
    } catch (error) {
      showErrors(error, setErrors, t);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('meetings.transition.conveneTitle')} centered>
      <Stack gap="md">
        <Text size="sm">{t('meetings.transition.conveneText')}</Text>
        <DateField
          label={t('meetings.transition.convenedOn')}
          value={convenedOn}
          onChange={(v) => {
            setConvenedOn(v);
            setErrors({});
          }}
          error={errors.convenedOn}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={transition.isPending}>
            {t('common.actions.cancel')}
          </Button>
          <Button loading={transition.isPending} onClick={() => void submit()}>
            {t('meetings.actions.convene')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Reporter: the new dates (start required) and why. */
function PostponeModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const transition = useRpcMutation('meetings.transition');
  const [newStartDate, setStart] = useState<string | null>(null);
  const [newEndDate, setEnd] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = async () => {
    if (!newStartDate) {
      setErrors({ newStartDate: t('errors.field.required') });
      return;
    }
    try {
      await transition.mutateAsync({
        id: meeting.id,
        action: 'postpone',
        newStartDate,
        newEndDate: newEndDate ?? '',
        reason,
      });
      notifySaved(t, t('meetings.transition.postponed'));
      onClose();
    } catch (error) {
      showErrors(error, setErrors, t);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('meetings.transition.postponeTitle')} centered>
      <Stack gap="md">
        <Text size="sm">{t('meetings.transition.postponeText')}</Text>
        <Group gap="sm" align="flex-start">
          <DateField
            label={t('meetings.transition.newStartDate')}
            value={newStartDate}
            onChange={(v) => {
              setStart(v);
              setErrors({});
            }}
            error={errors.newStartDate}
            required
          />
          <DateField
            label={t('meetings.transition.newEndDate')}
            value={newEndDate}
            onChange={(v) => {
              setEnd(v);
              setErrors({});
            }}
            error={errors.newEndDate}
          />
        </Group>
        <Textarea
          label={t('meetings.transition.reason')}
          autosize
          minRows={2}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={transition.isPending}>
            {t('common.actions.cancel')}
          </Button>
          <Button color="orange" loading={transition.isPending} onClick={() => void submit()}>
            {t('meetings.actions.postpone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The buttons of a meeting's page: only the moves its status allows (the same table the backend
 * enforces), plus edit, invitation file and trash. A refusal from the backend (another window
 * moved the meeting meanwhile) is still shown.
 */
export function MeetingActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const transition = useRpcMutation('meetings.transition');
  const trash = useRpcMutation('meetings.trash');
  const restore = useRpcMutation('meetings.restore');
  const [dialog, setDialog] = useState<'convene' | 'postpone' | null>(null);
  const [downloading, setDownloading] = useState(false);

  if (meeting.deletedAt !== null) {
    return (
      <Button
        loading={restore.isPending}
        onClick={async () => {
          try {
            await restore.mutateAsync({ id: meeting.id });
            notifySaved(t, t('meetings.transition.restored'));
          } catch (error) {
            notifyError(error, t);
          }
        }}
      >
        {t('meetings.actions.restore')}
      </Button>
    );
  }

  const allowed = new Set(allowedMeetingActions(meeting.status));
  const reopen = async () => {
    try {
      await transition.mutateAsync({ id: meeting.id, action: 'reopen_draft' });
      notifySaved(t, t('meetings.transition.reopened'));
    } catch (error) {
      notifyError(error, t);
    }
  };
  const downloadIcs = async () => {
    setDownloading(true);
    try {
      const file = await call('meetings.ics', { id: meeting.id });
      downloadTextFile(file.fileName, file.content, 'text/calendar;charset=utf-8');
    } catch (error) {
      notifyError(error, t);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      {allowed.has('convene') ? (
        <Button onClick={() => setDialog('convene')}>{t('meetings.actions.convene')}</Button>
      ) : null}
      {allowed.has('hold') ? (
        <ConfirmAction
          label={t('meetings.actions.hold')}
          title={t('meetings.transition.holdTitle')}
          message={t('meetings.transition.holdMessage')}
          color="teal"
          variant={allowed.has('convene') ? 'light' : 'filled'}
          onConfirm={async () => {
            await transition.mutateAsync({ id: meeting.id, action: 'hold' });
            notifySaved(t, t('meetings.transition.held'));
          }}
        />
      ) : null}
      {allowed.has('close') ? (
        <ConfirmAction
          label={t('meetings.actions.close')}
          title={t('meetings.transition.closeTitle')}
          message={t('meetings.transition.closeMessage')}
          color="teal"
          variant="filled"
          onConfirm={async () => {
            await transition.mutateAsync({ id: meeting.id, action: 'close' });
            notifySaved(t, t('meetings.transition.closed'));
          }}
        />
      ) : null}
      {allowed.has('reopen_draft') ? (
        <Button variant="light" loading={transition.isPending} onClick={() => void reopen()}>
          {t('meetings.actions.reopenDraft')}
        </Button>
      ) : null}
      {allowed.has('postpone') ? (
        <Button variant="light" color="orange" onClick={() => setDialog('postpone')}>
          {t('meetings.actions.postpone')}
        </Button>
      ) : null}
      {allowed.has('cancel') ? (
        <ConfirmAction
          label={t('meetings.actions.cancel')}
          title={t('meetings.transition.cancelTitle')}
          message={t('meetings.transition.cancelMessage')}
          withReason={{ label: t('meetings.transition.cancelReason') }}
          onConfirm={async (reason) => {
            await transition.mutateAsync({ id: meeting.id, action: 'cancel', reason });
            notifySaved(t, t('meetings.transition.cancelled'));
          }}
        />
      ) : null}
      {isMeetingEditable(meeting.status) ? (
        <Button component="a" variant="default" href={hrefOf(`/meetings/${meeting.id}/edit`)}>
          {t('meetings.actions.edit')}
        </Button>
      ) : null}
      <Button variant="default" loading={downloading} onClick={() => void downloadIcs()}>
        {t('meetings.actions.ics')}
      </Button>
      <ConfirmAction
        label={t('meetings.actions.trash')}
        title={t('meetings.transition.trashTitle')}
        message={t('meetings.transition.trashMessage')}
        variant="subtle"
        onConfirm={async () => {
          await trash.mutateAsync({ id: meeting.id });
          notifySaved(t, t('meetings.transition.trashed'));
          navigate('/meetings');
        }}
      />
      {dialog === 'convene' ? <ConveneModal meeting={meeting} onClose={() => setDialog(null)} /> : null}
      {dialog === 'postpone' ? <PostponeModal meeting={meeting} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
