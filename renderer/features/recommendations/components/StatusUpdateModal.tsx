import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canUpdate,
  defaultProgress,
  requiresActions,
  validateRecommendationUpdate,
} from '../../../../shared/domain/recommendationStatus';
import {
  RECOMMENDATION_STATUSES,
  type RecommendationStatus,
  type UpdateSource,
} from '../../../../shared/domain/vocabularies';
import type { Recommendation } from '../../../../shared/rpc/recommendations';
import { applyServerErrors, notifyError, notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { formatLongDate } from '../../../components/format';
import { DateField } from '../../bodies/components/DateField';
import { todayIso } from '../../bodies/components/dates';
import { meetingKindTitle } from '../../meetings/components/meetingLabels';
import { isRecommendationStatus } from '../register';

/** What the modal needs to know of the item it updates (a register row or a full recommendation). */
export interface StatusUpdateTarget {
  id: string;
  reference: string;
  status: RecommendationStatus;
  progress: number;
  body: { id: string };
}

export interface StatusUpdateModalProps {
  opened: boolean;
  onClose: () => void;
  /** null while nothing is chosen (the modal then stays closed). */
  recommendation: StatusUpdateTarget | null;
  /**
   * The session at which the update is made (the follow-up screen of a meeting): the source is
   * then "Séance" with that meeting, preset.
   */
  meetingId?: string | null;
  /** The source proposed first; 'meeting' when a meetingId is given, 'manual' (Saisie) otherwise. */
  defaultSource?: UpdateSource;
  /** The date proposed first; today by default. */
  defaultDate?: string;
  /** Called with the recommendation as it is after the update. */
  onSaved?: (updated: Recommendation) => void;
}

/** The sources a person can choose; 'transmission' is written by the transmission itself. */
const SOURCES: readonly UpdateSource[] = ['manual', 'follow_up_sheet', 'meeting'];

interface Values {
  date: string | null;
  status: RecommendationStatus;
  /** '' while empty: the status's default progress is then recorded. */
  progress: number | string;
  comment: string;
  actionsTaken: string;
  source: UpdateSource;
  meetingId: string | null;
}

function progressOf(value: number | string): number | null {
  if (typeof value === 'number') return value;
  const text = value.trim().replace(',', '.');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The shared status rules, plus what the form itself needs (a date, a meeting for "Séance"). */
export function validateUpdate(values: Values, current: RecommendationStatus, t: TFunction): FormErrors {
  const errors: FormErrors = {};
  if (!values.date) errors.date = t('errors.field.required');
  const progress = progressOf(values.progress);
  if (progress !== null && !Number.isInteger(progress)) errors.progress = t('errors.field.progressRange');
  for (const issue of validateRecommendationUpdate({
    current,
    next: values.status,
    progress,
    actionsTaken: values.actionsTaken,
  })) {
    const path = issue.path.join('.');
    if (!(path in errors)) errors[path] = t(issue.key, issue.params ?? {});
  }
  if (values.source === 'meeting' && !values.meetingId) errors.meetingId = t('errors.field.required');
  return errors;
}

function UpdateForm({
  target,
  meetingId,
  defaultSource,
  defaultDate,
  onClose,
  onSaved,
}: {
  target: StatusUpdateTarget;
  meetingId: string | null;
  defaultSource: UpdateSource;
  defaultDate: string;
  onClose: () => void;
  onSaved?: (updated: Recommendation) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const addUpdate = useRpcMutation('recommendations.addUpdate');
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      date: defaultDate,
      status: target.status,
      progress: target.progress,
      comment: '',
      actionsTaken: '',
      source: defaultSource,
      meetingId,
    },
    validate: (values) => validateUpdate(values, target.status, t),
  });
  const { values } = form;

  const meetings = useRpc(
    'meetings.list',
    { bodyId: target.body.id },
    { enabled: values.source === 'meeting' },
  );
  const meetingOptions = useMemo(
    () =>
      [...(meetings.data ?? [])]
        .sort((a, b) => b.startDate.localeCompare(a.startDate))
        .map((m) => ({
          value: m.id,
          label: `${formatLongDate(m.startDate, lang)} — ${m.title ?? meetingKindTitle(t, m.kind, m.number)}`,
        })),
    [meetings.data, lang, t],
  );

  const statusOptions = RECOMMENDATION_STATUSES.map((s) => ({
    value: s,
    label: t(`vocab.recommendationStatus.${s}`),
  }));
  const sourceOptions = SOURCES.map((s) => ({ value: s, label: t(`vocab.updateSource.${s}`) }));
  const closing = requiresActions(values.status);

  const submit = form.onSubmit(async (raw) => {
    try {
      const updated = await addUpdate.mutateAsync({
        id: target.id,
        date: raw.date ?? todayIso(),
        status: raw.status,
        progress: progressOf(raw.progress),
        comment: raw.comment,
        actionsTaken: raw.actionsTaken,
        source: raw.source,
        meetingId: raw.source === 'meeting' ? raw.meetingId : null,
      });
      notifySaved(t, t('recommendations.update.saved', { reference: updated.reference }));
      onSaved?.(updated);
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('recommendations.update.date')}
            value={values.date}
            onChange={(v) => form.setFieldValue('date', v)}
            error={form.errors.date}
            name="date"
            required
          />
          <Select
            label={t('recommendations.update.status')}
            data={statusOptions}
            value={values.status}
            allowDeselect={false}
            error={form.errors.status}
            required
            onChange={(v) => {
              if (!v || !isRecommendationStatus(v)) return;
              form.setFieldValue('status', v);
              // Each status proposes its progress; the secretary may still change it.
              form.setFieldValue('progress', defaultProgress(v, target.progress));
              form.clearFieldError('actionsTaken');
              form.clearFieldError('progress');
            }}
          />
        </SimpleGrid>
        <NumberInput
          label={t('recommendations.update.progress')}
          description={t('recommendations.update.progressHint')}
          suffix=" %"
          min={0}
          max={100}
          clampBehavior="none"
          allowDecimal={false}
          maw={200}
          value={values.progress}
          error={form.errors.progress}
          onChange={(v) => {
            form.setFieldValue('progress', v);
            form.clearFieldError('progress');
          }}
        />
        <Textarea
          label={t('recommendations.update.actionsTaken')}
          description={
            closing
              ? t('recommendations.update.actionsRequiredHint')
              : t('recommendations.update.actionsHint')
          }
          required={closing}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={10_000}
          {...form.getInputProps('actionsTaken')}
        />
        <Textarea
          label={t('recommendations.update.comment')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={5000}
          {...form.getInputProps('comment')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('recommendations.update.source')}
            data={sourceOptions}
            value={values.source}
            allowDeselect={false}
            onChange={(v) => {
              const source = SOURCES.find((s) => s === v);
              if (source) form.setFieldValue('source', source);
            }}
          />
          {values.source === 'meeting' ? (
            <Select
              label={t('recommendations.update.meeting')}
              placeholder={t('recommendations.update.meetingPlaceholder')}
              data={meetingOptions}
              searchable
              required
              nothingFoundMessage={
                meetings.isLoading ? t('common.loading') : t('recommendations.update.noMeetings')
              }
              {...form.getInputProps('meetingId')}
            />
          ) : null}
        </SimpleGrid>
        {Object.keys(form.errors).length > 0 ? (
          <Alert color="red" variant="light">
            {t('recommendations.form.hasErrors')}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={addUpdate.isPending}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={addUpdate.isPending}>
            {t('recommendations.update.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Mettre à jour l’état": date, status, progress, comment, actions taken and source of one
 * follow-up update. Shared by the recommendation's page, the roadmaps and the follow-up screen
 * of a session (which passes its meetingId so that the update is tied to the session).
 */
export function StatusUpdateModal({
  opened,
  onClose,
  recommendation,
  meetingId = null,
  defaultSource,
  defaultDate,
  onSaved,
}: StatusUpdateModalProps) {
  const { t } = useTranslation();
  const locked = recommendation ? !canUpdate(recommendation.status) : false;
  return (
    <Modal
      opened={opened && recommendation !== null}
      onClose={onClose}
      title={
        recommendation
          ? t('recommendations.update.titleFor', { reference: recommendation.reference })
          : t('recommendations.update.title')
      }
      size="lg"
      centered
    >
      {recommendation && locked ? (
        <Stack gap="sm">
          <Alert color="gray">{t('recommendations.update.locked')}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.actions.close')}
            </Button>
          </Group>
        </Stack>
      ) : recommendation ? (
        <UpdateForm
          // A fresh form for each item and each opening.
          key={recommendation.id}
          target={recommendation}
          meetingId={meetingId}
          defaultSource={defaultSource ?? (meetingId ? 'meeting' : 'manual')}
          defaultDate={defaultDate ?? todayIso()}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : (
        <Text c="dimmed">{t('common.loading')}</Text>
      )}
    </Modal>
  );
}
