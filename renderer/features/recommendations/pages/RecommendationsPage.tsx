import { Alert, Button, Group, Loader, Select, Stack, Switch, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/errors';
import { navigate } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { ExportSpreadsheetButton } from '../../exports/ExportSpreadsheetButton';
import { hashQuery, replaceHashQuery } from '../../planning/calendarMath';
import { ImplementationRate } from '../components/ImplementationRate';
import { RegisterFilters } from '../components/RegisterFilters';
import { RegisterTable } from '../components/RegisterTable';
import {
  isRegisterFiltered,
  REGISTER_SORTS,
  type RegisterFilterValue,
  type RegisterSort,
  registerFilterFromQuery,
  registerFilterInput,
  registerFilterToQuery,
  type SortDirection,
  sortFromQuery,
} from '../register';
import { useHashNavigationKey } from '../useHashNavigation';

const PAGE_SIZE = 50;
/** The contract's ceiling for one call. */
const MAX_ROWS = 1000;

function Register({ onAddressWritten }: { onAddressWritten: () => void }) {
  const { t } = useTranslation();
  // Read once: later changes of the address come from this page itself (replaceHashQuery).
  const [initial] = useState(() => {
    const query = hashQuery();
    return {
      filter: registerFilterFromQuery(query),
      ...sortFromQuery(query),
      group: query.get('group') === '1',
    };
  });
  const [filters, setFilters] = useState<RegisterFilterValue>(initial.filter);
  const [sort, setSort] = useState<RegisterSort>(initial.sort);
  const [direction, setDirection] = useState<SortDirection>(initial.direction);
  const [grouped, setGrouped] = useState(initial.group);

  // Typing in the search boxes asks the backend once the secretary pauses.
  const [text] = useDebouncedValue(filters.text, 300);
  const [theme] = useDebouncedValue(filters.theme, 300);
  const filterInput = useMemo(() => registerFilterInput({ ...filters, text, theme }), [filters, text, theme]);

  // "Charger plus" extends the list for this filter and order only: another one starts again
  // from the first rows (derived here rather than reset in an effect, which would fetch twice).
  const pagingKey = `${JSON.stringify(filterInput)}|${sort}|${direction}`;
  const [paging, setPaging] = useState({ key: pagingKey, limit: PAGE_SIZE });
  const limit = paging.key === pagingKey ? paging.limit : PAGE_SIZE;

  useEffect(() => {
    replaceHashQuery({
      ...registerFilterToQuery({ ...filters, text, theme }),
      sort: sort === 'reference' ? null : sort,
      dir: direction === 'asc' ? null : direction,
      group: grouped ? '1' : null,
    });
    onAddressWritten();
  }, [filters, text, theme, sort, direction, grouped, onAddressWritten]);

  const list = useRpc(
    'recommendations.list',
    { ...filterInput, sort, direction, limit, offset: 0 },
    { placeholderData: keepPreviousData },
  );
  const rate = useRpc('recommendations.rate', filterInput, { placeholderData: keepPreviousData });

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const filtered = isRegisterFiltered(filters);

  const newPath = () => {
    const bodyId = filters.bodyIds.length === 1 ? filters.bodyIds[0] : undefined;
    return bodyId ? `/recommendations/new?bodyId=${bodyId}` : '/recommendations/new';
  };

  let content: ReactNode;
  if (list.error) {
    content = <Alert color="red">{errorMessage(list.error, t)}</Alert>;
  } else if (list.isLoading) {
    content = <Loader size="sm" aria-label={t('recommendations.list.loading')} />;
  } else if (rows.length === 0) {
    content = (
      <EmptyState
        title={t(filtered ? 'recommendations.list.noMatchTitle' : 'recommendations.list.emptyTitle')}
        text={t(filtered ? 'recommendations.list.noMatchText' : 'recommendations.list.emptyText')}
        action={
          filtered ? undefined : (
            <Button onClick={() => navigate(newPath())}>{t('recommendations.list.new')}</Button>
          )
        }
      />
    );
  } else {
    content = (
      <Stack gap="sm">
        <RegisterTable
          rows={rows}
          label={t('recommendations.list.tableLabel')}
          groupByLead={grouped}
          sort={{
            sort,
            direction,
            onChange: (s, d) => {
              setSort(s);
              setDirection(d);
            },
          }}
        />
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t('recommendations.list.shown', { count: total, shown: rows.length })}
          </Text>
          {rows.length < total && limit < MAX_ROWS ? (
            <Button
              variant="light"
              loading={list.isFetching}
              onClick={() => setPaging({ key: pagingKey, limit: Math.min(MAX_ROWS, limit + PAGE_SIZE) })}
            >
              {t('recommendations.list.loadMore')}
            </Button>
          ) : null}
        </Group>
        {rows.length < total && limit >= MAX_ROWS ? (
          <Text size="sm" c="dimmed">
            {t('recommendations.list.refine', { max: MAX_ROWS })}
          </Text>
        ) : null}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={t('recommendations.list.title')}
        subtitle={t('recommendations.list.subtitle')}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/roadmaps')}>
              {t('recommendations.list.roadmaps')}
            </Button>
            {/* The file holds what the register shows: the same filter, as the backend reads it. */}
            <ExportSpreadsheetButton request={{ kind: 'recommendationsRegister', filter: filterInput }} />
            <Button onClick={() => navigate(newPath())}>{t('recommendations.list.new')}</Button>
          </>
        }
      />
      <RegisterFilters value={filters} onChange={setFilters} />
      <ImplementationRate rate={rate.data} loading={rate.isLoading} />
      <Group gap="md" justify="space-between" wrap="wrap">
        <Switch
          label={t('recommendations.list.groupByLead')}
          checked={grouped}
          onChange={(event) => setGrouped(event.currentTarget.checked)}
        />
        <Group gap="xs">
          <Select
            label={t('recommendations.list.sortLabel')}
            data={REGISTER_SORTS.map((s) => ({ value: s, label: t(`recommendations.sort.${s}`) }))}
            value={sort}
            onChange={(v) => {
              const next = REGISTER_SORTS.find((s) => s === v);
              if (next) setSort(next);
            }}
            allowDeselect={false}
            size="xs"
            w={200}
          />
          <Select
            label={t('recommendations.list.directionLabel')}
            data={[
              { value: 'asc', label: t('recommendations.sort.asc') },
              { value: 'desc', label: t('recommendations.sort.desc') },
            ]}
            value={direction}
            onChange={(v) => setDirection(v === 'desc' ? 'desc' : 'asc')}
            allowDeselect={false}
            size="xs"
            w={140}
          />
        </Group>
      </Group>
      {content}
    </Stack>
  );
}

/** "Registre des recommandations": every recommendation, filtered, sorted, grouped, with its rate. */
export function RecommendationsPage() {
  const { key, remember } = useHashNavigationKey();
  return <Register key={key} onAddressWritten={remember} />;
}
