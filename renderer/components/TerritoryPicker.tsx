import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type CountryCode } from '../../shared/domain/vocabularies';
import { useRpc } from '../app/rpc';
import { type PickerProps, PickerSelect } from './EntitySelect';

export interface TerritoryPickerProps extends PickerProps {
  /** Limits the search to one country. */
  countryCode?: string | null;
}

const SEPARATOR = ' › ';

/** "Gao › Ansongo (ML0702)": the path says which Ansongo, the P-code is what partners use. */
export function territoryLabel(t: { name: string; pcode: string | null; path?: string | null }): string {
  let path = t.path?.trim() || t.name;
  if (!path.endsWith(t.name)) path = `${path}${SEPARATOR}${t.name}`;
  return t.pcode ? `${path} (${t.pcode})` : path;
}

function isCountry(code: string | null | undefined): code is CountryCode {
  return !!code && (COUNTRIES as readonly string[]).includes(code);
}

/**
 * Chooses a territory by typing part of its name: the search runs in the backend (tens of
 * thousands of localities do not belong in a dropdown), debounced while the user types.
 */
export function TerritoryPicker({ countryCode, placeholder, ...props }: TerritoryPickerProps) {
  const { value } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);

  const current = useRpc('territories.get', { id: value ?? '' }, { enabled: !!value });
  const currentLabel = useMemo(() => {
    const c = current.data;
    if (!c) return null;
    // The country itself (level 0, if stored) is implied by the form; start below it.
    const names = [...c.ancestors.filter((a) => a.level > 0).map((a) => a.name), c.name];
    return territoryLabel({ name: c.name, pcode: c.pcode, path: names.join(SEPARATOR) });
  }, [current.data]);

  // Once an option is chosen the input shows its label: that is not a new search.
  const searching = debounced.length > 0 && debounced !== currentLabel;
  const results = useRpc(
    'territories.search',
    { text: debounced, limit: 30, ...(isCountry(countryCode) ? { countryCode } : {}) },
    { enabled: searching, placeholderData: keepPreviousData },
  );

  const data = useMemo(() => {
    const items = new Map<string, string>();
    if (value && currentLabel) items.set(value, currentLabel);
    if (searching) for (const r of results.data ?? []) items.set(r.id, territoryLabel(r));
    return [...items].map(([id, text]) => ({ value: id, label: text }));
  }, [value, currentLabel, searching, results.data]);

  return (
    <PickerSelect
      {...props}
      placeholder={placeholder ?? t('common.picker.territoryPlaceholder')}
      data={data}
      searchValue={search}
      onSearchChange={setSearch}
      // The backend already filtered (by name, alias or P-code): show its answer as it is.
      filter={({ options }) => options}
      nothingFoundMessage={
        !searching
          ? t('common.picker.typeToSearch')
          : results.isFetching
            ? t('common.loading')
            : t('common.picker.nothingFound')
      }
    />
  );
}
