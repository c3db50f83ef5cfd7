import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from '../../../../shared/domain/vocabularies';
import type { Ref } from '../../../../shared/rpc/common';
import { useRpc } from '../../../app/rpc';
import { territoryLabel } from '../../../components/TerritoryPicker';

export interface ZonesInputProps {
  label: string;
  description?: string;
  value: string[];
  onChange(value: string[]): void;
  /** Labels of the zones already chosen (from the record), so their pills read well at once. */
  known: Ref[];
  /** Limits the search to one country when the organisation has one. */
  countryCode?: CountryCode | null;
  error?: React.ReactNode;
}

/**
 * Several territories at any level, found by name through territories.search (accents and
 * spelling variants are handled by the backend, so the dropdown shows its results unfiltered).
 */
export function ZonesInput({
  label,
  description,
  value,
  onChange,
  known,
  countryCode,
  error,
}: ZonesInputProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // Labels of every territory seen so far: chosen pills keep their name after the search changes.
  const [labels, setLabels] = useState(() => new Map(known.map((z) => [z.id, z.label])));

  const results = useRpc(
    'territories.search',
    { text: debounced, limit: 30, ...(countryCode ? { countryCode } : {}) },
    { enabled: debounced.length >= 2, placeholderData: keepPreviousData },
  );

  const data = useMemo(() => {
    const options = new Map<string, string>();
    for (const id of value) options.set(id, labels.get(id) ?? id);
    if (debounced.length >= 2) {
      for (const r of results.data ?? []) {
        options.set(r.id, territoryLabel(r));
      }
    }
    return [...options].map(([id, text]) => ({ value: id, label: text }));
  }, [value, labels, results.data, debounced]);

  function handleChange(next: string[]) {
    const added = next.filter((id) => !labels.has(id));
    if (added.length > 0) {
      const copy = new Map(labels);
      for (const id of added) {
        const option = data.find((d) => d.value === id);
        if (option) copy.set(id, option.label);
      }
      setLabels(copy);
    }
    onChange(next);
  }

  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={handleChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      clearable
      nothingFoundMessage={debounced.length >= 2 ? t('organisations.form.zonesNothingFound') : undefined}
      error={error}
      maxDropdownHeight={280}
    />
  );
}
