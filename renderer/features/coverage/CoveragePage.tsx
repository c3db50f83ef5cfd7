import { BarChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Group,
  Loader,
  MultiSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INTERVENTION_STATUSES,
  type InterventionStatus,
  SECTORS,
  type Sector,
} from '../../../shared/domain/vocabularies';
import type { CoverageFilter } from '../../../shared/rpc/partners';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { hrefOf } from '../../app/navigation';
import { useRpc } from '../../app/rpc';
import { EmptyState } from '../../components/EmptyState';
import { OrganisationPicker } from '../../components/OrganisationPicker';
import { PageHeader } from '../../components/PageHeader';
import { DateField } from '../bodies/components/DateField';
import { CoverageMap, type MapFigure } from './CoverageMap';
import { FreshnessView, GapsView, MatrixView, OverlapsView } from './CoverageViews';

type Tab = 'matrix' | 'overlaps' | 'gaps' | 'freshness' | 'map';
const TABS: readonly Tab[] = ['matrix', 'overlaps', 'gaps', 'freshness', 'map'];

interface Filters {
  from: string | null;
  to: string | null;
  statuses: InterventionStatus[];
  sectors: Sector[];
  targetGroup: string;
  donorId: string | null;
}

const NO_FILTERS: Filters = {
  from: null,
  to: null,
  statuses: [],
  sectors: [],
  targetGroup: '',
  donorId: null,
};

/** The filter as the backend takes it: only what is set (an empty list would mean "nothing"). */
export function toCoverageFilter(f: Filters, targetGroup: string): CoverageFilter {
  const filter: CoverageFilter = {};
  if (f.from) filter.from = f.from;
  if (f.to) filter.to = f.to;
  if (f.statuses.length > 0) filter.statuses = f.statuses;
  if (f.sectors.length > 0) filter.sectors = f.sectors;
  if (targetGroup.trim()) filter.targetGroup = targetGroup.trim();
  if (f.donorId) filter.donorId = f.donorId;
  return filter;
}

/**
 * "Couverture": who does what where, from the partners' imported 3W matrices — a territory ×
 * sector matrix, the overlaps, the gaps, how fresh each partner's data is, and a map.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [debouncedGroup] = useDebouncedValue(filters.targetGroup, 400);
  const [level, setLevel] = useState<1 | 2>(2);
  const [tab, setTab] = useState<Tab>('matrix');
  const [figure, setFigure] = useState<MapFigure>('actors');
  const [mapSector, setMapSector] = useState<Sector | null>(null);
  const [territoryId, setTerritoryId] = useState<string | null>(null);

  const settings = useRpc('settings.get', {});
  const countries = useRpc('territories.countries', {});
  const any = useRpc('interventions.list', { limit: 1 });
  const filter = toCoverageFilter(filters, debouncedGroup);
  const matrix = useRpc('coverage.matrix', { ...filter, level });

  const countryCode = settings.data?.countryCode ?? null;
  const levels = countries.data?.find((c) => c.code === countryCode)?.levels;
  const levelName = (n: 1 | 2) => levels?.[String(n)]?.[lang] ?? t('coverage.filters.levelN', { level: n });
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const selected = territoryId ? matrix.data?.territories.find((x) => x.id === territoryId) : undefined;

  if (any.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (any.data && any.data.total === 0) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('coverage.title')} subtitle={t('coverage.subtitle')} />
        <EmptyState
          title={t('coverage.empty.title')}
          text={t('coverage.empty.text')}
          action={
            <Button component="a" href={hrefOf('/imports/new')}>
              {t('coverage.empty.action')}
            </Button>
          }
        />
      </Stack>
    );
  }

  const chart = matrix.data
    ? matrix.data.sectors
        .map((s) => ({
          sector: t(`vocab.sector.${s}`),
          actors: matrix.data.cells.filter((c) => c.sector === s).reduce((n, c) => n + c.actors, 0),
        }))
        .filter((row) => row.actors > 0)
    : [];

  return (
    <Stack gap="lg">
      <PageHeader title={t('coverage.title')} subtitle={t('coverage.subtitle')} />

      <Paper withBorder p="md" component="section" aria-label={t('coverage.filters.label')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <DateField
              label={t('coverage.filters.from')}
              value={filters.from}
              onChange={(v) => set('from', v)}
              name="from"
            />
            <DateField
              label={t('coverage.filters.to')}
              value={filters.to}
              onChange={(v) => set('to', v)}
              name="to"
            />
            <MultiSelect
              label={t('coverage.filters.statuses')}
              data={INTERVENTION_STATUSES.map((s) => ({
                value: s,
                label: t(`vocab.interventionStatus.${s}`),
              }))}
              value={filters.statuses}
              onChange={(v) =>
                set(
                  'statuses',
                  INTERVENTION_STATUSES.filter((s) => v.includes(s)),
                )
              }
              clearable
            />
            <MultiSelect
              label={t('coverage.filters.sectors')}
              data={SECTORS.map((s) => ({ value: s, label: t(`vocab.sector.${s}`) }))}
              value={filters.sectors}
              onChange={(v) =>
                set(
                  'sectors',
                  SECTORS.filter((s) => v.includes(s)),
                )
              }
              searchable
              clearable
            />
            <TextInput
              label={t('coverage.filters.targetGroup')}
              value={filters.targetGroup}
              onChange={(e) => set('targetGroup', e.currentTarget.value)}
            />
            <OrganisationPicker
              label={t('coverage.filters.donor')}
              value={filters.donorId}
              onChange={(id) => set('donorId', id)}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="coverage-level-label">
                {t('coverage.filters.level')}
              </Text>
              <SegmentedControl
                aria-labelledby="coverage-level-label"
                value={String(level)}
                onChange={(v) => {
                  setLevel(v === '1' ? 1 : 2);
                  setTerritoryId(null);
                }}
                data={[
                  { value: '1', label: levelName(1) },
                  { value: '2', label: levelName(2) },
                ]}
              />
            </Stack>
            <Group align="flex-end">
              <Button
                variant="subtle"
                onClick={() => {
                  setFilters(NO_FILTERS);
                  setTerritoryId(null);
                }}
              >
                {t('coverage.filters.reset')}
              </Button>
            </Group>
          </SimpleGrid>
          {selected ? (
            <Group gap="xs">
              <Badge
                variant="light"
                tt="none"
                size="lg"
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('coverage.filters.clearTerritory')}
                    onClick={() => setTerritoryId(null)}
                  />
                }
              >
                {t('coverage.filters.territory', { name: selected.label })}
              </Badge>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      <Tabs value={tab} onChange={(v) => setTab(TABS.find((x) => x === v) ?? 'matrix')} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`coverage.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>

        <Tabs.Panel value="matrix" pt="md">
          {matrix.isLoading ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : matrix.error ? (
            <Alert color="red">{errorMessage(matrix.error, t)}</Alert>
          ) : matrix.data ? (
            <MatrixView matrix={matrix.data} filter={filter} level={level} territoryId={territoryId} />
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="overlaps" pt="md">
          <OverlapsView filter={filter} level={level} />
        </Tabs.Panel>
        <Tabs.Panel value="gaps" pt="md">
          <GapsView filter={filter} level={level} />
        </Tabs.Panel>
        <Tabs.Panel value="freshness" pt="md">
          <FreshnessView />
        </Tabs.Panel>
        <Tabs.Panel value="map" pt="md">
          {!countryCode ? (
            <Alert color="gray">{t('coverage.map.noCountry')}</Alert>
          ) : matrix.error ? (
            <Alert color="red">{errorMessage(matrix.error, t)}</Alert>
          ) : matrix.data ? (
            <CoverageMap
              countryCode={countryCode}
              level={level}
              levelName={levelName(level)}
              matrix={matrix.data}
              figure={figure}
              sector={mapSector}
              onFigureChange={setFigure}
              onSectorChange={setMapSector}
              selectedId={territoryId}
              onSelect={setTerritoryId}
              onShowInMatrix={() => setTab('matrix')}
            />
          ) : (
            <Loader size="sm" aria-label={t('common.loading')} />
          )}
        </Tabs.Panel>
      </Tabs>

      <Stack gap="xs" component="section" aria-label={t('coverage.chart.title')}>
        <Title order={4}>{t('coverage.chart.title')}</Title>
        {chart.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('coverage.chart.none')}
          </Text>
        ) : (
          <BarChart
            h={Math.max(160, chart.length * 32)}
            data={chart}
            dataKey="sector"
            orientation="vertical"
            yAxisProps={{ width: 200 }}
            // Counts of actors: whole numbers on the axis.
            xAxisProps={{ allowDecimals: false }}
            series={[{ name: 'actors', label: t('coverage.chart.actors'), color: 'blue.6' }]}
          />
        )}
      </Stack>
    </Stack>
  );
}
