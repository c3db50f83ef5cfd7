import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/errors';
import { useRpc } from '../../../app/rpc';
import { NO_REGISTER_FILTER, type RegisterFilterValue, registerFilterInput } from '../register';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';

const PAGE = 100;
const NONE: readonly string[] = [];

/**
 * Chooses items of the register with check boxes (for a roadmap). The choice survives filter
 * changes: search for one theme, tick, search for another, tick again.
 */
export function RecommendationPicker({
  selected,
  onChange,
  excludeIds = NONE,
  initialBodyId = null,
}: {
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** Items already chosen elsewhere (already in the roadmap): not offered again. */
  excludeIds?: readonly string[];
  initialBodyId?: string | null;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<RegisterFilterValue>({
    ...NO_REGISTER_FILTER,
    bodyIds: initialBodyId ? [initialBodyId] : [],
  });
  const [limit, setLimit] = useState(PAGE);
  const [text] = useDebouncedValue(filters.text, 300);
  const input = registerFilterInput({ ...filters, text });
  const list = useRpc(
    'recommendations.list',
    { ...input, sort: 'reference', direction: 'asc', limit, offset: 0 },
    { placeholderData: keepPreviousData },
  );
  const excluded = useMemo(() => new Set(excludeIds), [excludeIds]);
  const rows = useMemo(
    () => (list.data?.rows ?? []).filter((r) => !excluded.has(r.id)),
    [list.data, excluded],
  );
  const chosen = useMemo(() => new Set(selected), [selected]);

  const toggle = (ids: string[], checked: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (checked) next.add(id);
      else next.delete(id);
    }
    // Keep the order in which they were ticked: it becomes the roadmap's order.
    onChange([...selected.filter((id) => next.has(id)), ...ids.filter((id) => checked && !chosen.has(id))]);
  };

  return (
    <Stack gap="sm">
      <RegisterFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setLimit(PAGE);
        }}
        compact
      />
      <Text size="sm" fw={500} aria-live="polite">
        {t('recommendations.picker.selected', { count: selected.length })}
      </Text>
      {list.error ? (
        <Alert color="red">{errorMessage(list.error, t)}</Alert>
      ) : list.isLoading ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('recommendations.picker.nothing')}
        </Text>
      ) : (
        <RegisterTable
          rows={rows}
          label={t('recommendations.picker.tableLabel')}
          selection={{ selected: chosen, onChange: toggle }}
        />
      )}
      {list.data && list.data.rows.length < list.data.total && limit < 1000 ? (
        <Group>
          <Button variant="light" size="xs" onClick={() => setLimit((l) => Math.min(1000, l + PAGE))}>
            {t('recommendations.list.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
