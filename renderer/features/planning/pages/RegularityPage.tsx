import { Alert, Group, Loader, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describePeriodicity } from '../../../../shared/domain/periodicity';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { todayIso } from '../../bodies/components/dates';
import { formatPercent, hashQuery, replaceHashQuery, yearParam } from '../calendarMath';
import {
  BodyFilters,
  type BodyFilterValue,
  bodyFilterInput,
  isFiltered,
  NO_BODY_FILTER,
} from '../components/BodyFilters';
import { RateBar } from '../components/RateBar';
import { byName, byRate, summariseRegularity, yearOptions } from '../regularity';

type Sort = 'name' | 'rate';

/** Which bodies actually meet as often as their texts say: held / planned sessions, per body. */
export function RegularityPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const currentYear = Number(todayIso().slice(0, 4));
  const [year, setYearState] = useState(() => yearParam(hashQuery().get('year'), currentYear));
  const [filters, setFilters] = useState<BodyFilterValue>(NO_BODY_FILTER);
  const [sort, setSort] = useState<Sort>('name');

  const setYear = (next: number) => {
    setYearState(next);
    replaceHashQuery({ year: String(next) });
  };

  const regularity = useRpc(
    'planning.regularity',
    { year, ...bodyFilterInput(filters) },
    { placeholderData: keepPreviousData },
  );
  const bodies = useRpc('bodies.list', {});
  const periodicities = useMemo(
    () => new Map((bodies.data ?? []).map((b) => [b.id, b.periodicity])),
    [bodies.data],
  );

  const rows = useMemo(
    () => [...(regularity.data ?? [])].sort(sort === 'rate' ? byRate : byName),
    [regularity.data, sort],
  );
  const summary = summariseRegularity(rows);

  let content: ReactNode;
  if (regularity.error) {
    content = <Alert color="red">{errorMessage(regularity.error, t)}</Alert>;
  } else if (regularity.isLoading) {
    content = <Loader size="sm" aria-label={t('planning.regularity.loading')} />;
  } else if (rows.length === 0) {
    content = (
      <EmptyState
        title={t(isFiltered(filters) ? 'planning.regularity.noMatchTitle' : 'planning.regularity.emptyTitle')}
        text={t(isFiltered(filters) ? 'planning.regularity.noMatchText' : 'planning.regularity.emptyText')}
      />
    );
  } else {
    content = (
      <Stack gap="sm">
        <Paper withBorder p="md" bg="gray.0">
          {summary.conformity === null ? (
            <Text>{t('planning.regularity.noPlanned', { year })}</Text>
          ) : (
            <Stack gap={4}>
              <Text fw={500}>
                {t('planning.regularity.summary', {
                  count: summary.compliant,
                  total: summary.considered,
                  rate: formatPercent(summary.conformity, lang),
                  year,
                })}
              </Text>
              {summary.average !== null ? (
                <Text size="sm" c="dimmed">
                  {t('planning.regularity.average', { rate: formatPercent(summary.average, lang) })}
                </Text>
              ) : null}
            </Stack>
          )}
        </Paper>
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('planning.regularity.tableLabel', { year })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planning.regularity.columns.body')}</Table.Th>
                <Table.Th>{t('planning.regularity.columns.kind')}</Table.Th>
                <Table.Th>{t('planning.regularity.columns.level')}</Table.Th>
                <Table.Th>{t('planning.regularity.columns.periodicity')}</Table.Th>
                <Table.Th ta="right">{t('planning.regularity.columns.planned')}</Table.Th>
                <Table.Th ta="right">{t('planning.regularity.columns.held')}</Table.Th>
                <Table.Th>{t('planning.regularity.columns.rate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const periodicity = periodicities.get(row.body.id);
                return (
                  <Table.Tr key={row.body.id}>
                    <Table.Td>
                      <Link to={`/bodies/${row.body.id}`}>{row.body.label}</Link>
                    </Table.Td>
                    <Table.Td>{t(`vocab.bodyKind.${row.kind}`)}</Table.Td>
                    <Table.Td>{t(`vocab.bodyLevel.${row.level}`)}</Table.Td>
                    <Table.Td>
                      {periodicity ? describePeriodicity(periodicity, lang) : row.periodicity}
                    </Table.Td>
                    <Table.Td ta="right">{row.planned}</Table.Td>
                    <Table.Td ta="right">{row.held}</Table.Td>
                    <Table.Td>
                      <RateBar rate={row.rate} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('planning.regularity.title')} subtitle={t('planning.regularity.subtitle')} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('planning.regularity.year')}
          data={yearOptions(currentYear, year)}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={120}
        />
        <BodyFilters value={filters} onChange={setFilters} withBodies={false} />
      </Group>
      <Group gap="xs">
        <Text size="sm">{t('planning.regularity.sortLabel')}</Text>
        <SegmentedControl
          size="xs"
          aria-label={t('planning.regularity.sortLabel')}
          value={sort}
          onChange={(v) => setSort(v === 'rate' ? 'rate' : 'name')}
          data={[
            { value: 'name', label: t('planning.regularity.sortName') },
            { value: 'rate', label: t('planning.regularity.sortRate') },
          ]}
        />
      </Group>
      {content}
    </Stack>
  );
}
