import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type CountryCode } from '../../../../shared/domain/vocabularies';
import { errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { PageHeader } from '../../../components/PageHeader';
import { AddTerritoryModal } from '../components/AddTerritoryModal';
import { TerritoryCredit } from '../components/TerritoryCredit';
import { TerritorySearch } from '../components/TerritorySearch';
import { TerritoryTree } from '../components/TerritoryTree';
import { type CountrySummary, isCountry, levelName } from '../levels';

/** Administrative divisions of one country: load the reference list, search it, browse it, complete it. */
export function TerritoriesPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const settings = useRpc('settings.get', {});
  const countries = useRpc('territories.countries', {});
  const [chosen, setChosen] = useState<CountryCode | null>(null);
  const [adding, setAdding] = useState(false);
  const load = useRpcMutation('territories.loadCountry');

  // The country of the settings until the user picks another one.
  const settingsCountry = settings.data?.countryCode;
  const country: CountryCode | null = chosen ?? (isCountry(settingsCountry) ? settingsCountry : null);
  const summary = countries.data?.find((c) => c.code === country);

  async function loadReference(code: CountryCode) {
    try {
      await load.mutateAsync({ countryCode: code });
      notifySaved(t, t('territories.list.loaded'));
    } catch (error) {
      notifyError(error, t);
    }
  }

  const countryData = COUNTRIES.map((code) => {
    const known = countries.data?.find((c) => c.code === code);
    return { value: code, label: known ? known.name[lang] : t(`vocab.country.${code}`) };
  });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('territories.list.title')}
        subtitle={t('territories.list.subtitle')}
        actions={
          country ? <Button onClick={() => setAdding(true)}>{t('territories.list.add')}</Button> : undefined
        }
      />
      {settings.isPending || countries.isPending ? (
        <Loader size="sm" aria-label={t('territories.list.loading')} />
      ) : countries.isError ? (
        <Alert color="red">{errorMessage(countries.error, t)}</Alert>
      ) : (
        <>
          <Select
            label={t('territories.list.country')}
            placeholder={t('territories.list.countryPlaceholder')}
            data={countryData}
            value={country}
            onChange={(v) => setChosen(isCountry(v) ? v : null)}
            allowDeselect={false}
            w={280}
          />
          {!country ? (
            <Text c="dimmed">{t('territories.list.chooseCountry')}</Text>
          ) : summary && !summary.loaded ? (
            <Alert color="blue" title={t('territories.list.notLoadedTitle')}>
              <Stack gap="sm" align="flex-start">
                <Text size="sm">{t('territories.list.notLoadedText')}</Text>
                <Button onClick={() => loadReference(country)} loading={load.isPending}>
                  {t('territories.list.load')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <>
              {summary ? <Counts summary={summary} /> : null}
              <TerritorySearch countryCode={country} summary={summary} />
              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t('territories.list.hierarchy')}
                </Title>
                <TerritoryTree countryCode={country} summary={summary} />
              </Paper>
            </>
          )}
          {country ? (
            <AddTerritoryModal countryCode={country} opened={adding} onClose={() => setAdding(false)} />
          ) : null}
        </>
      )}
      <TerritoryCredit />
    </Stack>
  );
}

/** "Région : 20 · Cercle : 60 · Commune : 703". */
function Counts({ summary }: { summary: CountrySummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const levels = Object.keys(summary.counts)
    .map(Number)
    .filter((level) => level > 0)
    .sort((a, b) => a - b);
  if (levels.length === 0) return null;
  return (
    <Group gap="lg">
      <Text size="sm" fw={600}>
        {t('territories.list.counts')}
      </Text>
      {levels.map((level) => (
        <Text key={level} size="sm">
          {t('territories.list.countLine', {
            level: levelName(summary, level, lang, t),
            count: summary.counts[String(level)] ?? 0,
          })}
        </Text>
      ))}
    </Group>
  );
}
