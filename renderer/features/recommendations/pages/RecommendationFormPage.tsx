import {
  Alert,
  Button,
  Fieldset,
  Group,
  Loader,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { type ReactNode, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isUuid } from '../../../../shared/domain/ids';
import { formatReference, referenceAcronym } from '../../../../shared/domain/recommendationStatus';
import { compareFr } from '../../../../shared/domain/text';
import {
  BODY_LEVELS,
  type BodyLevel,
  RECOMMENDATION_KINDS,
  RECOMMENDATION_ORIGINS,
  RECOMMENDATION_PRIORITIES,
  type RecommendationKind,
  type RecommendationOrigin,
  type RecommendationPriority,
} from '../../../../shared/domain/vocabularies';
import { type Recommendation, RecommendationInputSchema } from '../../../../shared/rpc/recommendations';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { navigate } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { BodyPicker } from '../../../components/BodyPicker';
import { formatLongDate } from '../../../components/format';
import { OrganisationPicker, organisationLabel } from '../../../components/OrganisationPicker';
import { PageHeader } from '../../../components/PageHeader';
import { PersonPicker } from '../../../components/PersonPicker';
import { foldFilter } from '../../../components/pickerFilter';
import { TerritoryPicker } from '../../../components/TerritoryPicker';
import { DateField } from '../../bodies/components/DateField';
import { todayIso } from '../../bodies/components/dates';
import { schemaErrors } from '../../bodies/components/formErrors';
import { meetingKindTitle } from '../../meetings/components/meetingLabels';
import { hashQuery } from '../../planning/calendarMath';

export interface RecommendationFormValues {
  bodyId: string | null;
  kind: RecommendationKind;
  reference: string;
  text: string;
  theme: string;
  originKind: RecommendationOrigin;
  originMeetingId: string | null;
  originAgendaEntryId: string | null;
  originWorkingGroupId: string | null;
  leadOrganisationId: string | null;
  associatedOrganisationIds: string[];
  personId: string | null;
  targetLevel: BodyLevel | null;
  targetTerritoryId: string | null;
  /** null = "sans échéance". */
  dueDate: string | null;
  priority: RecommendationPriority;
}

const EMPTY: RecommendationFormValues = {
  bodyId: null,
  kind: 'recommendation',
  reference: '',
  text: '',
  theme: '',
  originKind: 'direct',
  originMeetingId: null,
  originAgendaEntryId: null,
  originWorkingGroupId: null,
  leadOrganisationId: null,
  associatedOrganisationIds: [],
  personId: null,
  targetLevel: null,
  targetTerritoryId: null,
  dueDate: null,
  priority: 'normal',
};

/** ?bodyId=&meetingId=&agendaEntryId=&workingGroupId=&text= as the minutes and body pages send them. */
export function prefillFromQuery(query: URLSearchParams): RecommendationFormValues {
  const id = (key: string) => {
    const value = query.get(key);
    return value && isUuid(value) ? value : null;
  };
  const meetingId = id('meetingId');
  const agendaEntryId = meetingId ? id('agendaEntryId') : null;
  const workingGroupId = meetingId ? id('workingGroupId') : null;
  let originKind: RecommendationOrigin = 'direct';
  if (workingGroupId) originKind = 'working_group';
  else if (agendaEntryId) originKind = 'agenda_item';
  else if (meetingId) originKind = 'meeting';
  return {
    ...EMPTY,
    bodyId: id('bodyId'),
    text: (query.get('text') ?? '').slice(0, 5000),
    originKind,
    originMeetingId: meetingId,
    originAgendaEntryId: agendaEntryId,
    originWorkingGroupId: workingGroupId,
  };
}

export function recommendationValues(r: Recommendation): RecommendationFormValues {
  return {
    bodyId: r.body.id,
    kind: r.kind,
    reference: r.reference,
    text: r.text,
    theme: r.theme ?? '',
    originKind: r.originKind,
    originMeetingId: r.originMeeting?.id ?? null,
    originAgendaEntryId: r.originAgendaEntryId,
    originWorkingGroupId: r.originWorkingGroup?.id ?? null,
    leadOrganisationId: r.leadOrganisation?.id ?? null,
    associatedOrganisationIds: r.associatedOrganisations.map((o) => o.id),
    personId: r.person?.id ?? null,
    targetLevel: r.targetLevel,
    targetTerritoryId: r.targetTerritory?.id ?? null,
    dueDate: r.dueDate,
    priority: r.priority,
  };
}

/** What the contract receives; an origin's details are sent only where the origin uses them. */
export function recommendationInputOf(v: RecommendationFormValues): Record<string, unknown> {
  const fromMeeting = v.originKind !== 'direct';
  return {
    bodyId: v.bodyId ?? undefined,
    kind: v.kind,
    reference: v.reference,
    text: v.text,
    theme: v.theme,
    originKind: v.originKind,
    originMeetingId: fromMeeting ? v.originMeetingId : null,
    originAgendaEntryId: v.originKind === 'agenda_item' ? v.originAgendaEntryId : null,
    originWorkingGroupId: v.originKind === 'working_group' ? v.originWorkingGroupId : null,
    leadOrganisationId: v.leadOrganisationId,
    associatedOrganisationIds: v.associatedOrganisationIds.filter((o) => o !== v.leadOrganisationId),
    personId: v.personId,
    targetLevel: v.targetLevel,
    targetTerritoryId: v.targetTerritoryId,
    dueDate: v.dueDate,
    priority: v.priority,
  };
}

function validate(values: RecommendationFormValues, t: TFunction): FormErrors {
  const errors = schemaErrors(RecommendationInputSchema, recommendationInputOf(values), t);
  if (values.originKind !== 'direct' && !values.originMeetingId)
    errors.originMeetingId = t('errors.field.required');
  return errors;
}

function RecommendationForm({ id, initial }: { id?: string; initial: RecommendationFormValues }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useRpcMutation('recommendations.create');
  const update = useRpcMutation('recommendations.update');
  const form = useForm<RecommendationFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => validate(values, t),
  });
  const { values } = form;

  const settings = useRpc('settings.get', {});
  const bodies = useRpc('bodies.list', {});
  const organisations = useRpc('organisations.list', {});
  const meetings = useRpc('meetings.list', { bodyId: values.bodyId ?? '' }, { enabled: !!values.bodyId });
  const meetingId = values.originMeetingId;
  const agenda = useRpc(
    'agenda.get',
    { meetingId: meetingId ?? '' },
    { enabled: !!meetingId && values.originKind === 'agenda_item' },
  );
  const groups = useRpc(
    'workingGroups.list',
    { meetingId: meetingId ?? '' },
    { enabled: !!meetingId && values.originKind === 'working_group' },
  );

  const body = (bodies.data ?? []).find((b) => b.id === values.bodyId);
  const meetingList = meetings.data ?? [];
  const originMeeting = meetingList.find((m) => m.id === meetingId);
  const example = formatReference(settings.data?.referenceFormat ?? '{SIGLE}/{AAAA}/{MM}/R{NN}', {
    acronym: body ? referenceAcronym(body) : 'GTGPS',
    year: Number((originMeeting?.startDate ?? todayIso()).slice(0, 4)),
    month: Number((originMeeting?.startDate ?? todayIso()).slice(5, 7)),
    number: 4,
  });

  const meetingOptions = useMemo(
    () =>
      [...meetingList]
        .sort((a, b) => b.startDate.localeCompare(a.startDate))
        .map((m) => ({
          value: m.id,
          label: `${formatLongDate(m.startDate, lang)} — ${m.title ?? meetingKindTitle(t, m.kind, m.number)}`,
        })),
    [meetingList, lang, t],
  );
  const agendaOptions = (agenda.data?.entries ?? [])
    .filter((e) => e.entryType === 'item')
    .map((e) => ({ value: e.id, label: e.startTime ? `${e.startTime} — ${e.title}` : e.title }));
  const groupOptions = (groups.data ?? []).map((g) => ({ value: g.id, label: g.theme }));
  const organisationOptions = useMemo(
    () =>
      (organisations.data ?? [])
        .filter((o) => o.id !== values.leadOrganisationId)
        .map((o) => ({ value: o.id, label: organisationLabel(o) }))
        .sort((a, b) => compareFr(a.label, b.label)),
    [organisations.data, values.leadOrganisationId],
  );

  const submit = form.onSubmit(async (raw) => {
    const parsed = RecommendationInputSchema.safeParse(recommendationInputOf(raw));
    if (!parsed.success) return;
    try {
      const saved = id
        ? await update.mutateAsync({ ...parsed.data, id })
        : await create.mutateAsync(parsed.data);
      notifySaved(
        t,
        t(id ? 'recommendations.form.saved' : 'recommendations.form.created', { reference: saved.reference }),
      );
      navigate(`/recommendations/${saved.id}`);
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  const saving = create.isPending || update.isPending;
  const option = (list: readonly string[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend={t('recommendations.form.sections.what')}>
          <Stack gap="sm">
            <BodyPicker
              label={t('recommendations.form.body')}
              value={values.bodyId}
              onChange={(bodyId) => {
                form.setFieldValue('bodyId', bodyId);
                // Another body's meetings cannot be the origin.
                if (bodyId !== values.bodyId) {
                  form.setFieldValue('originMeetingId', null);
                  form.setFieldValue('originAgendaEntryId', null);
                  form.setFieldValue('originWorkingGroupId', null);
                }
              }}
              error={form.errors.bodyId}
              required
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('recommendations.form.kind')}
                data={option(RECOMMENDATION_KINDS, 'vocab.recommendationKind')}
                allowDeselect={false}
                {...form.getInputProps('kind')}
              />
              <TextInput
                label={t('recommendations.form.reference')}
                description={id ? undefined : t('recommendations.form.referenceHint', { example })}
                maxLength={80}
                {...form.getInputProps('reference')}
              />
            </SimpleGrid>
            <Textarea
              label={t('recommendations.form.text')}
              required
              autosize
              minRows={3}
              maxRows={12}
              maxLength={5000}
              {...form.getInputProps('text')}
            />
            <TextInput
              label={t('recommendations.form.theme')}
              description={t('recommendations.form.themeHint')}
              maxLength={300}
              {...form.getInputProps('theme')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('recommendations.form.sections.origin')}>
          <Stack gap="sm">
            <Select
              label={t('recommendations.form.originKind')}
              data={option(RECOMMENDATION_ORIGINS, 'vocab.recommendationOrigin')}
              allowDeselect={false}
              maw={360}
              {...form.getInputProps('originKind')}
            />
            {values.originKind !== 'direct' ? (
              <Select
                label={t('recommendations.form.originMeeting')}
                placeholder={
                  values.bodyId
                    ? t('recommendations.form.originMeetingPlaceholder')
                    : t('recommendations.form.chooseBodyFirst')
                }
                data={meetingOptions}
                searchable
                clearable
                required
                disabled={!values.bodyId}
                filter={foldFilter}
                nothingFoundMessage={
                  meetings.isLoading ? t('common.loading') : t('recommendations.update.noMeetings')
                }
                value={values.originMeetingId}
                error={form.errors.originMeetingId}
                onChange={(v) => {
                  form.setFieldValue('originMeetingId', v);
                  form.setFieldValue('originAgendaEntryId', null);
                  form.setFieldValue('originWorkingGroupId', null);
                }}
              />
            ) : null}
            {values.originKind === 'agenda_item' ? (
              <Select
                label={t('recommendations.form.originAgendaEntry')}
                data={agendaOptions}
                searchable
                clearable
                disabled={!meetingId}
                filter={foldFilter}
                nothingFoundMessage={
                  agenda.isLoading ? t('common.loading') : t('recommendations.form.noAgenda')
                }
                {...form.getInputProps('originAgendaEntryId')}
              />
            ) : null}
            {values.originKind === 'working_group' ? (
              <Select
                label={t('recommendations.form.originWorkingGroup')}
                data={groupOptions}
                searchable
                clearable
                disabled={!meetingId}
                filter={foldFilter}
                nothingFoundMessage={
                  groups.isLoading ? t('common.loading') : t('recommendations.form.noGroups')
                }
                {...form.getInputProps('originWorkingGroupId')}
              />
            ) : null}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('recommendations.form.sections.who')}>
          <Stack gap="sm">
            <OrganisationPicker
              label={t('recommendations.form.lead')}
              value={values.leadOrganisationId}
              onChange={(v) => form.setFieldValue('leadOrganisationId', v)}
              error={form.errors.leadOrganisationId}
            />
            <MultiSelect
              label={t('recommendations.form.associated')}
              data={organisationOptions}
              searchable
              clearable
              filter={foldFilter}
              limit={100}
              nothingFoundMessage={t('common.picker.nothingFound')}
              value={values.associatedOrganisationIds}
              onChange={(v) => form.setFieldValue('associatedOrganisationIds', v)}
              error={
                form.errors.associatedOrganisationIds ??
                Object.entries(form.errors).find(([k]) => k.startsWith('associatedOrganisationIds.'))?.[1]
              }
            />
            <PersonPicker
              label={t('recommendations.form.person')}
              value={values.personId}
              onChange={(v) => form.setFieldValue('personId', v)}
              error={form.errors.personId}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('recommendations.form.targetLevel')}
                data={option(BODY_LEVELS, 'vocab.bodyLevel')}
                clearable
                {...form.getInputProps('targetLevel')}
              />
              <TerritoryPicker
                label={t('recommendations.form.targetTerritory')}
                value={values.targetTerritoryId}
                onChange={(v) => form.setFieldValue('targetTerritoryId', v)}
                error={form.errors.targetTerritoryId}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('recommendations.form.sections.when')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('recommendations.form.dueDate')}
              description={t('recommendations.form.dueDateHint')}
              value={values.dueDate}
              onChange={(v) => form.setFieldValue('dueDate', v)}
              error={form.errors.dueDate}
              name="dueDate"
            />
            <Select
              label={t('recommendations.form.priority')}
              data={option(RECOMMENDATION_PRIORITIES, 'vocab.recommendationPriority')}
              allowDeselect={false}
              maw={220}
              {...form.getInputProps('priority')}
            />
          </SimpleGrid>
        </Fieldset>

        {Object.keys(form.errors).length > 0 ? (
          <Alert color="red" variant="light">
            {t('recommendations.form.hasErrors')}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {t(id ? 'recommendations.form.save' : 'recommendations.form.create')}
          </Button>
          <Button
            variant="default"
            onClick={() => navigate(id ? `/recommendations/${id}` : '/recommendations')}
            disabled={saving}
          >
            {t('common.actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Creates a recommendation (prefilled from the query), or edits one when `id` is given. */
export function RecommendationFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const recommendation = useRpc('recommendations.get', { id: id ?? '' }, { enabled: !!id });
  // The router keys pages by path only: a new query must start a fresh form.
  const search = useSyncExternalStore(subscribe, () => hashQuery().toString());

  let content: ReactNode;
  if (!id)
    content = <RecommendationForm key={search} initial={prefillFromQuery(new URLSearchParams(search))} />;
  else if (recommendation.isLoading)
    content = <Loader size="sm" aria-label={t('recommendations.detail.loading')} />;
  else if (recommendation.error || !recommendation.data)
    content = <Alert color="red">{errorMessage(recommendation.error, t)}</Alert>;
  else content = <RecommendationForm id={id} initial={recommendationValues(recommendation.data)} />;

  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={id ? t('recommendations.form.editTitle') : t('recommendations.form.newTitle')}
        subtitle={id && recommendation.data ? recommendation.data.reference : undefined}
        back={
          id
            ? { to: `/recommendations/${id}`, label: t('recommendations.form.backToRecommendation') }
            : { to: '/recommendations', label: t('recommendations.detail.backToList') }
        }
      />
      {content}
    </Stack>
  );
}
