import {
  Alert,
  Autocomplete,
  Button,
  Grid,
  Group,
  Input,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SEXES, type Sex } from '../../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../../shared/rpc';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { navigate } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { OrganisationPicker } from '../../../components/OrganisationPicker';
import { PageHeader } from '../../../components/PageHeader';
import { personName } from '../personName';

interface PersonFormValues {
  title: string;
  firstName: string;
  lastName: string;
  function: string;
  organisationId: string | null;
  email: string;
  phone: string;
  sex: Sex | '';
  notes: string;
}

const TITLE_KEYS = ['mrs', 'mr', 'dr', 'pr', 'me', 'hon'] as const;

function isSex(value: string): value is Sex {
  return (SEXES as readonly string[]).includes(value);
}

/** "#/people/new?organisationId=…": the organisation page's "Ajouter une personne" preselects it. */
function organisationFromHash(): string | null {
  const query = window.location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get('organisationId') : null;
}

function valuesOf(detail: OutputOf<'people.get'> | undefined): PersonFormValues {
  return {
    title: detail?.title ?? '',
    firstName: detail?.firstName ?? '',
    lastName: detail?.lastName ?? '',
    function: detail?.function ?? '',
    organisationId: detail ? detail.organisationId : organisationFromHash(),
    email: detail?.email ?? '',
    phone: detail?.phone ?? '',
    sex: detail?.sex ?? '',
    notes: detail?.notes ?? '',
  };
}

/** Creates a person (no id) or edits one. */
export function PersonFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const detail = useRpc('people.get', { id: id ?? '' }, { enabled: Boolean(id) });
  const label = detail.data ? personName(detail.data) : undefined;

  return (
    <Stack gap="md">
      <PageHeader
        title={id ? t('people.form.editTitle') : t('people.form.newTitle')}
        subtitle={label}
        back={
          id
            ? { to: `/people/${id}`, label: label ?? t('people.list.title') }
            : { to: '/people', label: t('people.list.title') }
        }
      />
      {id && detail.isError ? (
        <Alert color="red">{errorMessage(detail.error, t)}</Alert>
      ) : id && detail.isPending ? (
        <Loader size="sm" />
      ) : (
        <PersonForm id={id} initial={valuesOf(detail.data)} />
      )}
    </Stack>
  );
}

function PersonForm({ id, initial }: { id?: string; initial: PersonFormValues }) {
  const { t } = useTranslation();
  const create = useRpcMutation('people.create');
  const update = useRpcMutation('people.update');
  const form = useForm<PersonFormValues>({
    // Uncontrolled: typing in one field does not re-render the whole form on a modest laptop.
    mode: 'uncontrolled',
    initialValues: initial,
    // Only the one required field is checked here; the backend's rules come back next to the fields.
    validate: { lastName: (v) => (v.trim() === '' ? t('errors.field.required') : null) },
  });
  // The fields below are controlled components: they follow these values.
  const organisationId = form.useWatchValue('organisationId');
  const sex = form.useWatchValue('sex');

  async function submit(values: PersonFormValues) {
    const input = { ...values, sex: values.sex === '' ? null : values.sex };
    try {
      const saved = id ? await update.mutateAsync({ ...input, id }) : await create.mutateAsync(input);
      notifySaved(t);
      navigate(`/people/${saved.id}`);
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm" maw={800}>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <Autocomplete
              label={t('people.form.title')}
              placeholder={t('people.form.titlePlaceholder')}
              data={TITLE_KEYS.map((k) => t(`people.titles.${k}`))}
              key={form.key('title')}
              {...form.getInputProps('title')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('people.form.firstName')}
              key={form.key('firstName')}
              {...form.getInputProps('firstName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput
              label={t('people.form.lastName')}
              required
              key={form.key('lastName')}
              {...form.getInputProps('lastName')}
            />
          </Grid.Col>
        </Grid>
        <TextInput
          label={t('people.form.function')}
          placeholder={t('people.form.functionPlaceholder')}
          key={form.key('function')}
          {...form.getInputProps('function')}
        />
        <OrganisationPicker
          label={t('people.form.organisation')}
          value={organisationId}
          onChange={(v) => form.setFieldValue('organisationId', v)}
          error={form.errors.organisationId}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="email"
            label={t('people.form.email')}
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <TextInput
            type="tel"
            label={t('people.form.phone')}
            key={form.key('phone')}
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <Input.Wrapper
          labelElement="div"
          label={t('people.form.sex')}
          description={t('people.form.sexHint')}
          error={form.errors.sex}
        >
          <div>
            <SegmentedControl
              aria-label={t('people.form.sex')}
              value={sex}
              onChange={(v) => form.setFieldValue('sex', isSex(v) ? v : '')}
              data={[
                { value: '', label: t('people.form.sexUnknown') },
                ...SEXES.map((s) => ({ value: s, label: t(`vocab.sex.${s}`) })),
              ]}
            />
          </div>
        </Input.Wrapper>
        <Textarea
          label={t('people.form.notes')}
          rows={3}
          resize="vertical"
          key={form.key('notes')}
          {...form.getInputProps('notes')}
        />
        <Group>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('people.form.save')}
          </Button>
          <Button variant="default" onClick={() => navigate(id ? `/people/${id}` : '/people')}>
            {t('people.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
