import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AttendanceCountSchema } from '../../../shared/rpc/meetings';
import { applyServerErrors, notifyError, notifySaved } from '../../app/errors';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { OrganisationPicker } from '../../components/OrganisationPicker';

export type AttendanceCount = z.infer<typeof AttendanceCountSchema>;

interface CountValues {
  organisationId: string | null;
  label: string;
  count: number | string;
  women: number | string;
}

function asInt(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** "DGPSN 4 (dont 1 femme)": a head count for a structure whose participants are not named. */
export function CountModal({
  meetingId,
  count,
  onClose,
}: {
  meetingId: string;
  /** The count to edit; a new one when absent. */
  count?: AttendanceCount;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useRpcMutation('attendance.setCount');
  const organisations = useRpc('organisations.list', {});
  const form = useForm<CountValues>({
    mode: 'controlled',
    initialValues: {
      organisationId: count?.organisation?.id ?? null,
      label: count?.label ?? '',
      count: count?.count ?? '',
      women: count?.women ?? '',
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.label.trim()) errors.label = t('errors.field.required');
      const total = asInt(values.count);
      if (total === null) errors.count = t('errors.field.required');
      else if (!Number.isInteger(total) || total < 0) errors.count = t('errors.field.invalidNumber');
      const women = asInt(values.women);
      if (women !== null) {
        if (!Number.isInteger(women) || women < 0) errors.women = t('errors.field.invalidNumber');
        else if (total !== null && women > total) errors.women = t('attendance.countForm.womenTooMany');
      }
      return errors;
    },
  });
  const { values } = form;

  const submit = form.onSubmit(async (v) => {
    try {
      await save.mutateAsync({
        ...(count ? { id: count.id } : {}),
        meetingId,
        organisationId: v.organisationId,
        label: v.label.trim(),
        count: asInt(v.count) ?? 0,
        women: asInt(v.women),
      });
      notifySaved(t, t('attendance.counts.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(count ? 'attendance.countForm.editTitle' : 'attendance.countForm.addTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <OrganisationPicker
            label={t('attendance.countForm.organisation')}
            description={t('attendance.countForm.organisationHint')}
            value={values.organisationId}
            onChange={(id) => {
              form.setFieldValue('organisationId', id);
              form.clearFieldError('organisationId');
              // The structure is usually written by its acronym, as on the sheet: "DGPSN".
              const org = (organisations.data ?? []).find((o) => o.id === id);
              if (org && !form.values.label.trim()) {
                form.setFieldValue('label', org.acronym ?? org.name);
                form.clearFieldError('label');
              }
            }}
            error={form.errors.organisationId}
          />
          <TextInput
            label={t('attendance.countForm.label')}
            required
            maxLength={300}
            data-autofocus
            {...form.getInputProps('label')}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('attendance.countForm.count')}
              required
              min={0}
              max={100_000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('count')}
            />
            <NumberInput
              label={t('attendance.countForm.women')}
              min={0}
              max={100_000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('women')}
            />
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {t('attendance.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('attendance.countForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
