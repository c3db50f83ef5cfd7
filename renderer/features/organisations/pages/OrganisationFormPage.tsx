import {
  Alert,
  Button,
  Fieldset,
  Grid,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  COUNTRIES,
  type CountryCode,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../../shared/rpc';
import type { Ref } from '../../../../shared/rpc/common';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { navigate } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { OrganisationPicker } from '../../../components/OrganisationPicker';
import { PageHeader } from '../../../components/PageHeader';
import { ZonesInput } from '../components/ZonesInput';
import { DOMAIN_SUGGESTIONS, TARGET_GROUP_SUGGESTIONS } from '../suggestions';

interface OrganisationFormValues {
  name: string;
  acronym: string;
  aliases: string[];
  kind: OrganisationKind | null;
  parentId: string | null;
  countryCode: CountryCode | null;
  domains: string[];
  targetGroups: string[];
  zoneIds: string[];
  email: string;
  phone: string;
  website: string;
  address: string;
  notes: string;
}

type OrganisationDetail = OutputOf<'organisations.get'>;

function valuesOf(
  detail: OrganisationDetail | undefined,
  countryCode: CountryCode | null,
): OrganisationFormValues {
  return {
    name: detail?.name ?? '',
    acronym: detail?.acronym ?? '',
    aliases: detail?.aliases ?? [],
    kind: detail?.kind ?? null,
    parentId: detail?.parentId ?? null,
    countryCode: detail ? (isCountry(detail.countryCode) ? detail.countryCode : null) : countryCode,
    domains: detail?.domains ?? [],
    targetGroups: detail?.targetGroups ?? [],
    zoneIds: detail?.zoneIds ?? [],
    email: detail?.email ?? '',
    phone: detail?.phone ?? '',
    website: detail?.website ?? '',
    address: detail?.address ?? '',
    notes: detail?.notes ?? '',
  };
}

function isCountry(value: string | null): value is CountryCode {
  return value !== null && (COUNTRIES as readonly string[]).includes(value);
}

function isKind(value: string | null): value is OrganisationKind {
  return value !== null && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

/** Lists report issues per item ("aliases.3"); the message belongs under the list's own field. */
const LIST_FIELDS = new Set(['aliases', 'domains', 'targetGroups', 'zoneIds']);

/** Creates an organisation (no id) or edits one. */
export function OrganisationFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const detail = useRpc('organisations.get', { id: id ?? '' }, { enabled: Boolean(id) });
  const settings = useRpc('settings.get', {});

  const waiting = (id ? detail.isPending : false) || settings.isPending;
  const failure = id && detail.isError ? detail.error : null;

  return (
    <Stack gap="md">
      <PageHeader
        title={id ? t('organisations.form.editTitle') : t('organisations.form.newTitle')}
        subtitle={detail.data ? detail.data.name : undefined}
        back={
          id
            ? {
                to: `/organisations/${id}`,
                label: detail.data?.acronym ?? detail.data?.name ?? t('organisations.list.title'),
              }
            : { to: '/organisations', label: t('organisations.list.title') }
        }
      />
      {failure ? (
        <Alert color="red">{errorMessage(failure, t)}</Alert>
      ) : waiting ? (
        <Loader size="sm" />
      ) : (
        <OrganisationForm
          id={id}
          initial={valuesOf(detail.data, settings.data?.countryCode ?? null)}
          zones={detail.data?.zones ?? []}
        />
      )}
    </Stack>
  );
}

function OrganisationForm({
  id,
  initial,
  zones,
}: {
  id?: string;
  initial: OrganisationFormValues;
  zones: Ref[];
}) {
  const { t } = useTranslation();
  const create = useRpcMutation('organisations.create');
  const update = useRpcMutation('organisations.update');
  const form = useForm<OrganisationFormValues>({
    // Uncontrolled: typing in one field does not re-render the whole form on a modest laptop.
    mode: 'uncontrolled',
    initialValues: initial,
    // Only what cannot be sent at all is checked here; every other rule is the backend's, whose
    // messages come back next to the fields (one set of rules, no drift between two copies).
    validate: {
      name: (v) => (v.trim() === '' ? t('errors.field.required') : null),
      kind: (v) => (v ? null : t('errors.field.required')),
    },
  });
  // The fields below are controlled components: they follow these values.
  const kind = form.useWatchValue('kind');
  const countryCode = form.useWatchValue('countryCode');
  const parentId = form.useWatchValue('parentId');
  const zoneIds = form.useWatchValue('zoneIds');

  const fieldErrors = {
    setFieldError(path: string, message: string) {
      const top = path.split('.')[0] ?? path;
      form.setFieldError(LIST_FIELDS.has(top) ? top : path, message);
    },
  };

  async function submit(values: OrganisationFormValues) {
    const chosenKind = values.kind;
    if (!chosenKind) return;
    const input = { ...values, kind: chosenKind };
    try {
      const saved = id ? await update.mutateAsync({ ...input, id }) : await create.mutateAsync(input);
      notifySaved(t);
      navigate(`/organisations/${saved.id}`);
    } catch (error) {
      if (!applyServerErrors(fieldErrors, error, t)) notifyError(error, t);
    }
  }

  const domainData = DOMAIN_SUGGESTIONS.map((k) => t(`organisations.domain.${k}`));
  const targetData = TARGET_GROUP_SUGGESTIONS.map((k) => t(`organisations.targetGroup.${k}`));
  const saving = create.isPending || update.isPending;

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md" maw={900}>
        <Fieldset legend={t('organisations.form.identity')}>
          <Stack gap="sm">
            <Grid>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput
                  label={t('organisations.form.name')}
                  placeholder={t('organisations.form.namePlaceholder')}
                  required
                  key={form.key('name')}
                  {...form.getInputProps('name')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label={t('organisations.form.acronym')}
                  placeholder={t('organisations.form.acronymPlaceholder')}
                  key={form.key('acronym')}
                  {...form.getInputProps('acronym')}
                />
              </Grid.Col>
            </Grid>
            <TagsInput
              label={t('organisations.form.aliases')}
              description={t('organisations.form.aliasesHint')}
              placeholder={t('organisations.form.aliasesPlaceholder')}
              splitChars={[';']}
              clearable
              key={form.key('aliases')}
              {...form.getInputProps('aliases')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('organisations.form.kind')}
                placeholder={t('organisations.form.kindPlaceholder')}
                required
                searchable
                data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`vocab.organisationKind.${k}`) }))}
                value={kind}
                onChange={(v) => form.setFieldValue('kind', isKind(v) ? v : null)}
                error={form.errors.kind}
              />
              <Select
                label={t('organisations.form.country')}
                placeholder={t('organisations.form.countryPlaceholder')}
                clearable
                data={COUNTRIES.map((c) => ({ value: c, label: t(`vocab.country.${c}`) }))}
                value={countryCode}
                onChange={(v) => form.setFieldValue('countryCode', isCountry(v) ? v : null)}
                error={form.errors.countryCode}
              />
            </SimpleGrid>
            <OrganisationPicker
              label={t('organisations.form.parent')}
              description={t('organisations.form.parentHint')}
              value={parentId}
              onChange={(v) => form.setFieldValue('parentId', v)}
              error={form.errors.parentId}
              excludeId={id}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('organisations.form.scope')}>
          <Stack gap="sm">
            <TagsInput
              label={t('organisations.form.domains')}
              description={t('organisations.form.domainsHint')}
              placeholder={t('organisations.form.tagPlaceholder')}
              data={domainData}
              splitChars={[';']}
              clearable
              key={form.key('domains')}
              {...form.getInputProps('domains')}
            />
            <TagsInput
              label={t('organisations.form.targetGroups')}
              description={t('organisations.form.targetGroupsHint')}
              placeholder={t('organisations.form.tagPlaceholder')}
              data={targetData}
              splitChars={[';']}
              clearable
              key={form.key('targetGroups')}
              {...form.getInputProps('targetGroups')}
            />
            <ZonesInput
              label={t('organisations.form.zones')}
              description={t('organisations.form.zonesHint')}
              value={zoneIds}
              onChange={(v) => form.setFieldValue('zoneIds', v)}
              known={zones}
              countryCode={countryCode}
              error={form.errors.zoneIds}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('organisations.form.contacts')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="email"
                label={t('organisations.form.email')}
                key={form.key('email')}
                {...form.getInputProps('email')}
              />
              <TextInput
                type="tel"
                label={t('organisations.form.phone')}
                key={form.key('phone')}
                {...form.getInputProps('phone')}
              />
            </SimpleGrid>
            <TextInput
              label={t('organisations.form.website')}
              key={form.key('website')}
              {...form.getInputProps('website')}
            />
            <Textarea
              label={t('organisations.form.address')}
              rows={2}
              resize="vertical"
              key={form.key('address')}
              {...form.getInputProps('address')}
            />
            <Textarea
              label={t('organisations.form.notes')}
              rows={3}
              resize="vertical"
              key={form.key('notes')}
              {...form.getInputProps('notes')}
            />
          </Stack>
        </Fieldset>

        <Group>
          <Button type="submit" loading={saving}>
            {t('organisations.form.save')}
          </Button>
          <Button variant="default" onClick={() => navigate(id ? `/organisations/${id}` : '/organisations')}>
            {t('organisations.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
