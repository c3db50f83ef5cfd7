import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Sex } from '../../../shared/domain/vocabularies';
import { applyServerErrors, notifyError } from '../../app/errors';
import { useRpcMutation } from '../../app/rpc';
import { orNull, SexField } from './fields';

interface RepresentativeValues {
  representativeName: string;
  representativeFunction: string;
  representativeSex: Sex | '';
}

export interface RepresentativeModalProps {
  meetingId: string;
  inviteeId: string;
  /** Who is represented (shown in the dialog). */
  inviteeName: string;
  /** The representative already recorded, when changing it. */
  initial?: { name: string | null; function: string | null; sex: Sex | null };
  onClose: () => void;
}

/** "Représenté(e) par …": the name is required, as it is written on the attendance sheet. */
export function RepresentativeModal({
  meetingId,
  inviteeId,
  inviteeName,
  initial,
  onClose,
}: RepresentativeModalProps) {
  const { t } = useTranslation();
  const mark = useRpcMutation('attendance.mark');
  const form = useForm<RepresentativeValues>({
    mode: 'controlled',
    initialValues: {
      representativeName: initial?.name ?? '',
      representativeFunction: initial?.function ?? '',
      representativeSex: initial?.sex ?? '',
    },
    validate: {
      representativeName: (v) => (v.trim() ? null : t('errors.field.required')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    try {
      await mark.mutateAsync({
        meetingId,
        inviteeId,
        status: 'represented',
        representativeName: orNull(v.representativeName),
        representativeFunction: orNull(v.representativeFunction),
        representativeSex: v.representativeSex === '' ? null : v.representativeSex,
      });
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('attendance.representative.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('attendance.representative.subtitle', { name: inviteeName })}
          </Text>
          <TextInput
            label={t('attendance.representative.name')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('representativeName')}
          />
          <TextInput
            label={t('attendance.representative.function')}
            maxLength={300}
            {...form.getInputProps('representativeFunction')}
          />
          <SexField
            value={form.values.representativeSex}
            onChange={(sex) => form.setFieldValue('representativeSex', sex)}
            error={form.errors.representativeSex}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={mark.isPending}>
              {t('attendance.common.cancel')}
            </Button>
            <Button type="submit" loading={mark.isPending}>
              {t('attendance.representative.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
