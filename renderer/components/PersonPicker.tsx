import { Select } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../shared/domain/text';
import { useRpc } from '../app/rpc';
import { foldFilter } from './pickerFilter';

export interface PersonPickerProps {
  label: ReactNode;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  required?: boolean;
  description?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
}

/** "Aminata Traoré — DRDSES Koulikoro": as the backend writes names, then the organisation. */
export function personLabel(p: {
  firstName: string;
  lastName: string;
  organisation?: { label: string } | null;
}): string {
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
  return p.organisation ? `${name} — ${p.organisation.label}` : name;
}

/** Chooses one person of the directory; typing filters without accents. */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
  required,
  description,
  placeholder,
  disabled,
}: PersonPickerProps) {
  const { t } = useTranslation();
  const list = useRpc('people.list', {});
  const inList = !value || (list.data ?? []).some((p) => p.id === value);
  const current = useRpc('people.get', { id: value ?? '' }, { enabled: !!value && !!list.data && !inList });

  const data = useMemo(() => {
    const items = (list.data ?? []).map((p) => ({
      value: p.id,
      label: personLabel(p),
      sort: `${p.lastName} ${p.firstName}`,
    }));
    if (value && !inList && current.data) {
      items.push({
        value,
        label: personLabel(current.data),
        sort: `${current.data.lastName} ${current.data.firstName}`,
      });
    }
    return items
      .sort((a, b) => compareFr(a.sort, b.sort))
      .map(({ value: v, label: l }) => ({ value: v, label: l }));
  }, [list.data, value, inList, current.data]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('common.picker.personPlaceholder')}
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
