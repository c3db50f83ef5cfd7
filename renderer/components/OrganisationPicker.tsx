import { Select } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../shared/domain/text';
import { useRpc } from '../app/rpc';
import { foldFilter } from './pickerFilter';

export interface OrganisationPickerProps {
  label: ReactNode;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  /** An organisation that must not be offered (itself, when choosing a parent). */
  excludeId?: string | null;
  required?: boolean;
  description?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
}

/** "ACRONYME — Nom", or the name alone. */
export function organisationLabel(o: { name: string; acronym: string | null }): string {
  return o.acronym ? `${o.acronym} — ${o.name}` : o.name;
}

/** Chooses one organisation among those of the registry; typing filters without accents. */
export function OrganisationPicker({
  label,
  value,
  onChange,
  error,
  excludeId,
  required,
  description,
  placeholder,
  disabled,
}: OrganisationPickerProps) {
  const { t } = useTranslation();
  const list = useRpc('organisations.list', {});
  const inList = !value || (list.data ?? []).some((o) => o.id === value);
  // A trashed organisation still referenced by a record is not in the list: fetch its name.
  const current = useRpc(
    'organisations.get',
    { id: value ?? '' },
    { enabled: !!value && !!list.data && !inList },
  );

  const data = useMemo(() => {
    const items = (list.data ?? [])
      .filter((o) => o.id !== excludeId)
      .map((o) => ({ value: o.id, label: organisationLabel(o) }));
    if (value && !inList && current.data) items.push({ value, label: organisationLabel(current.data) });
    return items.sort((a, b) => compareFr(a.label, b.label));
  }, [list.data, excludeId, value, inList, current.data]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('common.picker.organisationPlaceholder')}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
      error={error}
      required={required}
      disabled={disabled}
      searchable
      clearable={!required}
      filter={foldFilter}
      limit={100}
      nothingFoundMessage={list.isLoading ? t('common.loading') : t('common.picker.nothingFound')}
    />
  );
}
