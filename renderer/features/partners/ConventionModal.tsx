import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/domain/dates';
import {
  CONVENTION_ELEMENTS,
  CONVENTION_KINDS,
  CONVENTION_STATUSES,
  type ConventionElement,
  type ConventionKind,
  type ConventionStatus,
} from '../../../shared/domain/vocabularies';
import type { InputOf } from '../../../shared/rpc';
import type { Convention } from '../../../shared/rpc/partners';
import { applyServerErrors, notifyError, notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { useRpcMutation } from '../../app/rpc';
import { DateField } from '../bodies/components/DateField';
import { computedEndDate } from './format';

interface ConventionValues {
  kind: ConventionKind;
  reference: string;
  title: string;
  signedOn: string | null;
  durationMonths: number | string;
  endDate: string | null;
  renewalTerms: string;
  elements: ConventionElement[];
  midtermEvaluationDue: string | null;
  finalEvaluationDue: string | null;
  status: ConventionStatus;
  revokedOn: string | null;
  revocationReason: string;
  notes: string;
}

function toValues(c: Convention | null): ConventionValues {
  return {
    kind: c?.kind ?? 'convention',
    reference: c?.reference ?? '',
    title: c?.title ?? '',
    signedOn: c?.signedOn ?? null,
    durationMonths: c?.durationMonths ?? '',
    // A computed end is shown as a hint, not copied into the field: it follows the duration.
    endDate: c && c.endDate !== computedEndDate(c.signedOn, c.durationMonths) ? c.endDate : null,
    renewalTerms: c?.renewalTerms ?? '',
    elements: c ? [...c.elements] : [],
    midtermEvaluationDue: c?.midtermEvaluationDue ?? null,
    finalEvaluationDue: c?.finalEvaluationDue ?? null,
    status: c?.status ?? 'in_force',
    revokedOn: c?.revokedOn ?? null,
    revocationReason: c?.revocationReason ?? '',
    notes: c?.notes ?? '',
  };
}

function isKind(v: string | null): v is ConventionKind {
  return (CONVENTION_KINDS as readonly (string | null)[]).includes(v);
}
function isStatus(v: string | null): v is ConventionStatus {
  return (CONVENTION_STATUSES as readonly (string | null)[]).includes(v);
}

type ConventionInput = InputOf<'conventions.create'>;

function toInput(organisationId: string, v: ConventionValues): ConventionInput {
  const revoked = v.status === 'revoked';
  return {
    organisationId,
    kind: v.kind,
    reference: v.reference,
    title: v.title,
    signedOn: v.signedOn,
    durationMonths: typeof v.durationMonths === 'number' ? v.durationMonths : null,
    endDate: v.endDate,
    renewalTerms: v.renewalTerms,
    elements: CONVENTION_ELEMENTS.filter((e) => v.elements.includes(e)),
    midtermEvaluationDue: v.midtermEvaluationDue,
    finalEvaluationDue: v.finalEvaluationDue,
    status: v.status,
    // Revocation fields mean nothing for a convention that is not revoked.
    revokedOn: revoked ? v.revokedOn : null,
    revocationReason: revoked ? v.revocationReason : '',
    notes: v.notes,
  };
}

/**
 * Creates or edits one convention of a partner. Date order and the like are checked by the
 * backend and shown next to their field; only the revocation reason is asked for here, since
 * the field only appears once "Révoquée" is chosen.
 */
export function ConventionModal({
  organisationId,
  convention,
  opened,
  onClose,
}: {
  organisationId: string;
  /** null to create. */
  convention: Convention | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useRpcMutation('conventions.create');
  const update = useRpcMutation('conventions.update');
  const form = useForm<ConventionValues>({
    initialValues: toValues(convention),
    validate: {
      revocationReason: (value, values) =>
        values.status === 'revoked' && value.trim() === ''
          ? t('partners.conventions.form.reasonRequired')
          : null,
    },
  });

  const submit = form.onSubmit(async (values) => {
    const input = toInput(organisationId, values);
    try {
      if (convention) await update.mutateAsync({ ...input, id: convention.id });
      else await create.mutateAsync(input);
      notifySaved(t, t('partners.conventions.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  const v = form.values;
  const computed = computedEndDate(
    v.signedOn,
    typeof v.durationMonths === 'number' ? v.durationMonths : null,
  );
  const dateProps = (path: keyof ConventionValues) => {
    const input = form.getInputProps(path);
    return {
      value: (form.values[path] as string | null) ?? null,
      onChange: (next: string | null) => form.setFieldValue(path, next as never),
      error: input.error as string | undefined,
      name: path,
    };
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        convention ? t('partners.conventions.form.editTitle') : t('partners.conventions.form.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('partners.conventions.form.kind')}
              data={CONVENTION_KINDS.map((k) => ({ value: k, label: t(`vocab.conventionKind.${k}`) }))}
              value={v.kind}
              onChange={(k) => {
                if (isKind(k)) form.setFieldValue('kind', k);
              }}
              allowDeselect={false}
              required
            />
            <TextInput
              label={t('partners.conventions.form.reference')}
              {...form.getInputProps('reference')}
            />
          </SimpleGrid>
          <TextInput label={t('partners.conventions.form.title')} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t('partners.conventions.form.signedOn')} {...dateProps('signedOn')} />
            <NumberInput
              label={t('partners.conventions.form.durationMonths')}
              min={1}
              max={600}
              allowDecimal={false}
              {...form.getInputProps('durationMonths')}
            />
            <DateField
              label={t('partners.conventions.form.endDate')}
              description={
                v.endDate === null
                  ? computed
                    ? t('partners.conventions.form.endDateComputed', { date: formatDate(computed, lang) })
                    : t('partners.conventions.form.endDateHint')
                  : undefined
              }
              {...dateProps('endDate')}
            />
          </SimpleGrid>
          <Textarea
            label={t('partners.conventions.form.renewalTerms')}
            autosize
            minRows={2}
            {...form.getInputProps('renewalTerms')}
          />
          <Checkbox.Group
            label={t('partners.conventions.form.elements')}
            description={t('partners.conventions.form.elementsHint', { count: v.elements.length })}
            value={v.elements}
            onChange={(next) =>
              form.setFieldValue(
                'elements',
                CONVENTION_ELEMENTS.filter((e) => next.includes(e)),
              )
            }
            error={form.errors.elements}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
              {CONVENTION_ELEMENTS.map((e) => (
                <Checkbox key={e} value={e} label={t(`vocab.conventionElement.${e}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('partners.conventions.form.midtermEvaluationDue')}
              {...dateProps('midtermEvaluationDue')}
            />
            <DateField
              label={t('partners.conventions.form.finalEvaluationDue')}
              {...dateProps('finalEvaluationDue')}
            />
          </SimpleGrid>
          <Select
            label={t('partners.conventions.form.status')}
            data={CONVENTION_STATUSES.map((s) => ({ value: s, label: t(`vocab.conventionStatus.${s}`) }))}
            value={v.status}
            onChange={(s) => {
              if (isStatus(s)) form.setFieldValue('status', s);
            }}
            allowDeselect={false}
            maw={280}
            required
          />
          {v.status === 'revoked' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label={t('partners.conventions.form.revokedOn')} {...dateProps('revokedOn')} />
              <Textarea
                label={t('partners.conventions.form.revocationReason')}
                required
                autosize
                minRows={2}
                {...form.getInputProps('revocationReason')}
              />
            </SimpleGrid>
          ) : null}
          <Textarea
            label={t('partners.conventions.form.notes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('common.actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
