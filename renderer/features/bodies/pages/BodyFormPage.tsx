import {
  Alert,
  Button,
  Fieldset,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Periodicity } from '../../../../shared/domain/periodicity';
import type { QuorumRule } from '../../../../shared/domain/quorum';
import { compareFr } from '../../../../shared/domain/text';
import {
  BODY_KINDS,
  BODY_LEVELS,
  BODY_LINK_KINDS,
  type BodyKind,
  type BodyLevel,
  type BodyLinkKind,
  COUNTRIES,
  type CountryCode,
  LEGAL_BASIS_KINDS,
  type LegalBasisKind,
} from '../../../../shared/domain/vocabularies';
import { type BodyDetail, BodyInputSchema } from '../../../../shared/rpc/bodies';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { navigate } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { BodyPicker } from '../../../components/BodyPicker';
import { OrganisationPicker } from '../../../components/OrganisationPicker';
import { PageHeader } from '../../../components/PageHeader';
import { TerritoryPicker } from '../../../components/TerritoryPicker';
import { AcronymClashWarning } from '../components/AcronymClashWarning';
import { DateField } from '../components/DateField';
import { schemaErrors } from '../components/formErrors';
import { bodyTitle } from '../components/labels';
import { PeriodicityInput } from '../components/PeriodicityInput';
import { QuorumInput } from '../components/QuorumInput';

interface LinkValue {
  /** Stable React key: list items move when one above is removed. */
  key: string;
  kind: BodyLinkKind;
  targetId: string | null;
}

interface BodyFormValues {
  name: string;
  acronym: string;
  kind: BodyKind | null;
  level: BodyLevel | null;
  countryCode: CountryCode | null;
  territoryId: string | null;
  parentId: string | null;
  establishedOn: string | null;
  legalBasis: {
    kind: LegalBasisKind | null;
    number: string;
    date: string | null;
    signatory: string;
    title: string;
  };
  mandate: string;
  secretariatOrganisationId: string | null;
  periodicity: Periodicity;
  quorumRule: QuorumRule;
  fundingSource: string;
  links: LinkValue[];
}

let linkKeySeed = 0;
const newLinkKey = () => `link-${++linkKeySeed}`;

function emptyValues(countryCode: CountryCode | null): BodyFormValues {
  return {
    name: '',
    acronym: '',
    kind: null,
    level: null,
    countryCode,
    territoryId: null,
    parentId: null,
    establishedOn: null,
    legalBasis: { kind: null, number: '', date: null, signatory: '', title: '' },
    mandate: '',
    secretariatOrganisationId: null,
    periodicity: { kind: 'as_needed' },
    quorumRule: { kind: 'majority_of_voting_seats' },
    fundingSource: '',
    links: [],
  };
}

function isCountry(code: string | null): code is CountryCode {
  return code !== null && (COUNTRIES as readonly string[]).includes(code);
}

function valuesOf(body: BodyDetail): BodyFormValues {
  return {
    name: body.name,
    acronym: body.acronym ?? '',
    kind: body.kind,
    level: body.level,
    countryCode: isCountry(body.countryCode) ? body.countryCode : null,
    territoryId: body.territoryId,
    parentId: body.parentId,
    establishedOn: body.establishedOn,
    legalBasis: {
      kind: body.legalBasis.kind,
      number: body.legalBasis.number ?? '',
      date: body.legalBasis.date,
      signatory: body.legalBasis.signatory ?? '',
      title: body.legalBasis.title ?? '',
    },
    mandate: body.mandate ?? '',
    secretariatOrganisationId: body.secretariatOrganisationId,
    periodicity: body.periodicity,
    quorumRule: body.quorumRule,
    fundingSource: body.fundingSource ?? '',
    // Only the links this body declares; the incoming ones belong to the other bodies' forms.
    links: body.links
      .filter((l) => l.direction === 'outgoing')
      .map((l) => ({ key: newLinkKey(), kind: l.kind, targetId: l.body.id })),
  };
}

/** What the contract receives; the schema does the trimming and turns '' into null. */
function inputOf(values: BodyFormValues): unknown {
  return { ...values, links: values.links.map(({ kind, targetId }) => ({ kind, targetId })) };
}

function validateBody(values: BodyFormValues, t: TFunction): FormErrors {
  return schemaErrors(BodyInputSchema, inputOf(values), t);
}

/** The first error at or below `prefix` (periodicity and quorum are edited as one block). */
function errorUnder(errors: FormErrors, prefix: string): ReactNode {
  const found = Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`));
  return found?.[1] ?? null;
}

function BodyForm({ id, initial }: { id?: string; initial: BodyFormValues }) {
  const { t } = useTranslation();
  const create = useRpcMutation('bodies.create');
  const update = useRpcMutation('bodies.update');
  const form = useForm<BodyFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => validateBody(values, t),
  });
  const { values } = form;

  const kindOptions = BODY_KINDS.map((k) => ({ value: k, label: t(`vocab.bodyKind.${k}`) }));
  const levelOptions = BODY_LEVELS.map((l) => ({ value: l, label: t(`vocab.bodyLevel.${l}`) }));
  const countryOptions = COUNTRIES.map((c) => ({ value: c, label: t(`vocab.country.${c}`) })).sort((a, b) =>
    compareFr(a.label, b.label),
  );
  const legalKindOptions = LEGAL_BASIS_KINDS.map((k) => ({
    value: k,
    label: t(`vocab.legalBasisKind.${k}`),
  }));
  const linkKindOptions = BODY_LINK_KINDS.map((k) => ({ value: k, label: t(`vocab.bodyLinkKind.${k}`) }));

  const submit = form.onSubmit(async (raw) => {
    const parsed = BodyInputSchema.safeParse(inputOf(raw));
    if (!parsed.success) return;
    try {
      const body = id
        ? await update.mutateAsync({ ...parsed.data, id })
        : await create.mutateAsync(parsed.data);
      notifySaved(t, t(id ? 'bodies.form.saved' : 'bodies.form.created'));
      navigate(`/bodies/${body.id}`);
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  const quorumErrors = {
    kind: form.errors.quorumRule ?? form.errors['quorumRule.kind'],
    numerator: form.errors['quorumRule.numerator'],
    denominator: form.errors['quorumRule.denominator'],
    count: form.errors['quorumRule.count'],
  };
  const hasErrors = Object.keys(form.errors).length > 0;
  const saving = create.isPending || update.isPending;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend={t('bodies.form.sections.identification')}>
          <Stack gap="sm">
            <TextInput
              label={t('bodies.form.name')}
              placeholder={t('bodies.form.namePlaceholder')}
              required
              maxLength={300}
              {...form.getInputProps('name')}
            />
            <div>
              <TextInput
                label={t('bodies.form.acronym')}
                placeholder={t('bodies.form.acronymPlaceholder')}
                maxLength={40}
                maw={260}
                {...form.getInputProps('acronym')}
              />
              <AcronymClashWarning
                acronym={values.acronym}
                territoryId={values.territoryId}
                {...(id ? { excludeId: id } : {})}
              />
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('bodies.form.kind')}
                placeholder={t('bodies.form.choose')}
                data={kindOptions}
                required
                searchable
                {...form.getInputProps('kind')}
              />
              <Select
                label={t('bodies.form.level')}
                placeholder={t('bodies.form.choose')}
                data={levelOptions}
                required
                {...form.getInputProps('level')}
              />
              <Select
                label={t('bodies.form.country')}
                placeholder={t('bodies.form.choose')}
                data={countryOptions}
                clearable
                searchable
                value={values.countryCode}
                error={form.errors.countryCode}
                onChange={(code) => {
                  const next = isCountry(code) ? code : null;
                  // A territory of the previous country cannot stay.
                  if (values.countryCode !== null && next !== values.countryCode)
                    form.setFieldValue('territoryId', null);
                  form.setFieldValue('countryCode', next);
                }}
              />
              <TerritoryPicker
                label={t('bodies.form.territory')}
                value={values.territoryId}
                onChange={(v) => form.setFieldValue('territoryId', v)}
                countryCode={values.countryCode}
                error={form.errors.territoryId}
              />
              <BodyPicker
                label={t('bodies.form.parent')}
                value={values.parentId}
                onChange={(v) => form.setFieldValue('parentId', v)}
                excludeId={id ?? null}
                error={form.errors.parentId}
                description={t('bodies.form.parentHint')}
              />
              <DateField
                label={t('bodies.form.establishedOn')}
                value={values.establishedOn}
                onChange={(v) => form.setFieldValue('establishedOn', v)}
                error={form.errors.establishedOn}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('bodies.form.sections.legalBasis')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('bodies.form.legalKind')}
                placeholder={t('bodies.form.choose')}
                data={legalKindOptions}
                clearable
                {...form.getInputProps('legalBasis.kind')}
              />
              <TextInput
                label={t('bodies.form.legalNumber')}
                placeholder={t('bodies.form.legalNumberPlaceholder')}
                maxLength={200}
                {...form.getInputProps('legalBasis.number')}
              />
              <DateField
                label={t('bodies.form.legalDate')}
                value={values.legalBasis.date}
                onChange={(v) => form.setFieldValue('legalBasis.date', v)}
                error={form.errors['legalBasis.date']}
              />
              <TextInput
                label={t('bodies.form.legalSignatory')}
                placeholder={t('bodies.form.legalSignatoryPlaceholder')}
                maxLength={200}
                {...form.getInputProps('legalBasis.signatory')}
              />
            </SimpleGrid>
            <TextInput
              label={t('bodies.form.legalTitle')}
              placeholder={t('bodies.form.legalTitlePlaceholder')}
              maxLength={500}
              {...form.getInputProps('legalBasis.title')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('bodies.form.sections.mandate')}>
          <Textarea
            label={t('bodies.form.mandate')}
            description={t('bodies.form.mandateHint')}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={10_000}
            {...form.getInputProps('mandate')}
          />
        </Fieldset>

        <Fieldset legend={t('bodies.form.sections.functioning')}>
          <Stack gap="md">
            <OrganisationPicker
              label={t('bodies.form.secretariat')}
              value={values.secretariatOrganisationId}
              onChange={(v) => form.setFieldValue('secretariatOrganisationId', v)}
              error={form.errors.secretariatOrganisationId}
            />
            <PeriodicityInput
              value={values.periodicity}
              onChange={(p) => {
                form.setFieldValue('periodicity', p);
                form.clearFieldError('periodicity');
              }}
              error={errorUnder(form.errors, 'periodicity')}
            />
            <QuorumInput
              value={values.quorumRule}
              onChange={(q) => {
                form.setFieldValue('quorumRule', q);
                form.setErrors(
                  Object.fromEntries(
                    Object.entries(form.errors).filter(([path]) => !path.startsWith('quorumRule')),
                  ),
                );
              }}
              errors={quorumErrors}
            />
            <TextInput
              label={t('bodies.form.funding')}
              placeholder={t('bodies.form.fundingPlaceholder')}
              maxLength={300}
              {...form.getInputProps('fundingSource')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('bodies.form.sections.links')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('bodies.form.linksHint')}
            </Text>
            {values.links.map((link, index) => (
              <Group key={link.key} align="flex-start" gap="sm" wrap="wrap">
                <Select
                  label={t('bodies.form.linkKind')}
                  data={linkKindOptions}
                  allowDeselect={false}
                  w={200}
                  {...form.getInputProps(`links.${index}.kind`)}
                />
                <div style={{ flex: 1, minWidth: 260 }}>
                  <BodyPicker
                    label={t('bodies.form.linkTarget')}
                    value={link.targetId}
                    onChange={(v) => form.setFieldValue(`links.${index}.targetId`, v)}
                    excludeId={id ?? null}
                    error={form.errors[`links.${index}.targetId`]}
                    required
                  />
                </div>
                <Button
                  variant="subtle"
                  color="red"
                  mt={24}
                  onClick={() => form.removeListItem('links', index)}
                  aria-label={t('bodies.form.removeLinkNamed', { index: index + 1 })}
                >
                  {t('bodies.form.removeLink')}
                </Button>
              </Group>
            ))}
            <Button
              variant="light"
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                form.insertListItem('links', { key: newLinkKey(), kind: 'reports_to', targetId: null })
              }
            >
              {t('bodies.form.addLink')}
            </Button>
          </Stack>
        </Fieldset>

        {hasErrors ? (
          <Alert color="red" variant="light">
            {t('bodies.form.hasErrors')}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {t(id ? 'bodies.form.save' : 'bodies.form.create')}
          </Button>
          <Button
            variant="default"
            onClick={() => navigate(id ? `/bodies/${id}` : '/bodies')}
            disabled={saving}
          >
            {t('bodies.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Creates a body, or edits one when `id` is given. */
export function BodyFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const body = useRpc('bodies.get', { id: id ?? '' }, { enabled: !!id });
  const settings = useRpc('settings.get', {}, { enabled: !id });

  let content: ReactNode;
  if (id) {
    if (body.isLoading) content = <Loader size="sm" aria-label={t('bodies.detail.loading')} />;
    else if (body.error || !body.data) content = <Alert color="red">{errorMessage(body.error, t)}</Alert>;
    else content = <BodyForm id={id} initial={valuesOf(body.data)} />;
  } else if (settings.isLoading) {
    content = <Loader size="sm" aria-label={t('bodies.detail.loading')} />;
  } else {
    // The office's country is the usual one; settings that fail to load only lose that default.
    content = <BodyForm initial={emptyValues(settings.data?.countryCode ?? null)} />;
  }

  const title = id ? t('bodies.form.editTitle') : t('bodies.form.newTitle');
  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={title}
        subtitle={id && body.data ? bodyTitle(body.data) : undefined}
        back={
          id
            ? { to: `/bodies/${id}`, label: t('bodies.detail.backToBody') }
            : { to: '/bodies', label: t('bodies.detail.backToList') }
        }
      />
      {content}
    </Stack>
  );
}
