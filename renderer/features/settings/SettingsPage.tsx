import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatReference } from '../../../shared/domain/recommendationStatus';
import type { Language } from '../../../shared/domain/vocabularies';
import { TIME_ZONES, type TimeZone } from '../../../shared/domain/vocabularies';
import type { Heading, Settings } from '../../../shared/rpc/system';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../app/errors';
import { normaliseLanguage, setLanguage } from '../../app/i18n';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { PageHeader } from '../../components/PageHeader';
import { SynonymsEditor } from '../partners/SynonymsEditor';
import { BackupsSettingsSection } from '../safety/BackupsPage';
import { countryOptions, isCountryCode } from '../welcome/countries';
import { DocumentSettings } from './DocumentSettings';

interface ProfileValues {
  userName: string;
  heading: { country: string; motto: string; ministry: string; service: string };
}

function toValues(settings: Settings): ProfileValues {
  const h = settings.heading;
  return {
    userName: settings.userName,
    heading: {
      country: h.country ?? '',
      motto: h.motto ?? '',
      ministry: h.ministry ?? '',
      service: h.service ?? '',
    },
  };
}

/** How the heading will sit at the top left of a document: ministry, service; country and motto on the right. */
export function HeadingPreview({ heading }: { heading: Partial<Record<keyof Heading, string | null>> }) {
  const { t } = useTranslation();
  const has = (v: string | null | undefined) => !!v?.trim();
  if (!has(heading.country) && !has(heading.motto) && !has(heading.ministry) && !has(heading.service)) {
    return (
      <Text size="sm" c="dimmed">
        {t('settings.heading.previewEmpty')}
      </Text>
    );
  }
  return (
    <Paper withBorder p="md" bg="white" aria-label={t('settings.heading.preview')}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xl">
        <Stack gap={2} maw="50%" ta="center">
          {has(heading.ministry) ? (
            <Text size="xs" fw={700} tt="uppercase">
              {heading.ministry}
            </Text>
          ) : null}
          {has(heading.ministry) && has(heading.service) ? <Text size="xs">{'—————'}</Text> : null}
          {has(heading.service) ? <Text size="xs">{heading.service}</Text> : null}
        </Stack>
        <Stack gap={2} maw="50%" ta="center">
          {has(heading.country) ? (
            <Text size="xs" fw={700} tt="uppercase">
              {heading.country}
            </Text>
          ) : null}
          {has(heading.motto) ? (
            <Text size="xs" fs="italic">
              {heading.motto}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

function PathLine({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code style={{ flex: 1, wordBreak: 'break-all' }}>{value}</Code>
        <CopyButton value={value} timeout={1500}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant={copied ? 'filled' : 'default'}
              onClick={copy}
              aria-label={`${t('common.actions.copy')} : ${label}`}
            >
              {copied ? t('common.actions.copied') : t('common.actions.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

function DataLocation() {
  const { t } = useTranslation();
  const info = useRpc('system.info', {});
  return (
    <Stack gap="sm">
      <Title order={3}>{t('settings.data.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('settings.data.hint')}
      </Text>
      {info.isLoading ? <Loader size="sm" /> : null}
      {info.error ? <Alert color="red">{errorMessage(info.error, t)}</Alert> : null}
      {info.data ? (
        <>
          <PathLine label={t('settings.data.database')} value={info.data.databasePath} />
          <PathLine label={t('settings.data.backups')} value={info.data.backupsDir} />
        </>
      ) : null}
    </Stack>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useRpc('settings.get', {});
  const update = useRpcMutation('settings.update');
  const loadCountry = useRpcMutation('territories.loadCountry');
  const [countryBusy, setCountryBusy] = useState(false);

  const form = useForm<ProfileValues>({
    mode: 'controlled',
    initialValues: { userName: '', heading: { country: '', motto: '', ministry: '', service: '' } },
  });

  // Fill the form once the settings arrive; later refreshes must not overwrite what is being typed.
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (settings.data && !filled) {
      form.setInitialValues(toValues(settings.data));
      form.setValues(toValues(settings.data));
      setFilled(true);
    }
  }, [settings.data, filled, form]);

  if (settings.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (settings.error || !settings.data) {
    return (
      <Alert color="red">
        {settings.error ? errorMessage(settings.error, t) : t('common.error.loadFailed')}
      </Alert>
    );
  }
  const current = settings.data;

  const changeLanguage = async (value: string) => {
    const language: Language = normaliseLanguage(value);
    // Switch at once (the user sees the effect), then save; restore the old one if saving fails.
    await setLanguage(language);
    try {
      await update.mutateAsync({ language });
    } catch (error) {
      await setLanguage(current.language);
      notifyError(error, t);
    }
  };

  const changeCountry = async (value: string | null) => {
    if (!isCountryCode(value) || value === current.countryCode) return;
    setCountryBusy(true);
    try {
      await loadCountry.mutateAsync({ countryCode: value });
      await update.mutateAsync({ countryCode: value });
      notifications.show({
        color: 'teal',
        message: t('settings.country.loaded', { country: t(`vocab.country.${value}`) }),
      });
    } catch (error) {
      notifyError(error, t);
    } finally {
      setCountryBusy(false);
    }
  };

  /** Settings that apply as soon as they are chosen. */
  const saveNow = async (patch: {
    timeZone?: TimeZone;
    absenceThreshold?: number;
    referenceFormat?: string;
  }) => {
    try {
      await update.mutateAsync(patch);
      notifySaved(t);
      return null;
    } catch (error) {
      notifyError(error, t);
      return error;
    }
  };

  const saveProfile = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({ userName: values.userName, heading: values.heading });
      form.setInitialValues(toValues(saved));
      form.setValues(toValues(saved));
      notifySaved(t);
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  return (
    <Stack gap="xl" maw={860}>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />

      <Stack gap="sm">
        <Title order={3}>{t('settings.general')}</Title>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="settings-language-label">
            {t('settings.language.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="settings-language-label"
            value={current.language}
            onChange={(value) => void changeLanguage(value)}
            data={[
              { value: 'fr', label: t('vocab.language.fr') },
              { value: 'en', label: t('vocab.language.en') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="xs" c="dimmed">
            {t('settings.language.hint')}
          </Text>
        </Stack>
        <Select
          label={t('settings.country.label')}
          description={t('settings.country.hint')}
          placeholder={t('welcome.countryPlaceholder')}
          data={countryOptions(t)}
          value={current.countryCode}
          onChange={(value) => void changeCountry(value)}
          searchable
          allowDeselect={false}
          disabled={countryBusy}
          rightSection={countryBusy ? <Loader size="xs" /> : undefined}
          maw={360}
        />
      </Stack>

      <Stack gap="sm">
        <Title order={3}>{t('settings.meetings.title')}</Title>
        <Select
          label={t('settings.meetings.timeZone')}
          description={t('settings.meetings.timeZoneHint')}
          data={TIME_ZONES.map((zone) => ({ value: zone, label: t(`vocab.timeZone.${zone}`) }))}
          value={current.timeZone}
          onChange={(value) => {
            const zone = TIME_ZONES.find((z) => z === value);
            if (zone) void saveNow({ timeZone: zone });
          }}
          allowDeselect={false}
          maw={360}
        />
        <NumberInput
          label={t('settings.meetings.absenceThreshold')}
          description={t('settings.meetings.absenceThresholdHint')}
          value={current.absenceThreshold}
          min={1}
          max={12}
          clampBehavior="strict"
          allowDecimal={false}
          onChange={(value) => {
            if (
              typeof value === 'number' &&
              value >= 1 &&
              value <= 12 &&
              value !== current.absenceThreshold
            ) {
              void saveNow({ absenceThreshold: value });
            }
          }}
          maw={200}
        />
        <ReferenceFormatInput
          value={current.referenceFormat}
          onSave={(referenceFormat) => saveNow({ referenceFormat })}
        />
      </Stack>

      <form onSubmit={saveProfile} noValidate>
        <Stack gap="sm">
          <Title order={3}>{t('settings.heading.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('settings.heading.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('settings.heading.country')}
              placeholder={t('settings.heading.countryExample')}
              {...form.getInputProps('heading.country')}
            />
            <TextInput
              label={t('settings.heading.motto')}
              placeholder={t('settings.heading.mottoExample')}
              {...form.getInputProps('heading.motto')}
            />
            <TextInput
              label={t('settings.heading.ministry')}
              placeholder={t('settings.heading.ministryExample')}
              {...form.getInputProps('heading.ministry')}
            />
            <TextInput
              label={t('settings.heading.service')}
              placeholder={t('settings.heading.serviceExample')}
              {...form.getInputProps('heading.service')}
            />
          </SimpleGrid>
          <Text size="sm" fw={500}>
            {t('settings.heading.preview')}
          </Text>
          <HeadingPreview heading={form.values.heading} />

          <Title order={3} mt="md">
            {t('settings.user.title')}
          </Title>
          <TextInput
            label={t('settings.user.name')}
            description={t('settings.user.hint')}
            maw={420}
            {...form.getInputProps('userName')}
          />
          <Group>
            <Button type="submit" loading={update.isPending && !countryBusy} disabled={!form.isDirty()}>
              {t('common.actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>

      <DocumentSettings />

      <SynonymsEditor />

      <BackupsSettingsSection />

      <DataLocation />
    </Stack>
  );
}

/** The pattern of recommendation references, with a live example; saved on demand. */
function ReferenceFormatInput({
  value,
  onSave,
}: {
  value: string;
  onSave(format: string): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);
  const example = formatReference(draft, { acronym: 'GTGPS', year: 2025, month: 3, number: 4 });
  const save = async () => {
    const failure = await onSave(draft);
    setError(failure ? errorMessage(failure, t) : null);
  };
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t('settings.meetings.referenceFormat')}
        description={t('settings.meetings.referenceFormatHint', { example })}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        error={error}
        maw={360}
        style={{ flex: 1 }}
      />
      <Button variant="light" onClick={() => void save()} disabled={draft === value}>
        {t('settings.meetings.referenceFormatSave')}
      </Button>
    </Group>
  );
}
