import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type Holder, HolderInputSchema, type Seat } from '../../../../shared/rpc/bodies';
import { applyServerErrors, notifyError, notifySaved } from '../../../app/errors';
import { useRpcMutation } from '../../../app/rpc';
import { PersonPicker } from '../../../components/PersonPicker';
import { DateField } from './DateField';
import { schemaErrors } from './formErrors';

interface HolderFormValues {
  personId: string | null;
  from: string | null;
  to: string | null;
  note: string;
}

export interface HolderModalProps {
  seat: Seat;
  /** The holder to edit; a new holder when absent. */
  holder?: Holder;
  /** What the seat is called in the dialog's subtitle ("1er vice-président(e) — Ministre…"). */
  seatLabel: string;
  onClose: () => void;
}

/**
 * Records who holds a seat and since when. One seat has one holder at a time: the server refuses
 * overlapping periods and an end before the start, and says so next to the dates.
 */
export function HolderModal({ seat, holder, seatLabel, onClose }: HolderModalProps) {
  const { t } = useTranslation();
  const add = useRpcMutation('seats.addHolder');
  const update = useRpcMutation('seats.updateHolder');
  const form = useForm<HolderFormValues>({
    mode: 'controlled',
    initialValues: {
      personId: holder?.person.id ?? null,
      from: holder?.from ?? null,
      to: holder?.to ?? null,
      note: holder?.note ?? '',
    },
    validate: (values) => schemaErrors(HolderInputSchema, values, t),
  });
  const { values } = form;

  const submit = form.onSubmit(async (raw) => {
    const parsed = HolderInputSchema.safeParse(raw);
    if (!parsed.success) return;
    try {
      if (holder) await update.mutateAsync({ ...parsed.data, id: holder.id });
      else await add.mutateAsync({ ...parsed.data, seatId: seat.id });
      notifySaved(t, t(holder ? 'bodies.composition.holderSaved' : 'bodies.composition.holderAdded'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });
  const saving = add.isPending || update.isPending;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(holder ? 'bodies.composition.editHolderTitle' : 'bodies.composition.addHolderTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {seatLabel}
          </Text>
          <PersonPicker
            label={t('bodies.composition.person')}
            value={values.personId}
            onChange={(v) => {
              form.setFieldValue('personId', v);
              form.clearFieldError('personId');
            }}
            error={form.errors.personId}
            required
          />
          <Group gap="sm" align="flex-start">
            <DateField
              label={t('bodies.composition.from')}
              value={values.from}
              onChange={(v) => {
                form.setFieldValue('from', v);
                form.clearFieldError('from');
              }}
              error={form.errors.from}
              required
            />
            <DateField
              label={t('bodies.composition.to')}
              description={t('bodies.composition.toHint')}
              value={values.to}
              onChange={(v) => {
                form.setFieldValue('to', v);
                form.clearFieldError('to');
              }}
              error={form.errors.to}
            />
          </Group>
          <Textarea
            label={t('bodies.composition.note')}
            placeholder={t('bodies.composition.notePlaceholder')}
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('bodies.form.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t(holder ? 'bodies.form.save' : 'bodies.composition.addHolderConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
