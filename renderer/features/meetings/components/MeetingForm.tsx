import {
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/vocabularies';
import { type Meeting, MeetingInputSchema } from '../../../../shared/rpc/meetings';
import { applyServerErrors, notifyError, notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { navigate } from '../../../app/navigation';
import { RpcError, useRpc, useRpcMutation } from '../../../app/rpc';
import { BodyPicker, bodyLabel } from '../../../components/BodyPicker';
import { formatLongDate } from '../../../components/format';
import { foldFilter } from '../../../components/pickerFilter';
import { DateField } from '../../bodies/components/DateField';
import { schemaErrors } from '../../bodies/components/formErrors';

export interface MeetingFormValues {
  bodyId: string | null;
  cohostIds: string[];
  kind: MeetingKind | null;
  /** '' while empty: what NumberInput gives back when cleared. */
  number: number | string;
  title: string;
  /** The planned session this meeting fulfils (from the calendar); null = ad hoc. */
  plannedDate: string | null;
  startDate: string | null;
  endDate: string | null;
  startTime: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  fundingSource: string;
}

export function emptyMeetingValues(prefill: {
  bodyId?: string | null;
  plannedDate?: string | null;
  kind?: MeetingKind | null;
}): MeetingFormValues {
  const planned = prefill.plannedDate ?? null;
  return {
    bodyId: prefill.bodyId ?? null,
    cohostIds: [],
    kind: prefill.kind ?? 'ordinary',
    number: '',
    title: '',
    plannedDate: planned,
    // A session prepared from the calendar is usually held on its planned day: start from there.
    startDate: planned,
    endDate: planned,
    startTime: '',
    endTime: '',
    place: '',
    onlineUrl: '',
    fundingSource: '',
  };
}

export function meetingValues(m: Meeting): MeetingFormValues {
  return {
    bodyId: m.body.id,
    cohostIds: m.cohosts.map((c) => c.id),
    kind: m.kind,
    number: m.number ?? '',
    title: m.title ?? '',
    plannedDate: m.plannedDate,
    startDate: m.startDate,
    endDate: m.endDate,
    startTime: m.startTime ?? '',
    endTime: m.endTime ?? '',
    place: m.place ?? '',
    onlineUrl: m.onlineUrl ?? '',
    fundingSource: m.fundingSource ?? '',
  };
}

/** "9h30", "9:30", "09.30" → "09:30": secretaries write times many ways; the contract wants one. */
export function normaliseTime(text: string): string {
  const value = text.trim();
  const match = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/.exec(value) ?? /^(\d{1,2})\s*[hH]$/.exec(value);
  if (!match) return value;
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? '00'}`;
}

/** What the contract receives; missing required values stay undefined so the schema says "required". */
export function meetingInputOf(values: MeetingFormValues): Record<string, unknown> {
  return {
    bodyId: values.bodyId ?? undefined,
    cohostIds: values.cohostIds.filter((c) => c !== values.bodyId),
    kind: values.kind ?? undefined,
    number: typeof values.number === 'number' ? values.number : null,
    title: values.title,
    plannedDate: values.plannedDate,
    startDate: values.startDate ?? undefined,
    endDate: values.endDate,
    startTime: normaliseTime(values.startTime),
    endTime: normaliseTime(values.endTime),
    place: values.place,
    onlineUrl: values.onlineUrl,
    fundingSource: values.fundingSource,
  };
}

/** The schema's checks, plus the one a secretary most often trips on: ending before starting. */
export function validateMeeting(values: MeetingFormValues, t: TFunction): FormErrors {
  const errors = schemaErrors(MeetingInputSchema, meetingInputOf(values), t);
  const { startDate, endDate } = values;
  if (startDate && endDate && endDate < startDate) {
    errors.endDate = t('errors.field.meetingEndBeforeStart');
  }
  const start = normaliseTime(values.startTime);
  const end = normaliseTime(values.endTime);
  const oneDay = !endDate || endDate === startDate;
  if (oneDay && start && end && !errors.startTime && !errors.endTime && end < start) {
    errors.endTime = t('errors.field.meetingEndBeforeStart');
  }
  return errors;
}

/** Creates a meeting (from a planned session or ad hoc), or edits one when `id` is given. */
export function MeetingForm({ id, initial }: { id?: string; initial: MeetingFormValues }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useRpcMutation('meetings.create');
  const update = useRpcMutation('meetings.update');
  const form = useForm<MeetingFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => validateMeeting(values, t),
  });
  const { values } = form;
  // Once the secretary types a number, the suggestion no longer overwrites it.
  const numberTouched = useRef(!!id || initial.number !== '');

  const next = useRpc(
    'meetings.nextNumber',
    { bodyId: values.bodyId ?? '', kind: values.kind ?? 'ordinary' },
    { enabled: !id && !!values.bodyId && !!values.kind },
  );
  const suggested = next.data?.number;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new suggestion may fill the field
  useEffect(() => {
    if (suggested !== undefined && !numberTouched.current) form.setFieldValue('number', suggested);
  }, [suggested]);

  const bodies = useRpc('bodies.list', {});
  const cohostOptions = useMemo(
    () =>
      (bodies.data ?? [])
        .filter((b) => b.id !== values.bodyId)
        .map((b) => ({ value: b.id, label: bodyLabel(b) }))
        .sort((a, b) => compareFr(a.label, b.label)),
    [bodies.data, values.bodyId],
  );

  // Ad hoc meetings may still be tied to one of the body's planned sessions of that year.
  const year = (values.startDate ?? '').slice(0, 4);
  const plannedSlots = useRpc(
    'planning.calendar',
    { bodyIds: [values.bodyId ?? ''], from: `${year}-01-01`, to: `${year}-12-31` },
    { enabled: !!values.bodyId && !values.plannedDate && /^\d{4}$/.test(year) },
  );
  const slotOptions = (plannedSlots.data ?? [])
    .filter((e) => e.status === 'planned')
    .map((e) => {
      const date = e.plannedDate ?? e.date;
      return { value: date, label: formatLongDate(date, lang) };
    });

  const kindOptions = MEETING_KINDS.map((k) => ({ value: k, label: t(`vocab.meetingKind.${k}`) }));

  const setStartDate = (date: string | null) => {
    // "Au" follows "Du" until it is set to another day: most meetings last one day.
    if (values.endDate === null || values.endDate === values.startDate) form.setFieldValue('endDate', date);
    form.setFieldValue('startDate', date);
  };

  const submit = form.onSubmit(async (raw) => {
    const parsed = MeetingInputSchema.safeParse(meetingInputOf(raw));
    if (!parsed.success) return;
    try {
      const meeting = id
        ? await update.mutateAsync({ ...parsed.data, id })
        : await create.mutateAsync(parsed.data);
      notifySaved(t, t(id ? 'planning.form.saved' : 'planning.form.created'));
      navigate(`/meetings/${meeting.id}`);
    } catch (error) {
      if (error instanceof RpcError && error.code === 'CONFLICT') {
        // The backend says which session is already prepared, and by which meeting: show its words.
        notifications.show({
          color: 'orange',
          title: t('planning.form.conflictTitle'),
          message: error.payload.message,
          autoClose: 10_000,
        });
        return;
      }
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  const saving = create.isPending || update.isPending;
  const hasErrors = Object.keys(form.errors).length > 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend={t('planning.form.sections.meeting')}>
          <Stack gap="sm">
            <BodyPicker
              label={t('planning.form.body')}
              value={values.bodyId}
              onChange={(bodyId) => {
                form.setFieldValue('bodyId', bodyId);
                form.setFieldValue(
                  'cohostIds',
                  values.cohostIds.filter((c) => c !== bodyId),
                );
                // Another body's planned session cannot be fulfilled by this one.
                if (!id && bodyId !== initial.bodyId) form.setFieldValue('plannedDate', null);
              }}
              error={form.errors.bodyId}
              required
            />
            <MultiSelect
              label={t('planning.form.cohosts')}
              description={t('planning.form.cohostsHint')}
              placeholder={values.cohostIds.length === 0 ? t('planning.form.cohostsPlaceholder') : undefined}
              data={cohostOptions}
              value={values.cohostIds}
              onChange={(ids) => form.setFieldValue('cohostIds', ids)}
              error={form.errors.cohostIds}
              searchable
              clearable
              filter={foldFilter}
              limit={100}
              nothingFoundMessage={t('common.picker.nothingFound')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('planning.form.kind')}
                data={kindOptions}
                required
                allowDeselect={false}
                {...form.getInputProps('kind')}
              />
              <NumberInput
                label={t('planning.form.number')}
                description={!id ? t('planning.form.numberHint') : undefined}
                min={1}
                max={10_000}
                allowDecimal={false}
                allowNegative={false}
                maw={200}
                value={values.number}
                error={form.errors.number}
                onChange={(v) => {
                  numberTouched.current = true;
                  form.setFieldValue('number', v);
                }}
              />
            </SimpleGrid>
            <TextInput
              label={t('planning.form.title')}
              placeholder={t('planning.form.titlePlaceholder')}
              maxLength={300}
              {...form.getInputProps('title')}
            />
            {values.plannedDate ? (
              <Paper withBorder p="sm" bg="gray.0">
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <Stack gap={0}>
                    <Text fw={500}>
                      {t('planning.form.plannedFrom', { date: formatLongDate(values.plannedDate, lang) })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('planning.form.plannedHint')}
                    </Text>
                  </Stack>
                  <Button variant="subtle" size="xs" onClick={() => form.setFieldValue('plannedDate', null)}>
                    {t('planning.form.unlink')}
                  </Button>
                </Group>
                {form.errors.plannedDate ? (
                  <Text size="xs" c="red" mt={4}>
                    {form.errors.plannedDate}
                  </Text>
                ) : null}
              </Paper>
            ) : slotOptions.length > 0 ? (
              <Select
                label={t('planning.form.linkPlanned')}
                description={t('planning.form.linkPlannedHint')}
                placeholder={t('planning.form.adHoc')}
                data={slotOptions}
                value={null}
                onChange={(date) => form.setFieldValue('plannedDate', date)}
                clearable
                maw={360}
              />
            ) : null}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('planning.form.sections.when')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('planning.form.startDate')}
              value={values.startDate}
              onChange={setStartDate}
              error={form.errors.startDate}
              name="startDate"
              required
            />
            <DateField
              label={t('planning.form.endDate')}
              description={t('planning.form.endDateHint')}
              value={values.endDate}
              onChange={(v) => form.setFieldValue('endDate', v)}
              error={form.errors.endDate}
              name="endDate"
            />
            <TextInput
              label={t('planning.form.startTime')}
              placeholder={t('planning.form.timePlaceholder')}
              maxLength={5}
              maw={140}
              inputMode="numeric"
              {...form.getInputProps('startTime')}
              onBlur={() => form.setFieldValue('startTime', normaliseTime(values.startTime))}
            />
            <TextInput
              label={t('planning.form.endTime')}
              placeholder={t('planning.form.timePlaceholder')}
              maxLength={5}
              maw={140}
              inputMode="numeric"
              {...form.getInputProps('endTime')}
              onBlur={() => form.setFieldValue('endTime', normaliseTime(values.endTime))}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('planning.form.sections.where')}>
          <Stack gap="sm">
            <TextInput
              label={t('planning.form.place')}
              placeholder={t('planning.form.placePlaceholder')}
              maxLength={300}
              {...form.getInputProps('place')}
            />
            <TextInput
              label={t('planning.form.onlineUrl')}
              placeholder={t('planning.form.onlineUrlPlaceholder')}
              maxLength={500}
              {...form.getInputProps('onlineUrl')}
            />
            <TextInput
              label={t('planning.form.funding')}
              placeholder={t('planning.form.fundingPlaceholder')}
              maxLength={300}
              {...form.getInputProps('fundingSource')}
            />
          </Stack>
        </Fieldset>

        {hasErrors ? (
          <Alert color="red" variant="light">
            {t('planning.form.hasErrors')}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {t(id ? 'planning.form.save' : 'planning.form.create')}
          </Button>
          <Button
            variant="default"
            onClick={() => navigate(id ? `/meetings/${id}` : '/meetings')}
            disabled={saving}
          >
            {t('planning.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
