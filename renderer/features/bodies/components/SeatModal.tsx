import { Button, Group, Modal, NumberInput, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { RANKED_ROLES, SEAT_ROLES, type SeatRole } from '../../../../shared/domain/vocabularies';
import { type Seat, SeatInputSchema } from '../../../../shared/rpc/bodies';
import { applyServerErrors, notifyError, notifySaved } from '../../../app/errors';
import { useRpcMutation } from '../../../app/rpc';
import { OrganisationPicker } from '../../../components/OrganisationPicker';
import { schemaErrors } from './formErrors';

interface SeatFormValues {
  organisationId: string | null;
  function: string;
  role: SeatRole | null;
  rank: number | null;
  voting: boolean;
  notes: string;
}

/** Roles that attend without a vote unless the founding text says otherwise. */
const NON_VOTING_ROLES: readonly SeatRole[] = ['observer', 'resource_person'];

function isRole(v: string | null): v is SeatRole {
  return v !== null && (SEAT_ROLES as readonly string[]).includes(v);
}

function inputOf(values: SeatFormValues): unknown {
  const ranked = values.role !== null && RANKED_ROLES.includes(values.role);
  return { ...values, rank: ranked ? values.rank : null };
}

export interface SeatModalProps {
  bodyId: string;
  /** The seat to edit; a new seat when absent. */
  seat?: Seat;
  onClose: () => void;
}

/** Adds a seat to the composition, or edits one: who sits (organisation, function) and in what role. */
export function SeatModal({ bodyId, seat, onClose }: SeatModalProps) {
  const { t } = useTranslation();
  const create = useRpcMutation('seats.create');
  const update = useRpcMutation('seats.update');
  const form = useForm<SeatFormValues>({
    mode: 'controlled',
    initialValues: {
      organisationId: seat?.organisation?.id ?? null,
      function: seat?.function ?? '',
      role: seat?.role ?? 'member',
      rank: seat?.rank ?? null,
      voting: seat?.voting ?? true,
      notes: seat?.notes ?? '',
    },
    validate: (values) => schemaErrors(SeatInputSchema, inputOf(values), t),
  });
  const { values } = form;
  const ranked = values.role !== null && RANKED_ROLES.includes(values.role);

  const submit = form.onSubmit(async (raw) => {
    const parsed = SeatInputSchema.safeParse(inputOf(raw));
    if (!parsed.success) return;
    try {
      if (seat) await update.mutateAsync({ ...parsed.data, id: seat.id });
      else await create.mutateAsync({ ...parsed.data, bodyId });
      notifySaved(t, t(seat ? 'bodies.composition.seatSaved' : 'bodies.composition.seatAdded'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });
  const saving = create.isPending || update.isPending;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(seat ? 'bodies.composition.editSeatTitle' : 'bodies.composition.addSeatTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <OrganisationPicker
            label={t('bodies.composition.organisation')}
            value={values.organisationId}
            onChange={(v) => form.setFieldValue('organisationId', v)}
            error={form.errors.organisationId}
          />
          <TextInput
            label={t('bodies.composition.function')}
            placeholder={t('bodies.composition.functionPlaceholder')}
            required
            maxLength={300}
            data-autofocus
            {...form.getInputProps('function')}
          />
          <Group gap="sm" align="flex-start">
            <Select
              label={t('bodies.composition.role')}
              data={SEAT_ROLES.map((r) => ({ value: r, label: t(`vocab.seatRole.${r}`) }))}
              required
              allowDeselect={false}
              value={values.role}
              error={form.errors.role}
              onChange={(v) => {
                const role = isRole(v) ? v : null;
                form.setFieldValue('role', role);
                if (role && RANKED_ROLES.includes(role) && values.rank === null)
                  form.setFieldValue('rank', 1);
                // A new observer seat usually has no vote; an existing seat keeps what was recorded.
                if (!seat && role) form.setFieldValue('voting', !NON_VOTING_ROLES.includes(role));
              }}
              w={260}
            />
            {ranked ? (
              <NumberInput
                label={t('bodies.composition.rank')}
                description={t('bodies.composition.rankHint')}
                min={1}
                max={9}
                allowDecimal={false}
                allowNegative={false}
                value={values.rank ?? ''}
                error={form.errors.rank}
                onChange={(v) => {
                  const n = typeof v === 'number' ? v : Number.parseInt(v, 10);
                  form.setFieldValue('rank', Number.isInteger(n) ? n : null);
                }}
                w={140}
              />
            ) : null}
          </Group>
          <Switch
            label={t('bodies.composition.voting')}
            description={t('bodies.composition.votingHint')}
            {...form.getInputProps('voting', { type: 'checkbox' })}
          />
          <Textarea
            label={t('bodies.composition.notes')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('notes')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('bodies.form.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t(seat ? 'bodies.form.save' : 'bodies.composition.addSeatConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
